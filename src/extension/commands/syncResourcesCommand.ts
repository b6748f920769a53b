import * as vscode from 'vscode';
import { refOf } from '../../core/diff/diffRendered';
import type { KubeObject, Logger, ObjectRef } from '../../core/ports';
import type { DriftController } from '../driftController';
import { describeRef, sameRef } from '../resourceRef';
import { overlaySyncRequest, runEditorSync } from '../syncSession';
import { routeNotes, routeSync } from '../appSyncRoute';
import { splitApiVersion } from '../../core/kustomize/resource';
import { syncThroughArgo } from '../argoSync';
import { renderForSync } from '../renderPath';

export interface SyncResourcesTarget {
  readonly overlay: string;
  readonly refs: readonly ObjectRef[];
}

/**
 * Sync Selected (diff panel): the one editor sync flow (context guard → Argo CD or direct →
 * plan → dry run → the same modal and protected-target confirmation as `Driftline: Sync App` →
 * apply → health → audit), restricted to
 * the chosen resources of one overlay as rendered from disk. Never prunes: a partial sync
 * must not delete what it was not asked about.
 */
export async function syncResourcesCommand(drift: DriftController, logger: Logger, auditPath: string, target: SyncResourcesTarget): Promise<void> {
  await drift.start();
  const overlay = drift.overlay(target.overlay);
  const kube = drift.client;
  if (!overlay || !kube) {
    void vscode.window.showErrorMessage(`Driftline: ${!overlay ? `${target.overlay} is not a known overlay` : 'not connected to a cluster'}.`);
    return;
  }
  const where = vscode.workspace.asRelativePath(overlay.dir);
  // The context guard and the sync mode, as for the whole app; through Argo CD it is a selective sync.
  const route = await routeSync(kube, overlay.dir);
  if (route.kind === 'stop') return;
  if (route.kind === 'argo') {
    const resources = target.refs.map((ref) => ({ group: splitApiVersion(ref.apiVersion).group, kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) }));
    await syncThroughArgo({ kube, app: route.app, application: route.application, dir: overlay.dir, resources, auditPath, logger });
    await drift.refresh();
    return;
  }
  const rendered = await renderForSync(overlay.dir, logger);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${where} does not render: ${rendered.error[0]?.message ?? 'unknown error'}`);
    return;
  }
  const chosen = rendered.value.resources.filter((r) => target.refs.some((ref) => sameRef(refOf(r), ref)));
  // A chosen resource Git no longer has (Extra) has nothing to apply: say so rather than skip silently.
  const absent = target.refs.filter((ref) => !chosen.some((r) => sameRef(refOf(r), ref)));
  if (chosen.length === 0) {
    void vscode.window.showWarningMessage(`Driftline: nothing to apply — ${absent.map(describeRef).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not in ${where}.`);
    return;
  }
  const desired = chosen.map((r) => r.object as unknown as KubeObject);
  const notes = [
    `Only the selected resources: ${chosen.map((r) => describeRef(refOf(r))).join(', ')}.`,
    ...(absent.length > 0 ? [`Not in Git, left alone: ${absent.map(describeRef).join(', ')}.`] : []),
    ...routeNotes(route),
  ];
  await runEditorSync(await overlaySyncRequest(overlay, kube, desired, notes, route.app?.name), logger, auditPath);
  await drift.refresh();
}
