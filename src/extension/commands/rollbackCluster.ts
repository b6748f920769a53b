import * as vscode from 'vscode';
import { applicationRef } from '../../core/argo/applicationStatus';
import type { KubeObject, ObjectRef } from '../../core/ports';
import type { AppModel } from '../../core/repo/model';
import type { KubeClient } from '../../node/kubeClient';
import { guardSync, type GuardVerdict } from '../apps/contextGuard';
import { appSyncDeps } from '../appSyncRoute';

// Where a rollback that touches the cluster (apply the past, Argo CD's rollback) may go: the
// context guard first (an app is rolled back only on its destination's context), then
// whether the connected cluster holds the app's Application (Argo CD mode).

export type RollbackCluster =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'refused'; readonly verdict: Exclude<GuardVerdict, { kind: 'allowed' }> }
  | { readonly kind: 'direct'; readonly kube: KubeClient; readonly app: AppModel | undefined }
  | { readonly kind: 'argo'; readonly kube: KubeClient; readonly app: AppModel; readonly ref: ObjectRef; readonly application: KubeObject };

export async function rollbackCluster(kube: KubeClient | undefined, dir: string): Promise<RollbackCluster> {
  if (!kube) return { kind: 'disconnected' };
  const deps = appSyncDeps();
  if (!deps) return { kind: 'direct', kube, app: undefined };
  await deps.repo.start();
  const verdict = guardSync(deps.repo.appsFor(dir), kube.contextName);
  if (verdict.kind !== 'allowed') return { kind: 'refused', verdict };
  const app = verdict.app;
  const application = app ? await deps.argo.application(app, kube) : undefined;
  if (!app || !application) return { kind: 'direct', kube, app };
  return { kind: 'argo', kube, app, ref: applicationRef(app.name, app.namespace ?? 'argocd'), application };
}

/** Says why nothing is rolled back here, with the way out (switch context, or map the destination). */
export function tellRefusal(cluster: Exclude<RollbackCluster, { kind: 'direct' } | { kind: 'argo' }>): void {
  if (cluster.kind === 'disconnected') {
    void vscode.window.showErrorMessage('Driftline: not connected to a cluster.');
    return;
  }
  const { verdict } = cluster;
  const message = `Driftline: rollback refused: ${verdict.message}`;
  if (verdict.kind === 'wrongContext') {
    const switchTo = `Switch to ${verdict.context}`;
    void vscode.window.showWarningMessage(message, switchTo).then(async (choice) => {
      if (choice === switchTo) await vscode.workspace.getConfiguration('driftline').update('context', verdict.context, vscode.ConfigurationTarget.Workspace);
    });
    return;
  }
  void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'driftline.contextMappings');
  });
}
