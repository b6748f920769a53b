import { userInfo } from 'node:os';
import type { KubeObject, ObjectRef } from '../core/ports';
import type { AppModel } from '../core/repo/model';
import { applicationRef, readApplicationStatus, summarizeStatus } from '../core/argo/applicationStatus';
import { requestSync } from '../core/argo/operationRequest';
import { gitStaysSourceOfTruth, requestRollback } from '../core/argo/rollback';
import { describeOutcome, followOperation } from '../core/argo/followOperation';
import type { KubeClient } from '../node/kubeClient';
import { GitRepository } from '../node/gitRepository';
import { awaitedScheduler } from '../node/systemTime';
import { ExitCode, fail, type Io } from './io';

// Argo CD mode: where Argo CD manages an app (its Application is in the destination
// cluster), Driftline syncs and rolls back through the Application's `operation` field
// instead of around Argo CD, and follows the controller to the end.

export interface ArgoTarget {
  readonly kube: KubeClient;
  readonly ref: ObjectRef;
  readonly application: KubeObject;
}

/** The Application object for `app` in the cluster, or undefined when Argo CD does not manage it there. */
export async function argoTargetFor(kube: KubeClient, app: AppModel | undefined): Promise<ArgoTarget | undefined> {
  if (!app) return undefined;
  const ref = applicationRef(app.name, app.namespace ?? 'argocd');
  try {
    const application = await kube.get(ref);
    return application ? { kube, ref, application } : undefined;
  } catch {
    // The cluster does not serve the Application CRD: not an Argo CD cluster.
    return undefined;
  }
}

async function username(dir: string): Promise<string> {
  const repo = await GitRepository.open(dir);
  const who = repo ? await repo.identity() : undefined;
  return who?.email ?? who?.name ?? userInfo().username;
}

async function follow(io: Io, target: ArgoTarget, previousStartedAt: string | undefined, timeoutMs: number): Promise<number> {
  const outcome = await followOperation(target.kube, target.ref, {
    scheduler: awaitedScheduler,
    ...(previousStartedAt ? { previousStartedAt } : {}),
    timeoutMs,
    onProgress: (phase, message) => io.stdout(`  Argo CD: ${phase}${message ? ` — ${message}` : ''}\n`),
  });
  if (!outcome.ok) return fail(io, outcome.error);
  io.stdout(`${describeOutcome(outcome.value)}\n`);
  return outcome.value.phase === 'Succeeded' ? ExitCode.Ok : ExitCode.Error;
}

export interface ArgoSyncOptions {
  readonly yes?: boolean;
  readonly prune?: boolean;
  readonly dryRun?: boolean;
  readonly timeoutMs: number;
  readonly dir: string;
}

export async function runArgoSync(io: Io, target: ArgoTarget, options: ArgoSyncOptions): Promise<number> {
  const status = readApplicationStatus(target.application);
  io.stdout(`${target.ref.name} is managed by Argo CD (${target.kube.contextName}): ${summarizeStatus(status)}\n`);
  if (!options.yes) {
    io.stdout(`would ask Argo CD to sync ${target.ref.name}${options.prune ? ' with prune' : ''}; pass --yes to do it, or --direct to apply without Argo CD\n`);
    return ExitCode.Ok;
  }
  const requested = await requestSync(target.kube, target.ref, { username: await username(options.dir), ...(options.prune ? { prune: true } : {}), ...(options.dryRun ? { dryRun: true } : {}) });
  if (!requested.ok) return fail(io, requested.error);
  io.stdout(`requested an Argo CD sync of ${target.ref.name}\n`);
  return follow(io, target, status.operationState?.startedAt, options.timeoutMs);
}

export interface ArgoRollbackOptions {
  readonly yes?: boolean;
  /** A status.history id; default the deployment before the current one. */
  readonly to?: string;
  readonly disableAutoSync?: boolean;
  readonly timeoutMs: number;
  readonly dir: string;
}

export async function runArgoRollback(io: Io, target: ArgoTarget, options: ArgoRollbackOptions): Promise<number> {
  const status = readApplicationStatus(target.application);
  const id = options.to === undefined || options.to === '' ? undefined : Number(options.to);
  if (id !== undefined && !Number.isInteger(id)) return fail(io, `--to must be an Argo CD history id with --mode argo, not '${options.to}'`);
  const entry = id === undefined ? [...status.history].sort((a, b) => a.id - b.id).at(-2) : status.history.find((h) => h.id === id);
  io.stdout(`${target.ref.name}: ${summarizeStatus(status)}\n`);
  io.stdout(`roll back to history ${entry ? `${entry.id} (revision ${entry.revision ?? '?'}, deployed ${entry.deployedAt ?? '?'})` : id ?? 'previous'}\n${gitStaysSourceOfTruth}\n`);
  if (!options.yes) {
    io.stdout('pass --yes to ask Argo CD to roll back\n');
    return ExitCode.Ok;
  }
  const requested = await requestRollback(target.kube, target.ref, { username: await username(options.dir), ...(id !== undefined ? { id } : {}), ...(options.disableAutoSync ? { disableAutoSync: true } : {}) });
  if (!requested.ok) return fail(io, requested.error);
  if (requested.value.removedAutomated) io.stdout('auto-sync turned off for the rollback; turn it back on when Git holds the fix\n');
  return follow(io, target, status.operationState?.startedAt, options.timeoutMs);
}
