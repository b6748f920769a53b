import type { KubeApi, KubeObject, ObjectRef } from '../ports';
import { err, ok, type Result } from '../result';
import { list, record, str, stringList } from '../repo/values';
import { isTerminal, readApplicationStatus } from './applicationStatus';

// Argo CD's own API server refuses a second operation and rollbacks under auto-sync; a
// client writing the Application directly bypasses those checks (and Argo CD RBAC), so
// Driftline repeats them, and makes the write conditional on the resourceVersion it read.

export const operationInProgress = 'another operation is already in progress';

export interface SyncResourceRef {
  readonly group?: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface RequestedOperation {
  /** The `operation` object written. */
  readonly operation: Record<string, unknown>;
  /** The Application as stored after the write. */
  readonly app: KubeObject;
  /** `status.operationState.startedAt` before the request, to tell our result from the last one. */
  readonly previousStartedAt?: string;
}

export async function readApp(kube: KubeApi, ref: ObjectRef): Promise<Result<KubeObject, string>> {
  try {
    const app = await kube.get(ref);
    return app ? ok(app) : err(`Application ${ref.namespace ?? ''}/${ref.name} not found`);
  } catch (e) {
    return err(`cannot read Application ${ref.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Refuses while an operation is requested or running, with what is running and since when. */
export function refuseIfBusy(app: KubeObject): string | undefined {
  const status = readApplicationStatus(app);
  const op = status.operationState;
  if (status.operationPending || (op && !isTerminal(op.phase))) {
    const what = op && !isTerminal(op.phase) ? ` (${op.phase}${op.startedAt ? ` since ${op.startedAt}` : ''}${op.message ? `: ${op.message}` : ''})` : '';
    return `${operationInProgress}${what}`;
  }
  return undefined;
}

/**
 * Writes `operation` (and any extra top-level changes) with a JSON merge patch conditional
 * on the resourceVersion `app` was read at: if Argo CD's controller or anyone else wrote
 * the Application since, the server answers 409 and nothing is written.
 */
export async function writeOperation(kube: KubeApi, ref: ObjectRef, app: KubeObject, operation: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Result<RequestedOperation, string>> {
  if (!kube.patch) return err('this cluster connection cannot patch objects');
  const resourceVersion = str(app.metadata['resourceVersion']);
  try {
    const stored = await kube.patch(ref, { ...extra, operation }, { type: 'merge', ...(resourceVersion ? { resourceVersion } : {}) });
    const previousStartedAt = readApplicationStatus(app).operationState?.startedAt;
    return ok({ operation, app: stored, ...(previousStartedAt ? { previousStartedAt } : {}) });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 409) return err(`the Application changed since it was read (resourceVersion ${resourceVersion ?? '?'}); nothing was written — read it again and retry`);
    return err(`cannot write the operation: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface SyncRequest {
  /** Who asks; Argo CD shows it as "initiated by". */
  readonly username: string;
  /** Default: the app's targetRevision (each source's, for multi-source apps), as Argo CD's API does. */
  readonly revision?: string;
  readonly prune?: boolean;
  readonly dryRun?: boolean;
  /** Default: the app's spec.syncPolicy.syncOptions, as Argo CD's API does. */
  readonly syncOptions?: readonly string[];
  /** A selective sync of just these resources. */
  readonly resources?: readonly SyncResourceRef[];
}

/** The `operation` Argo CD's API server would set for this sync request. */
export function buildSyncOperation(app: KubeObject, request: SyncRequest): Record<string, unknown> {
  const spec = record(app['spec']);
  const sources = list(spec['sources']).map(record);
  const appOptions = stringList(record(spec['syncPolicy'])['syncOptions']);
  const syncOptions = request.syncOptions ?? appOptions;
  const sync: Record<string, unknown> = {};
  if (sources.length > 0) sync['revisions'] = sources.map((s) => request.revision ?? (str(s['targetRevision']) || 'HEAD'));
  else sync['revision'] = request.revision ?? (str(record(spec['source'])['targetRevision']) || 'HEAD');
  sync['prune'] = request.prune ?? false;
  if (request.dryRun) sync['dryRun'] = true;
  if (syncOptions.length > 0) sync['syncOptions'] = [...syncOptions];
  if (request.resources && request.resources.length > 0) {
    sync['resources'] = request.resources.map((r) => ({ group: r.group ?? '', kind: r.kind, name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) }));
  }
  return { initiatedBy: { username: request.username }, sync };
}

/** Requests a sync through the Application's `operation` field; refuses while another operation runs. */
export async function requestSync(kube: KubeApi, ref: ObjectRef, request: SyncRequest): Promise<Result<RequestedOperation, string>> {
  const read = await readApp(kube, ref);
  if (!read.ok) return read;
  const busy = refuseIfBusy(read.value);
  if (busy) return err(busy);
  return writeOperation(kube, ref, read.value, buildSyncOperation(read.value, request));
}
