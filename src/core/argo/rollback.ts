import type { KubeApi, KubeObject, ObjectRef } from '../ports';
import { err, ok, type Result } from '../result';
import { record, stringList } from '../repo/values';
import { automatedSyncOn, readApplicationStatus, type ArgoHistoryEntry } from './applicationStatus';
import { readApp, refuseIfBusy, writeOperation, type RequestedOperation } from './operationRequest';

/** Argo CD's own words (server/application/application.go Rollback). */
export const autoSyncRefusal = 'rollback cannot be initiated when auto-sync is enabled';

/** Said with every rollback: Argo CD's rollback changes the cluster, never Git. */
export const gitStaysSourceOfTruth = 'Git stays the source of truth: the next sync (or re-enabled auto-sync) returns to what Git says; revert the commit in Git to make the rollback last.';

export interface RollbackRequest {
  readonly username: string;
  /** A `status.history[].id`; default the deployment before the current one, as `argocd app rollback` does. */
  readonly id?: number;
  readonly prune?: boolean;
  readonly dryRun?: boolean;
  /** Remove spec.syncPolicy.automated in the same write, instead of refusing. */
  readonly disableAutoSync?: boolean;
}

export interface RequestedRollback extends RequestedOperation {
  readonly entry: ArgoHistoryEntry;
  /** The automated policy that was removed, to restore later. */
  readonly removedAutomated?: Record<string, unknown>;
}

function pickEntry(app: KubeObject, id: number | undefined): Result<ArgoHistoryEntry, string> {
  const history = [...readApplicationStatus(app).history].sort((a, b) => a.id - b.id);
  if (id === undefined) {
    const previous = history[history.length - 2];
    return previous ? ok(previous) : err(`Application ${app.metadata.name} has no previous deployment to roll back to`);
  }
  const entry = history.find((h) => h.id === id);
  return entry ? ok(entry) : err(`application ${app.metadata.name} does not have deployment with id ${id}`);
}

/**
 * The latest history entry that deployed `commit` (a full hash; multi-source apps match any
 * of their revisions): what "roll back to this commit" means in Argo CD's terms.
 */
export function historyEntryForCommit(history: readonly ArgoHistoryEntry[], commit: string): ArgoHistoryEntry | undefined {
  const deployed = history.filter((h) => h.revision === commit || (h.revisions ?? []).includes(commit));
  return deployed.sort((a, b) => b.id - a.id)[0];
}

/**
 * The `operation` Argo CD's Rollback API sets: a sync to the history entry's revision and
 * source, with the app's syncOptions and the apply strategy (so hooks do not run).
 */
export function buildRollbackOperation(app: KubeObject, entry: ArgoHistoryEntry, request: RollbackRequest): Record<string, unknown> {
  const syncOptions = stringList(record(record(app['spec'])['syncPolicy'])['syncOptions']);
  const sync: Record<string, unknown> = {};
  if (entry.sources && entry.sources.length > 0) {
    sync['revisions'] = [...(entry.revisions ?? [])];
    sync['sources'] = entry.sources;
  } else {
    sync['revision'] = entry.revision ?? '';
    sync['source'] = entry.source;
  }
  sync['prune'] = request.prune ?? false;
  if (request.dryRun) sync['dryRun'] = true;
  if (syncOptions.length > 0) sync['syncOptions'] = syncOptions;
  sync['syncStrategy'] = { apply: {} };
  return { initiatedBy: { username: request.username }, sync };
}

/**
 * Rolls back to a history entry by writing `operation`, with the checks Argo CD's API
 * makes: no rollback under auto-sync (unless asked to switch it off in the same write),
 * none while an operation runs, and only to an entry that records its source.
 */
export async function requestRollback(kube: KubeApi, ref: ObjectRef, request: RollbackRequest): Promise<Result<RequestedRollback, string>> {
  const read = await readApp(kube, ref);
  if (!read.ok) return read;
  const app = read.value;
  const automated = automatedSyncOn(app);
  if (automated && !request.disableAutoSync) return err(`${autoSyncRefusal}; turn auto-sync off first (it stays off until you turn it back on)`);
  const busy = refuseIfBusy(app);
  if (busy) return err(busy);
  const picked = pickEntry(app, request.id);
  if (!picked.ok) return picked;
  const entry = picked.value;
  if (!entry.source && !(entry.sources && entry.sources.length > 0)) {
    return err('cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.');
  }
  const policy = record(record(app['spec'])['syncPolicy']);
  const extra = automated ? { spec: { syncPolicy: { automated: null } } } : {};
  const written = await writeOperation(kube, ref, app, buildRollbackOperation(app, entry, request), extra);
  if (!written.ok) return written;
  return ok({ ...written.value, entry, ...(automated ? { removedAutomated: record(policy['automated']) } : {}) });
}
