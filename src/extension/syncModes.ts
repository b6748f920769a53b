import * as vscode from 'vscode';

export type SyncMode = 'argo' | 'direct';

const stateKey = 'driftline.syncModes';

/**
 * Per app, whether Sync goes through Argo CD or applies directly: asked once, remembered in
 * the workspace's state, forgotten with `Driftline: Forget Sync Mode Choices`.
 */
export class SyncModeMemory {
  constructor(private readonly state: vscode.Memento) {}

  remembered(app: string): SyncMode | undefined {
    return this.state.get<Record<string, SyncMode>>(stateKey, {})[app];
  }

  /** The remembered mode, or asks (undefined: the user dismissed the question). */
  async choose(app: string, context: string): Promise<SyncMode | undefined> {
    const known = this.remembered(app);
    if (known) return known;
    const items: Array<vscode.QuickPickItem & { mode: SyncMode }> = [
      { label: '$(cloud-upload) Through Argo CD (recommended)', detail: `Ask Argo CD to sync ${app}: it applies what Git holds and records the operation.`, mode: 'argo' },
      { label: '$(warning) Apply directly (Argo CD may revert it)', detail: `Server-side apply from this workspace to ${context}, around Argo CD.`, mode: 'direct' },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Driftline: how should ${app} sync? (remembered for this app)`,
      placeHolder: `Argo CD manages ${app} on ${context}`,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    await this.state.update(stateKey, { ...this.state.get<Record<string, SyncMode>>(stateKey, {}), [app]: picked.mode });
    return picked.mode;
  }

  async forget(): Promise<number> {
    const count = Object.keys(this.state.get<Record<string, SyncMode>>(stateKey, {})).length;
    await this.state.update(stateKey, undefined);
    return count;
  }
}
