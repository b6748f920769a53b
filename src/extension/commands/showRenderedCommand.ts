import * as vscode from 'vscode';
import type { DriftController } from '../driftController';
import { ManifestDocuments } from '../manifestDocuments';
import { pickOverlay } from '../overlayPicker';

/** `Driftline: Show Rendered Manifests` — a read-only document that follows edits as you type. */
export async function showRenderedCommand(drift: DriftController): Promise<void> {
  await drift.start();
  const overlay = await pickOverlay(drift, 'Driftline: Show Rendered Manifests');
  if (!overlay) return;
  const doc = await vscode.workspace.openTextDocument(ManifestDocuments.renderedUri(overlay.dir));
  await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
