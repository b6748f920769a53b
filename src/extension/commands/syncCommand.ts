import * as vscode from 'vscode';
import { render } from '../../core/kustomize/render';
import { applyRendered } from '../../core/sync/applyRendered';
import { DiskFileSystem } from '../../node/diskFileSystem';
import type { DriftController, OverlayState } from '../driftController';
import { pickOverlay } from '../overlayPicker';
import { appNameOf } from '../appName';
import { confirmSync } from './syncConfirmation';
import { readSettings } from '../settings';
import type { Logger } from '../../core/ports';

/**
 * `Driftline: Sync` — server-side apply the overlay the active editor belongs to.
 * Applies what is saved on disk (what Git will hold), and says so when unsaved
 * edits are left out. Touching a cluster is destructive: one modal confirmation
 * that names the context.
 */
export async function syncCommand(drift: DriftController, logger: Logger, target?: unknown): Promise<void> {
  await drift.start();
  const overlay = overlayFromArgument(drift, target) ?? (await pickOverlay(drift, 'Driftline: Sync'));
  if (!overlay) return;
  const kube = drift.client;
  if (!kube) {
    void vscode.window.showErrorMessage(`Driftline: not connected to a cluster (${drift.connection.kind === 'disconnected' ? drift.connection.reason : 'no kubeconfig'}).`);
    return;
  }
  const rendered = await render(new DiskFileSystem(), overlay.dir);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${vscode.workspace.asRelativePath(overlay.dir)} does not render: ${rendered.error[0]?.message ?? 'unknown error'}`);
    return;
  }
  const drifted = overlay.diffs.filter((d) => d.status !== 'Synced');
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && overlay.inputs.has(d.uri.fsPath));
  const detail = [
    `${rendered.value.resources.length} resources will be server-side applied (field manager "driftline"; fields another manager owns are not taken: a conflict stops the sync and names the manager).`,
    drifted.length > 0 ? `Out of sync: ${drifted.map((d) => `${d.kind}/${d.name}`).join(', ')}.` : 'Nothing is out of sync.',
    unsaved.length > 0 ? `Unsaved changes are NOT included: ${unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}.` : '',
  ].filter(Boolean).join('\n');
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Driftline: this workspace is not trusted; cluster writes are disabled. Trust the workspace to sync.');
    return;
  }
  const namespaces = [...new Set(rendered.value.resources.map((r) => r.object.metadata['namespace']).filter((n): n is string => typeof n === 'string'))];
  const syncTarget = { appName: appNameOf(vscode.workspace.asRelativePath(overlay.dir)), context: kube.contextName, namespaces };
  if (!(await confirmSync(syncTarget, detail, readSettings().protectedTargets))) return;

  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: syncing to ${kube.contextName}`, cancellable: false },
    () => applyRendered(kube, rendered.value, { dryRun: false, trackingId: overlay.trackingId }),
  );
  const failed = results.find((r) => r.error);
  if (failed) {
    logger.error(`sync of ${overlay.dir} failed at ${failed.object.kind}/${failed.object.metadata.name}: ${failed.error}`);
    const notApplied = rendered.value.resources.length - results.length;
    void vscode.window.showErrorMessage(
      `Driftline: sync failed at ${failed.object.kind}/${failed.object.metadata.name}: ${failed.error}${notApplied > 0 ? ` (${notApplied} resources not applied)` : ''}`,
    );
    return;
  }
  logger.info(`synced ${results.length} resources of ${overlay.dir} to ${kube.contextName}`);
  void vscode.window.showInformationMessage(`Driftline: synced ${results.length} resources to ${kube.contextName}.`);
}

/** Tree items and CodeLens pass the overlay they stand for. */
function overlayFromArgument(drift: DriftController, target: unknown): OverlayState | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const t = target as { overlay?: unknown };
  const dir = typeof t.overlay === 'string' ? t.overlay : typeof t.overlay === 'object' && t.overlay !== null ? (t.overlay as { dir?: unknown }).dir : undefined;
  return typeof dir === 'string' ? drift.overlay(dir) : undefined;
}
