import * as vscode from 'vscode';
import { applicationRef, readApplicationStatus, summarizeStatus } from '../core/argo/applicationStatus';
import type { OperationOutcome } from '../core/argo/followOperation';
import { operationAudit } from '../core/argo/operationAudit';
import { refuseIfBusy, requestSync, type SyncResourceRef } from '../core/argo/operationRequest';
import type { KubeObject, Logger } from '../core/ports';
import type { AppModel } from '../core/repo/model';
import type { AuditRecord } from '../core/sync/audit';
import type { KubeClient } from '../node/kubeClient';
import { GitRepository } from '../node/gitRepository';
import { JsonLinesAuditLog } from '../node/jsonLinesAuditLog';
import { followWithProgress } from './argoOperationProgress';
import { confirmSync } from './commands/syncConfirmation';
import { readSettings } from './settings';

export interface ArgoSyncRequest {
  readonly kube: KubeClient;
  readonly app: AppModel;
  /** The Application as just read: a refusal while an operation runs needs no write. */
  readonly application: KubeObject;
  /** A directory in the repository, for the git identity Argo CD shows as "initiated by". */
  readonly dir: string;
  /** A selective sync; all of the app when absent. */
  readonly resources?: readonly SyncResourceRef[];
  readonly auditPath: string;
  readonly logger: Logger;
}

/**
 * Sync through Argo CD (issue 6, Argo CD mode): the same confirmation as a direct sync
 * (protected targets ask for the app name), then the Application's `operation` is written
 * and the controller followed to the end, with progress. Argo CD syncs what Git holds at the
 * target revision, so unsaved and unpushed edits are not part of it, and the dialog says so.
 */
export async function syncThroughArgo(request: ArgoSyncRequest): Promise<OperationOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Driftline: this workspace is not trusted; cluster writes are disabled. Trust the workspace to sync.');
    return undefined;
  }
  const { kube, app, application } = request;
  const ref = applicationRef(app.name, app.namespace ?? 'argocd');
  const busy = refuseIfBusy(application);
  if (busy) {
    void vscode.window.showWarningMessage(`Driftline: Argo CD is busy with ${app.name}: ${busy}. Nothing was requested; sync again when it has finished.`);
    return undefined;
  }
  const status = readApplicationStatus(application);
  const what = request.resources ? `${request.resources.length} selected resource${request.resources.length === 1 ? '' : 's'} of ${app.name}` : app.name;
  const detail = [
    `Argo CD will sync ${what} from Git (${app.sources.map((s) => s.targetRevision).join(', ') || 'HEAD'}); it does not see unsaved or unpushed changes in this workspace.`,
    summarizeStatus(status),
    'No prune: objects Git no longer has stay until you prune them in Argo CD.',
  ].join('\n');
  const namespaces = app.destination.namespace ? [app.destination.namespace] : [];
  if (!(await confirmSync({ appName: app.name, context: kube.contextName, namespaces }, detail, readSettings().protectedTargets))) return undefined;

  const started = Date.now();
  const username = await gitUser(request.dir);
  const requested = await requestSync(kube, ref, { username: username.email ?? username.name ?? 'driftline', ...(request.resources ? { resources: request.resources } : {}) });
  if (!requested.ok) {
    void vscode.window.showErrorMessage(`Driftline: Argo CD did not take the sync of ${app.name}: ${requested.error}.`);
    return undefined;
  }
  const followed = await followWithProgress({
    kube, ref, title: `Argo CD is syncing ${app.name} on ${kube.contextName}`, what: `Argo CD sync of ${app.name}`, logger: request.logger,
    ...(requested.value.previousStartedAt ? { previousStartedAt: requested.value.previousStartedAt } : {}),
  });
  if (!followed) return undefined;
  const { outcome, text } = followed;
  request.logger.info(`Argo CD sync of ${app.name} on ${kube.contextName}: ${text}`);
  await writeAudit(request, outcome, username, Date.now() - started);
  if (outcome.phase === 'Succeeded') void vscode.window.showInformationMessage(`Driftline: ${app.name}: ${text}.`);
  else void vscode.window.showErrorMessage(`Driftline: ${app.name}: ${text}.`);
  return outcome;
}

async function gitUser(dir: string): Promise<{ name: string | undefined; email: string | undefined }> {
  const repo = await GitRepository.open(dir);
  return repo ? repo.identity() : { name: undefined, email: undefined };
}

async function writeAudit(request: ArgoSyncRequest, outcome: OperationOutcome, who: AuditRecord['who'], durationMs: number): Promise<void> {
  const record: AuditRecord = {
    action: 'sync', who, when: new Date().toISOString(), context: request.kube.contextName, server: request.kube.server,
    app: `argocd:${request.app.name}`, revision: outcome.revision,
    // Argo CD's messages are the controller's words about the resource, never object values.
    ...operationAudit(outcome, durationMs),
  };
  request.logger.info(`audit: ${JSON.stringify(record)}`);
  await new JsonLinesAuditLog(request.auditPath).append(record).catch((e: unknown) => request.logger.warn(`could not write the audit record: ${String(e)}`));
}
