import { assessHealth } from '../health/assessHealth';
import type { HealthStatus } from '../health/healthStatus';
import type { ObjectRef } from '../ports';
import type { CancelToken } from './cancelToken';
import type { LiveReader } from './syncPlan';

export interface HealthWaitOptions {
  readonly timeoutMs: number;
  /** Between re-reads; default 250 ms (rollouts take seconds, a faster poll only loads the server). */
  readonly pollMs?: number;
  readonly signal?: CancelToken;
  /** Milliseconds since some origin; default Date.now. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface HealthOutcome {
  readonly ref: ObjectRef;
  /** `None` for kinds Argo CD has no health check for: applied is as good as it gets. */
  readonly status: HealthStatus | 'None';
  readonly message: string;
}

export interface HealthWaitResult {
  readonly outcomes: readonly HealthOutcome[];
  /** Every object Healthy (or without a health check). */
  readonly healthy: boolean;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
}

const settled = (s: HealthOutcome['status']): boolean => s === 'Healthy' || s === 'None' || s === 'Suspended';
// Argo CD stops waiting on these too: a Degraded rollout does not recover by itself.
const failed = (s: HealthOutcome['status']): boolean => s === 'Degraded' || s === 'Missing';

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Re-reads each object until all are healthy (or one fails), the timeout passes, or the token aborts. */
export async function waitForHealth(live: LiveReader, refs: readonly ObjectRef[], options: HealthWaitOptions): Promise<HealthWaitResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + options.timeoutMs;
  const latest = new Map<number, HealthOutcome>();
  for (;;) {
    await Promise.all(
      refs.map(async (ref, i) => {
        const previous = latest.get(i);
        if (previous && (settled(previous.status) || failed(previous.status))) return;
        const object = await live.get(ref);
        const health = object === undefined ? { status: 'Missing' as const, message: 'not found after apply' } : assessHealth(object);
        latest.set(i, { ref, status: health?.status ?? 'None', message: health?.message ?? '' });
      }),
    );
    const outcomes = refs.map((ref, i) => latest.get(i) ?? { ref, status: 'Unknown' as const, message: '' });
    const done = outcomes.every((o) => settled(o.status) || failed(o.status));
    if (done) return { outcomes, healthy: outcomes.every((o) => settled(o.status)), timedOut: false, cancelled: false };
    if (options.signal?.aborted) return { outcomes, healthy: false, timedOut: false, cancelled: true };
    if (now() >= deadline) return { outcomes, healthy: false, timedOut: true, cancelled: false };
    await sleep(Math.min(options.pollMs ?? 250, Math.max(0, deadline - now())));
  }
}
