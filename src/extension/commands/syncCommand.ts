import * as vscode from 'vscode';
import type { KubeObject, Logger } from '../../core/ports';
import type { DriftController, OverlayState } from '../driftController';
import { pickOverlay } from '../overlayPicker';
import { overlaySyncRequest, runEditorSync } from '../syncSession';
import { routeNotes, routeSync } from '../appSyncRoute';
import { syncThroughArgo } from '../argoSync';
import { renderForSync } from '../renderPath';

/**
 * `Driftline: Sync App` — the overlay the active editor belongs to (or the one a tree item or
 * CodeLens names). Only to its app's destination context (the context guard); through Argo
 * CD where Argo CD manages the app, unless the user chose to apply directly; otherwise a
 * server-side apply of what is saved on disk, which is what Git will hold (it says so when
 * unsaved edits are left out).
 */
export async function syncCommand(drift: DriftController, logger: Logger, auditPath: string, target?: unknown): Promise<void> {
  await drift.start();
  const overlay = overlayFromArgument(drift, target) ?? (await pickOverlay(drift, 'Driftline: Sync App'));
  if (!overlay) return;
  const kube = drift.client;
  if (!kube) {
    void vscode.window.showErrorMessage(`Driftline: not connected to a cluster (${drift.connection.kind === 'disconnected' ? drift.connection.reason : 'no kubeconfig'}).`);
    return;
  }
  const route = await routeSync(kube, overlay.dir, appFromArgument(target));
  if (route.kind === 'stop') return;
  if (route.kind === 'argo') {
    await syncThroughArgo({ kube, app: route.app, application: route.application, dir: overlay.dir, auditPath, logger });
    await drift.refresh();
    return;
  }
  const rendered = await renderForSync(overlay.dir, logger);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${vscode.workspace.asRelativePath(overlay.dir)} does not render: ${rendered.error[0]?.message ?? 'unknown error'}`);
    return;
  }
  const desired = rendered.value.resources.map((r) => r.object as unknown as KubeObject);
  await runEditorSync(await overlaySyncRequest(overlay, kube, desired, routeNotes(route), route.app?.name), logger, auditPath);
  await drift.refresh();
}

/** Tree items and CodeLens pass the overlay they stand for. */
function overlayFromArgument(drift: DriftController, target: unknown): OverlayState | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const t = target as { overlay?: unknown };
  const dir = typeof t.overlay === 'string' ? t.overlay : typeof t.overlay === 'object' && t.overlay !== null ? (t.overlay as { dir?: unknown }).dir : undefined;
  return typeof dir === 'string' ? drift.overlay(dir) : undefined;
}

/** Apps tree nodes name their Argo CD app: an overlay deployed by several apps syncs the one clicked. */
function appFromArgument(target: unknown): string | undefined {
  const app = typeof target === 'object' && target !== null ? (target as { app?: unknown }).app : undefined;
  return typeof app === 'string' ? app : undefined;
}
