import * as vscode from 'vscode';
import type { DriftController, OverlayState } from './driftController';

/**
 * The overlay `file` (default: the active editor's document) belongs to; asks when that is
 * ambiguous or there is no such file.
 */
export async function pickOverlay(drift: DriftController, title: string, file?: vscode.Uri): Promise<OverlayState | undefined> {
  const active = file ?? vscode.window.activeTextEditor?.document.uri;
  const candidates = active?.scheme === 'file' ? drift.overlaysUsing(active.fsPath) : [];
  if (candidates.length === 1) return candidates[0];
  const choices = (candidates.length > 0 ? candidates : drift.all).map((o) => ({
    label: vscode.workspace.asRelativePath(o.dir),
    description: describeOverlay(o),
    overlay: o,
  }));
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('Driftline: no kustomization found in this workspace.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(choices, { title, placeHolder: 'Which overlay?' }))?.overlay;
}

export function describeOverlay(o: OverlayState): string {
  if (o.errors.length > 0) return '$(error) does not render';
  const drifted = o.diffs.filter((d) => d.status !== 'Synced').length;
  return drifted > 0 ? `$(warning) ${drifted} out of sync` : '$(check) in sync';
}
