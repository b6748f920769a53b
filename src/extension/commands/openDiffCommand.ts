import * as vscode from 'vscode';
import type { DriftController } from '../driftController';
import { ManifestDocuments } from '../manifestDocuments';
import { pickOverlay } from '../overlayPicker';
import { describeRef, isOverlayResource, refOfDiff, type OverlayResource } from '../resourceRef';

/** `Driftline: Open Diff` — Git (rendered) against live for one resource, in VS Code's own diff editor. */
export async function openDiffCommand(drift: DriftController, target?: unknown): Promise<void> {
  await drift.start();
  const chosen = isOverlayResource(target) ? target : await pickResource(drift);
  if (!chosen) return;
  const context = drift.connection.kind === 'connected' ? drift.connection.context : 'not connected';
  await vscode.commands.executeCommand(
    'vscode.diff',
    ManifestDocuments.sideUri('desired', chosen),
    ManifestDocuments.sideUri('live', chosen),
    `${describeRef(chosen.ref)}: Git ↔ Live (${context})`,
    { preview: true },
  );
}

async function pickResource(drift: DriftController): Promise<OverlayResource | undefined> {
  const overlay = await pickOverlay(drift, 'Driftline: Open Diff');
  if (!overlay) return undefined;
  const items = [...overlay.diffs]
    .sort((a, b) => Number(a.status === 'Synced') - Number(b.status === 'Synced'))
    .map((d) => ({ label: describeRef(refOfDiff(d)), description: d.status, detail: d.changes.map((c) => c.path).join(', ') || undefined, target: { overlay: overlay.dir, ref: refOfDiff(d) } }));
  return (await vscode.window.showQuickPick(items, { title: 'Driftline: Open Diff', placeHolder: 'Which resource?' }))?.target;
}
