import * as vscode from 'vscode';
import type { DriftController } from './driftController';
import type { ResourceDiff } from '../core/diff/types';
import { refOfDiff, type OverlayResource } from './resourceRef';
import { settledRepeat } from './settledRepeat';

/**
 * Above each resource document that an overlay renders (in base and overlay
 * files alike), one lens per overlay: `production: OutOfSync · 2 fields · Diff · Sync`.
 */
export class DriftCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /**
   * VS Code drops a pending lens request when the editor loses focus (its CodeLens contribution
   * cancels on onDidBlurEditorText), so a change that lands just before the user clicks into a
   * panel, say Problems after a save, would leave the old lenses until the editor is focused
   * again. Announcing each change once more after a quiet second asks again in the panel's time.
   */
  private readonly announce = settledRepeat(() => this.changed.fire(), 1_000);

  constructor(private readonly drift: DriftController) {
    this.subscription = drift.onDidChange(() => this.announce.request());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== 'file') return [];
    const path = document.uri.fsPath;
    const lenses: vscode.CodeLens[] = [];
    for (const overlay of this.drift.overlaysUsing(path)) {
      const name = vscode.workspace.asRelativePath(overlay.dir).split('/').slice(-1)[0] ?? overlay.dir;
      if (overlay.dir === dirOf(path) && /kustomization\.ya?ml$|Kustomization$/.test(path)) lenses.push(...summaryLens(name, overlay.diffs, overlay.errors.length));
      for (const diff of driftedIn(overlay.diffs).get(path) ?? []) {
        const range = new vscode.Range(diff.source.line - 1, 0, diff.source.line - 1, 0);
        const target: OverlayResource = { overlay: overlay.dir, ref: refOfDiff(diff) };
        const fields = diff.changes.length > 0 ? ` · ${diff.changes.length} field${diff.changes.length === 1 ? '' : 's'}` : '';
        lenses.push(
          new vscode.CodeLens(range, { title: `$(warning) ${name}: ${diff.status}${fields}`, command: 'driftline.openDiff', arguments: [target] }),
          new vscode.CodeLens(range, { title: 'Diff', command: 'driftline.openDiff', arguments: [target] }),
          new vscode.CodeLens(range, { title: 'Sync', command: 'driftline.sync', arguments: [target] }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.announce.dispose();
    this.changed.dispose();
  }
}

/** Drifted resources by the file that declares them, once per diff array: a keystroke's change event re-diffs one overlay, so the lenses of a base file that hundreds of overlays read no longer walk every diff of every overlay. */
type SourcedDiff = ResourceDiff & { readonly source: NonNullable<ResourceDiff['source']> };
const driftIndex = new WeakMap<readonly ResourceDiff[], Map<string, SourcedDiff[]>>();

function driftedIn(diffs: readonly ResourceDiff[]): ReadonlyMap<string, readonly SourcedDiff[]> {
  let byFile = driftIndex.get(diffs);
  if (!byFile) {
    byFile = new Map();
    for (const diff of diffs) {
      if (!isSourced(diff) || diff.status === 'Synced') continue;
      const list = byFile.get(diff.source.file);
      if (list) list.push(diff);
      else byFile.set(diff.source.file, [diff]);
    }
    driftIndex.set(diffs, byFile);
  }
  return byFile;
}

function isSourced(diff: ResourceDiff): diff is SourcedDiff {
  return diff.source !== undefined;
}

function summaryLens(name: string, diffs: readonly ResourceDiff[], errors: number): vscode.CodeLens[] {
  const count = (s: string): number => diffs.filter((d) => d.status === s).length;
  const parts = [['OutOfSync', count('OutOfSync')], ['Missing', count('Missing')], ['Extra', count('Extra')]].filter(([, n]) => Number(n) > 0).map(([s, n]) => `${n} ${s}`);
  const range = new vscode.Range(0, 0, 0, 0);
  // An overlay that does not render has no diffs: say so (as the Apps tree does) instead of
  // "0 resources in sync", and lead to the errors in Problems.
  if (errors > 0) {
    return [new vscode.CodeLens(range, { title: `$(error) ${name}: does not render (${errors} error${errors === 1 ? '' : 's'})`, command: 'workbench.actions.view.problems' })];
  }
  const title = parts.length > 0 ? `$(warning) ${name}: ${parts.join(' · ')}` : `$(check) ${name}: ${diffs.length} resources in sync`;
  const lenses = [new vscode.CodeLens(range, { title, command: 'driftline.openDiff' }), new vscode.CodeLens(range, { title: 'Show Rendered', command: 'driftline.showRendered' })];
  if (parts.length > 0) lenses.push(new vscode.CodeLens(range, { title: 'Sync', command: 'driftline.sync' }));
  return lenses;
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
