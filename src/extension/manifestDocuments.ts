import * as vscode from 'vscode';
import { refOf } from '../core/diff/diffRendered';
import { displayPair, displayYaml } from '../core/present/manifestView';
import type { DriftController } from './driftController';
import { isOverlayResource, sameRef, type OverlayResource } from './resourceRef';

export const manifestScheme = 'driftline';

/**
 * Read-only virtual documents: an overlay's rendered manifests, and the desired
 * and live sides of one resource for the native diff editor. They update as the
 * overlay is edited or the cluster changes; Secret values are always masked.
 */
export class ManifestDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly drift: DriftController) {
    this.subscription = drift.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === manifestScheme) this.changed.fire(doc.uri);
    });
  }

  static renderedUri(overlay: string): vscode.Uri {
    return vscode.Uri.from({ scheme: manifestScheme, path: `/rendered${overlay}.yaml`, query: JSON.stringify({ overlay }) });
  }

  static sideUri(side: 'desired' | 'live', target: OverlayResource): vscode.Uri {
    const { ref } = target;
    return vscode.Uri.from({ scheme: manifestScheme, path: `/${side}/${ref.kind}/${ref.namespace ?? '_'}/${ref.name}.yaml`, query: JSON.stringify(target) });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target: unknown = JSON.parse(uri.query || '{}');
    if (uri.path.startsWith('/rendered')) {
      const overlay = this.drift.overlay((target as { overlay?: string }).overlay ?? '');
      if (!overlay?.rendered) return `# ${overlay ? overlay.errors.map((e) => e.message).join('\n# ') : 'unknown overlay'}\n`;
      return displayYaml(overlay.rendered.resources.map((r) => r.object));
    }
    if (!isOverlayResource(target)) return '';
    const desired = this.drift.overlay(target.overlay)?.rendered?.resources.find((r) => sameRef(refOf(r), target.ref))?.object;
    const live = (await this.drift.liveObject(target.ref)) as Record<string, unknown> | undefined;
    const pair = displayPair(desired, live);
    return uri.path.startsWith('/desired') ? pair.desired : pair.live;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
