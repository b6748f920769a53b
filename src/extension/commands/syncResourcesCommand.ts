import * as vscode from 'vscode';
import { refOf } from '../../core/diff/diffRendered';
import { render } from '../../core/kustomize/render';
import type { Logger, ObjectRef } from '../../core/ports';
import { applyRendered } from '../../core/sync/applyRendered';
import { DiskFileSystem } from '../../node/diskFileSystem';
import type { DriftController } from '../driftController';
import { describeRef, sameRef } from '../resourceRef';

export interface SyncResourcesTarget {
  readonly overlay: string;
  readonly refs: readonly ObjectRef[];
}

/**
 * Sync Selected (diff panel): server-side apply only the chosen resources of one overlay,
 * as rendered from disk, after the same modal confirmation as `Driftline: Sync`. Nothing is
 * pruned: a partial sync must never delete what it was not asked about.
 */
export async function syncResourcesCommand(drift: DriftController, logger: Logger, target: SyncResourcesTarget): Promise<void> {
  await drift.start();
  const overlay = drift.overlay(target.overlay);
  const kube = drift.client;
  if (!overlay || !kube) {
    void vscode.window.showErrorMessage(`Driftline: ${!overlay ? `${target.overlay} is not a known overlay` : 'not connected to a cluster'}.`);
    return;
  }
  const where = vscode.workspace.asRelativePath(overlay.dir);
  const rendered = await render(new DiskFileSystem(), overlay.dir);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${where} does not render: ${rendered.error[0]?.message ?? 'unknown error'}`);
    return;
  }
  const chosen = rendered.value.resources.filter((r) => target.refs.some((ref) => sameRef(refOf(r), ref)));
  // A chosen resource that is gone from Git (Extra) has nothing to apply: say so instead of silently skipping.
  const absent = target.refs.filter((ref) => !chosen.some((r) => sameRef(refOf(r), ref)));
  if (chosen.length === 0) {
    void vscode.window.showWarningMessage(`Driftline: nothing to apply — ${absent.map(describeRef).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not in ${where}.`);
    return;
  }
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && overlay.inputs.has(d.uri.fsPath));
  const detail = [
    `Server-side apply (field manager "driftline"; fields another manager owns are not taken): ${chosen.map((r) => describeRef(refOf(r))).join(', ')}.`,
    absent.length > 0 ? `Not in Git, left alone: ${absent.map(describeRef).join(', ')}.` : '',
    unsaved.length > 0 ? `Unsaved changes are NOT included: ${unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}.` : '',
  ].filter(Boolean).join('\n');
  const noun = chosen.length === 1 ? '1 resource' : `${chosen.length} resources`;
  const choice = await vscode.window.showWarningMessage(`Sync ${noun} of ${where} to context "${kube.contextName}"?`, { modal: true, detail }, 'Sync');
  if (choice !== 'Sync') return;

  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: syncing ${noun} to ${kube.contextName}`, cancellable: false },
    () => applyRendered(kube, { ...rendered.value, resources: chosen }, { dryRun: false, trackingId: overlay.trackingId }),
  );
  const failed = results.find((r) => r.error);
  if (failed) {
    logger.error(`sync of ${noun} of ${overlay.dir} failed at ${failed.object.kind}/${failed.object.metadata.name}: ${failed.error}`);
    void vscode.window.showErrorMessage(`Driftline: sync failed at ${failed.object.kind}/${failed.object.metadata.name}: ${failed.error}`);
    return;
  }
  logger.info(`synced ${results.length} selected resources of ${overlay.dir} to ${kube.contextName}`);
  void vscode.window.showInformationMessage(`Driftline: synced ${noun} to ${kube.contextName}.`);
}
