import * as vscode from 'vscode';
import { render } from '../../core/kustomize/render';
import { applyRendered } from '../../core/sync/applyRendered';
import { DiskFileSystem } from '../../node/diskFileSystem';
import type { DriftController, OverlayState } from '../driftController';
import type { Logger } from '../../core/ports';

/**
 * `Driftline: Sync` — server-side apply the overlay the active editor belongs to.
 * Applies what is saved on disk (what Git will hold), and says so when unsaved
 * edits are left out. Touching a cluster is destructive: one modal confirmation
 * that names the context.
 */
export async function syncCommand(drift: DriftController, logger: Logger): Promise<void> {
  await drift.start();
  const overlay = await pickOverlay(drift);
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
    `${rendered.value.resources.length} resources will be server-side applied (field manager "driftline", conflicts forced).`,
    drifted.length > 0 ? `Out of sync: ${drifted.map((d) => `${d.kind}/${d.name}`).join(', ')}.` : 'Nothing is out of sync.',
    unsaved.length > 0 ? `Unsaved changes are NOT included: ${unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}.` : '',
  ].filter(Boolean).join('\n');
  const choice = await vscode.window.showWarningMessage(`Sync ${vscode.workspace.asRelativePath(overlay.dir)} to context "${kube.contextName}"?`, { modal: true, detail }, 'Sync');
  if (choice !== 'Sync') return;

  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: syncing to ${kube.contextName}`, cancellable: false },
    () => applyRendered(kube, rendered.value, { dryRun: false }),
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

async function pickOverlay(drift: DriftController): Promise<OverlayState | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const candidates = active?.scheme === 'file' ? drift.overlaysUsing(active.fsPath) : [];
  if (candidates.length === 1) return candidates[0];
  const choices = (candidates.length > 0 ? candidates : drift.all).map((o) => ({
    label: vscode.workspace.asRelativePath(o.dir),
    description: describe(o),
    overlay: o,
  }));
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('Driftline: no kustomization found in this workspace.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(choices, { title: 'Driftline: Sync', placeHolder: 'Which overlay?' }))?.overlay;
}

function describe(o: OverlayState): string {
  if (o.errors.length > 0) return '$(error) does not render';
  const drifted = o.diffs.filter((d) => d.status !== 'Synced').length;
  return drifted > 0 ? `$(warning) ${drifted} out of sync` : '$(check) in sync';
}
