import * as vscode from 'vscode';
import { formatFieldPath, isRecord } from '../../core/fieldPath';
import { relative } from '../../core/paths';
import type { PathSegment } from '../../core/provenance';
import type { DriftController } from '../driftController';
import { describeRef } from '../resourceRef';
import { refOf } from '../../core/diff/diffRendered';

interface TracedField {
  readonly label: string;
  readonly detail: string;
  readonly effective: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * `Driftline: Trace Field Origin` — which rendered fields the line at the cursor
 * shapes, in every overlay that reads this file, with each field's write chain.
 * Picking one jumps to the write that wins.
 */
export async function traceFieldCommand(drift: DriftController): Promise<void> {
  await drift.start();
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Driftline: open a kustomization or manifest file and put the cursor on a line.');
    return;
  }
  const file = editor.document.uri.fsPath;
  const line = editor.selection.active.line + 1;
  const traced: TracedField[] = [];
  for (const overlay of drift.overlaysUsing(file)) {
    for (const resource of overlay.rendered?.resources ?? []) {
      visitLeaves(resource.object, [], (path) => {
        const chain = overlay.rendered?.provenance.at(resource.object, path) ?? [];
        if (!chain.some((w) => w.file === file && w.line === line)) return;
        const [effective] = chain;
        if (!effective) return;
        traced.push({
          label: `${describeRef(refOf(resource))} · ${formatFieldPath(resource.object, path)}`,
          detail: `${vscode.workspace.asRelativePath(overlay.dir)}: ${chain.map((w) => `${relative(overlay.dir, w.file)}:${w.line} ${w.operation}`).join(' ← ')}`,
          effective,
        });
      });
    }
  }
  if (traced.length === 0) {
    void vscode.window.showInformationMessage(`Driftline: line ${line} shapes no rendered field.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(traced, { title: `Driftline: fields shaped by line ${line}`, matchOnDetail: true });
  if (!picked) return;
  const position = new vscode.Position(picked.effective.line - 1, Math.max(0, picked.effective.column - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(picked.effective.file), { selection: new vscode.Range(position, position) });
}

function visitLeaves(node: unknown, path: PathSegment[], visit: (path: PathSegment[]) => void): void {
  if (Array.isArray(node)) node.forEach((item, i) => visitLeaves(item, [...path, i], visit));
  else if (isRecord(node)) for (const [k, v] of Object.entries(node)) visitLeaves(v, [...path, k], visit);
  else visit(path);
}
