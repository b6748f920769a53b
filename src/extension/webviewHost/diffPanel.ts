import * as vscode from 'vscode';
import type { Logger, ObjectRef } from '../../core/ports';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../shared/diffPanelProtocol';
import { syncResourcesCommand } from '../commands/syncResourcesCommand';
import type { DriftController } from '../driftController';
import { diffPanelHtml, diffPanelRoots } from './diffPanelHtml';
import { diffTexts, panelSnapshot, refForKey, resourceKey } from './panelSnapshot';

export const diffPanelViewType = 'driftline.diff';

export interface DiffPanelDeps {
  readonly drift: DriftController;
  readonly logger: Logger;
  readonly extensionUri: vscode.Uri;
  /** Where sync audit records go (the same file `Driftline: Sync App` writes). */
  readonly auditPath: string;
}

/** Webview options for new and restored panels alike: scripts on, loads limited to our roots. */
export function diffPanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: diffPanelRoots(extensionUri) };
}

/**
 * One app's diff panel. Owns its webview panel and every listener on it; disposing the
 * panel (user closes it) disposes the rest and tells the owner through `onDidDispose`.
 */
export class DiffPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** The resource the webview shows; its diff is re-sent when drift changes. */
  private selected: string | undefined;
  /** A resource to select once the webview is ready (opened on a resource). */
  private pendingFocus: string | undefined;

  constructor(
    readonly overlay: string,
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: DiffPanelDeps,
  ) {
    panel.webview.options = diffPanelOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'driftline.svg');
    panel.webview.html = diffPanelHtml(panel.webview, deps.extensionUri, overlay);
    this.disposables.push(
      this.disposed,
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      deps.drift.onDidChange(() => this.push().catch((e: unknown) => deps.logger.warn(`diff panel: update failed: ${e instanceof Error ? e.message : String(e)}`))),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Brings the panel forward, on `ref` when given. */
  reveal(ref: ObjectRef | undefined): void {
    if (ref) {
      this.pendingFocus = resourceKey(ref);
      void this.post({ type: 'focus', key: this.pendingFocus });
    }
    this.panel.reveal(undefined, false);
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.deps.logger.warn(`diff panel: ignored an unexpected message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    this.handle(message).catch((e: unknown) => {
      const text = e instanceof Error ? e.message : String(e);
      this.deps.logger.error(`diff panel: ${message.type} failed: ${text}`);
      void vscode.window.showErrorMessage(`Driftline: ${text}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.push();
        if (this.pendingFocus) await this.post({ type: 'focus', key: this.pendingFocus });
        return;
      case 'select':
        this.selected = message.key;
        this.pendingFocus = undefined;
        return this.pushDiff();
      case 'refresh':
        return this.busyWhile(() => this.deps.drift.refresh());
      case 'syncAll':
        return this.busyWhile(async () => {
          await vscode.commands.executeCommand('driftline.sync', { overlay: this.overlay });
        });
      case 'syncSelected': {
        const overlay = this.deps.drift.overlay(this.overlay);
        const refs = message.keys.map((key) => refForKey(overlay, key)).filter((r): r is ObjectRef => r !== undefined);
        if (refs.length === 0) return;
        return this.busyWhile(() => syncResourcesCommand(this.deps.drift, this.deps.logger, this.deps.auditPath, { overlay: this.overlay, refs }));
      }
      case 'openNativeDiff': {
        const ref = refForKey(this.deps.drift.overlay(this.overlay), message.key);
        if (ref) await vscode.commands.executeCommand('driftline.openDiff', { overlay: this.overlay, ref });
        return;
      }
    }
  }

  private async busyWhile(work: () => Promise<void>): Promise<void> {
    await this.post({ type: 'busy', busy: true });
    try {
      await work();
    } finally {
      await this.post({ type: 'busy', busy: false });
    }
  }

  /** The current resource list, then the selected resource's diff. */
  private async push(): Promise<void> {
    await this.post({ type: 'snapshot', snapshot: panelSnapshot(this.deps.drift, this.overlay) });
    await this.pushDiff();
  }

  private async pushDiff(): Promise<void> {
    const key = this.selected;
    const ref = key ? refForKey(this.deps.drift.overlay(this.overlay), key) : undefined;
    if (!key || !ref) return;
    const texts = await diffTexts(this.deps.drift, this.overlay, ref);
    await this.post({ type: 'diff', key, ...texts });
  }

  private async post(message: HostMessage): Promise<void> {
    // A hidden panel drops messages; it asks again ('ready') when shown.
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    // Idempotent: the panel's own dispose event calls this again.
    const items = this.disposables.splice(0);
    if (items.length === 0) return;
    this.disposed.fire();
    this.panel.dispose();
    for (const d of items) d.dispose();
  }
}
