import * as vscode from 'vscode';
import { readApplicationStatus, shortRevision, type ArgoHistoryEntry } from '../../core/argo/applicationStatus';
import { turnOffAutoSync } from '../../core/argo/autoSync';
import type { OperationOutcome } from '../../core/argo/followOperation';
import { operationAudit } from '../../core/argo/operationAudit';
import { autoSyncRefusal, gitStaysSourceOfTruth, requestRollback, type RequestedRollback } from '../../core/argo/rollback';
import type { CommitInfo } from '../../core/git/gitPort';
import type { Logger } from '../../core/ports';
import type { Result } from '../../core/result';
import { record } from '../../core/repo/values';
import type { AuditRecord } from '../../core/sync/audit';
import { GitRepository } from '../../node/gitRepository';
import { JsonLinesAuditLog } from '../../node/jsonLinesAuditLog';
import { followWithProgress } from '../argoOperationProgress';
import { readSettings } from '../settings';
import type { RollbackCluster } from './rollbackCluster';
import { confirmSync } from './syncConfirmation';

type ArgoCluster = Extract<RollbackCluster, { kind: 'argo' }>;

const turnOffAndApply = 'Turn Off Auto-Sync, Then Apply';
const applyAnyway = 'Apply Anyway';
const turnOffAndRollBack = 'Turn Off Auto-Sync and Roll Back';

/** What removing spec.syncPolicy.automated means, said wherever it is offered. */
function autoSyncOffDetail(cluster: ArgoCluster): string {
  // What the cluster's Application says, which may differ from the manifest in Git.
  const selfHeal = record(record(record(cluster.application['spec'])['syncPolicy'])['automated'])['selfHeal'] === true;
  const policy = selfHeal ? 'automated sync with self-heal' : 'automated sync';
  return `Turning auto-sync off removes spec.syncPolicy.automated (${policy}) from the Application ${cluster.app.name}; it stays off until you turn it back on in Argo CD. ${gitStaysSourceOfTruth}`;
}

/**
 * Before applying the past around Argo CD: under auto-sync the controller re-applies Git's
 * HEAD (with self-heal, within seconds). Offers to turn it off first. Says whether it was turned
 * off (the rollback's audit record tells), left on, or the user cancelled.
 */
export async function offerAutoSyncOffBeforeApply(cluster: ArgoCluster, warning: string, logger: Logger): Promise<'turned-off' | 'left-on' | 'cancelled'> {
  const choice = await vscode.window.showWarningMessage(`Argo CD will undo this rollback of ${cluster.app.name}.`, { modal: true, detail: `${warning}\n\n${autoSyncOffDetail(cluster)}` }, turnOffAndApply, applyAnyway);
  if (choice === applyAnyway) return 'left-on';
  if (choice !== turnOffAndApply) return 'cancelled';
  const off = await turnOffAutoSync(cluster.kube, cluster.ref);
  if (!off.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${off.error}. Nothing was applied.`);
    return 'cancelled';
  }
  logger.info(`auto-sync of Argo CD Application ${cluster.app.name} on ${cluster.kube.contextName} turned off (removed ${JSON.stringify(off.value.removed ?? {})}) before applying a rollback`);
  return 'turned-off';
}

export interface ArgoRollbackRequest {
  readonly cluster: ArgoCluster;
  /** The history entry that deployed `commit`. */
  readonly entry: ArgoHistoryEntry;
  readonly commit: CommitInfo;
  /** A directory in the repository, for the git identity Argo CD shows as "initiated by". */
  readonly dir: string;
  readonly auditPath: string;
  readonly logger: Logger;
}

/**
 * Argo CD's own rollback: a confirmed request for the history entry that deployed the chosen
 * commit, with the checks Argo CD's API makes (core `requestRollback`). Under auto-sync Argo CD
 * refuses; its words are shown with the offer to turn auto-sync off in the same write. Then
 * the controller is followed with progress, and the result reported and audited.
 */
export async function rollBackThroughArgo(request: ArgoRollbackRequest): Promise<OperationOutcome | undefined> {
  const { cluster, entry, commit } = request;
  const { kube, app } = cluster;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Driftline: this workspace is not trusted; cluster writes are disabled. Trust the workspace to roll back.');
    return undefined;
  }
  const status = readApplicationStatus(cluster.application);
  const detail = [
    `Argo CD's rollback: ${app.name} syncs to history entry ${entry.id}, revision ${shortRevision(entry.revision)} (commit ${commit.hash.slice(0, 7)} "${commit.subject}"${entry.deployedAt ? `, deployed ${entry.deployedAt}` : ''}), with the apply strategy: hooks do not run, nothing is pruned.`,
    `Now: ${shortRevision(status.revision)}${status.automated ? ' · auto-sync is on (Argo CD refuses a rollback under auto-sync)' : ''}.`,
    gitStaysSourceOfTruth,
  ].join('\n');
  const namespaces = app.destination.namespace ? [app.destination.namespace] : [];
  if (!(await confirmSync({ appName: app.name, context: kube.contextName, namespaces }, detail, readSettings().protectedTargets))) return undefined;

  const started = Date.now();
  const who = await gitUser(request.dir);
  const ask = (disableAutoSync: boolean): Promise<Result<RequestedRollback, string>> =>
    requestRollback(kube, cluster.ref, { username: who.email ?? who.name ?? 'driftline', id: entry.id, ...(disableAutoSync ? { disableAutoSync: true } : {}) });
  let requested = await ask(false);
  if (!requested.ok && requested.error.startsWith(autoSyncRefusal)) {
    request.logger.warn(`Argo CD rollback of ${app.name} refused: ${requested.error}`);
    const choice = await vscode.window.showWarningMessage(`Argo CD refused: ${requested.error}.`, { modal: true, detail: autoSyncOffDetail(cluster) }, turnOffAndRollBack);
    if (choice !== turnOffAndRollBack) return undefined;
    requested = await ask(true);
  }
  if (!requested.ok) {
    void vscode.window.showErrorMessage(`Driftline: Argo CD did not take the rollback of ${app.name}: ${requested.error}.`);
    return undefined;
  }
  if (requested.value.removedAutomated) request.logger.info(`auto-sync of ${app.name} turned off with the rollback (removed ${JSON.stringify(requested.value.removedAutomated)})`);
  const followed = await followWithProgress({
    kube, ref: cluster.ref, title: `Argo CD is rolling ${app.name} back to ${shortRevision(entry.revision)} on ${kube.contextName}`, what: `Argo CD rollback of ${app.name}`, logger: request.logger,
    ...(requested.value.previousStartedAt ? { previousStartedAt: requested.value.previousStartedAt } : {}),
  });
  if (!followed) return undefined;
  const { outcome, text } = followed;
  request.logger.info(`Argo CD rollback of ${app.name} on ${kube.contextName} to history ${entry.id}: ${text}`);
  const record: AuditRecord = {
    action: 'rollback', who, when: new Date().toISOString(), context: kube.contextName, server: kube.server,
    app: `argocd:${app.name}`, revision: entry.revision,
    rollback: { mode: 'argo', to: commit.hash, ...(requested.value.removedAutomated ? { autoSyncTurnedOff: true } : {}) },
    ...operationAudit(outcome, Date.now() - started),
  };
  request.logger.info(`audit: ${JSON.stringify(record)}`);
  await new JsonLinesAuditLog(request.auditPath).append(record).catch((e: unknown) => request.logger.warn(`could not write the audit record: ${String(e)}`));
  const offNote = requested.value.removedAutomated ? ' Auto-sync is off: turn it back on once Git holds the fix.' : '';
  if (outcome.phase === 'Succeeded') void vscode.window.showInformationMessage(`Driftline: ${app.name} rolled back: ${text}.${offNote}`);
  else void vscode.window.showErrorMessage(`Driftline: ${app.name}: ${text}.${offNote}`);
  return outcome;
}

async function gitUser(dir: string): Promise<AuditRecord['who']> {
  const repo = await GitRepository.open(dir);
  return repo ? repo.identity() : { name: undefined, email: undefined };
}
