import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { DriftController } from '../driftController';
import { pickOverlay } from '../overlayPicker';
import { describeRef, isOverlayResource, refOfDiff, type OverlayResource } from '../resourceRef';
import { syncResourcesCommand } from './syncResourcesCommand';

/**
 * `Driftline: Sync Resource` — one resource of an overlay: the one a hover or CodeLens names,
 * or, from the palette, one the user picks among the active overlay's drifted resources.
 * The flow (context guard, Argo CD or direct, preview, confirmation) is Sync Selected's.
 */
export async function syncResourceCommand(drift: DriftController, logger: Logger, auditPath: string, target?: unknown): Promise<void> {
  const chosen = isOverlayResource(target) ? target : await pickResource(drift);
  if (chosen) await syncResourcesCommand(drift, logger, auditPath, { overlay: chosen.overlay, refs: [chosen.ref] });
}

async function pickResource(drift: DriftController): Promise<OverlayResource | undefined> {
  await drift.start();
  const overlay = await pickOverlay(drift, 'Driftline: Sync Resource');
  if (!overlay) return undefined;
  const drifted = overlay.diffs.filter((d) => d.status !== 'Synced');
  if (drifted.length === 0) {
    void vscode.window.showInformationMessage(`Driftline: ${vscode.workspace.asRelativePath(overlay.dir)} has no drifted resource.`);
    return undefined;
  }
  const choices = drifted.map((d) => ({ label: describeRef(refOfDiff(d)), description: `${d.status}${d.changes.length ? ` · ${d.changes.length} field${d.changes.length === 1 ? '' : 's'}` : ''}`, ref: refOfDiff(d) }));
  const picked = await vscode.window.showQuickPick(choices, { title: 'Driftline: Sync Resource', placeHolder: 'Which resource?' });
  return picked && { overlay: overlay.dir, ref: picked.ref };
}
