import type { KubeApi, ObjectRef, Scheduler } from '../ports';
import { err, ok, type Result } from '../result';
import { list, record, str } from '../repo/values';
import { isTerminal, readApplicationStatus, shortRevision } from './applicationStatus';

export interface ResourceResult {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly status: string;
  readonly message?: string;
}

export interface OperationOutcome {
  readonly phase: string;
  readonly message?: string;
  readonly revision?: string;
  readonly resources: readonly ResourceResult[];
}

export interface FollowOptions {
  readonly scheduler: Scheduler;
  /** The startedAt of the operation before ours: a terminal state from it is not our answer. */
  readonly previousStartedAt?: string;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Each phase change, for a progress line. */
  readonly onProgress?: (phase: string, message: string | undefined) => void;
}

function wait(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.schedule(resolve, ms));
}

/**
 * Follows `status.operationState` until Argo CD's controller finishes the operation: it
 * clears the top-level `operation` and leaves a terminal phase (Succeeded, Failed, Error).
 * Polls with get: a handful of requests per sync, and no dependence on watch plumbing.
 */
export async function followOperation(kube: KubeApi, ref: ObjectRef, options: FollowOptions): Promise<Result<OperationOutcome, string>> {
  const interval = options.intervalMs ?? 1000;
  const deadline = Math.ceil((options.timeoutMs ?? 300_000) / interval);
  let lastPhase: string | undefined;
  for (let attempt = 0; attempt <= deadline; attempt++) {
    let app;
    try {
      app = await kube.get(ref);
    } catch (e) {
      return err(`cannot read Application ${ref.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!app) return err(`Application ${ref.name} was deleted while its operation ran`);
    const status = readApplicationStatus(app);
    const op = status.operationState;
    const ours = op !== undefined && op.startedAt !== options.previousStartedAt;
    if (ours && op.phase !== lastPhase) {
      lastPhase = op.phase;
      options.onProgress?.(op.phase, op.message);
    }
    if (ours && !status.operationPending && isTerminal(op.phase)) {
      const results = list(record(record(record(app['status'])['operationState'])['syncResult'])['resources']).map(record);
      return ok({
        phase: op.phase,
        ...(op.message ? { message: op.message } : {}),
        ...(op.syncRevision ? { revision: op.syncRevision } : {}),
        resources: results.map((r) => ({
          group: str(r['group']) ?? '', kind: str(r['kind']) ?? '', namespace: str(r['namespace']) ?? '', name: str(r['name']) ?? '',
          status: str(r['status']) ?? '', ...(str(r['message']) ? { message: str(r['message']) } : {}),
        })),
      });
    }
    await wait(options.scheduler, interval);
  }
  return err(`Argo CD did not finish the operation within ${Math.round((options.timeoutMs ?? 300_000) / 1000)} s (last phase: ${lastPhase ?? 'not started'})`);
}

/** "Sync Succeeded at abc1234: 3 resources (2 Synced, 1 Pruned)". */
export function describeOutcome(outcome: OperationOutcome): string {
  const counts = new Map<string, number>();
  for (const r of outcome.resources) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const detail = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  const at = outcome.revision ? ` at ${shortRevision(outcome.revision)}` : '';
  const resources = outcome.resources.length > 0 ? `: ${outcome.resources.length} resource${outcome.resources.length === 1 ? '' : 's'} (${detail})` : '';
  const message = outcome.phase !== 'Succeeded' && outcome.message ? ` — ${outcome.message}` : '';
  return `Argo CD operation ${outcome.phase}${at}${resources}${message}`;
}
