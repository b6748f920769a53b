import * as vscode from 'vscode';
import type { DriftController } from './driftController';

/** Render errors in the Problems panel, at the exact line and column. */
export class RenderProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('driftline');
  private readonly subscription: vscode.Disposable;
  /** The errors and warnings arrays the panel shows, per overlay in order. */
  private shown: ReadonlyArray<readonly unknown[] | undefined> = [];

  constructor(private readonly drift: DriftController) {
    this.subscription = drift.onDidChange(() => this.update());
  }

  private update(): void {
    // Most changes are diffs (a keystroke, a cluster event): the render problems of hundreds of
    // overlays are rebuilt and sent to the Problems panel only when some render changed.
    const sources = this.drift.all.flatMap((o) => [o.errors, o.rendered?.warnings]);
    if (sources.length === this.shown.length && sources.every((s, i) => s === this.shown[i])) return;
    this.shown = sources;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const overlay of this.drift.all) {
      for (const d of [...overlay.errors, ...(overlay.rendered?.warnings ?? [])]) {
        const line = Math.max(0, d.line - 1);
        const column = Math.max(0, d.column - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'driftline';
        const list = byFile.get(d.file) ?? [];
        if (!list.some((x) => x.message === diagnostic.message && x.range.isEqual(diagnostic.range))) list.push(diagnostic);
        byFile.set(d.file, list);
      }
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), diagnostics);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
