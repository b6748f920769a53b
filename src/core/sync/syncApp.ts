import type { KubeApi, KubeObject } from '../ports';
import { dryRunPlan, type DryRunResult } from './dryRun';
import { executeSync, type ExecuteOptions, type StepResult } from './executeSync';
import { planSync, type LiveReader, type SyncPlan, type SyncPlanOptions } from './syncPlan';
import { waitForHealth, type HealthOutcome, type HealthWaitResult } from './waitForHealth';

// The one sync flow the CLI, the editor and rollback (apply mode) share:
// plan → server-side dry run (the preview) → confirmation → apply by wave → health.

export interface SyncPreview {
  readonly plan: SyncPlan;
  readonly dryRun: DryRunResult;
}

export interface SyncAppOptions extends SyncPlanOptions, Omit<ExecuteOptions, 'afterWave'> {
  /** Stop after the dry run: nothing changes. */
  readonly previewOnly?: boolean;
  /** Asked with the dry run's prediction; false changes nothing. Absent means yes (the caller confirmed already). */
  readonly confirmApply?: (preview: SyncPreview) => Promise<boolean>;
  /** The whole wait for health, across waves; default two minutes. */
  readonly healthTimeoutMs?: number;
  readonly pollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type SyncOutcome =
  | 'previewed' // dry run only
  | 'declined' // the user said no
  | 'rejected' // the dry run failed: nothing was applied
  | 'succeeded' // applied and healthy
  | 'failed' // a step failed; see steps
  | 'conflict' // a 409 the user did not confirm forcing
  | 'degraded' // applied, but a resource is Degraded or Missing
  | 'timedOut' // applied, not healthy in time
  | 'cancelled';

export interface SyncReport extends SyncPreview {
  readonly outcome: SyncOutcome;
  /** One per plan step, in order; empty when nothing was attempted. */
  readonly steps: readonly StepResult[];
  readonly health: readonly HealthOutcome[];
}

export async function syncApp(kube: KubeApi, live: LiveReader, desired: readonly KubeObject[], options: SyncAppOptions): Promise<SyncReport> {
  const plan = await planSync(desired, live, options);
  const dryRun = await dryRunPlan(kube, plan);
  const preview = { plan, dryRun };
  if (!dryRun.accepted) return { ...preview, outcome: 'rejected', steps: [], health: [] };
  if (options.previewOnly) return { ...preview, outcome: 'previewed', steps: [], health: [] };
  if (options.confirmApply && !(await options.confirmApply(preview))) return { ...preview, outcome: 'declined', steps: [], health: [] };

  const now = options.now ?? Date.now;
  const deadline = now() + (options.healthTimeoutMs ?? 120_000);
  const health: HealthOutcome[] = [];
  let lastWait: HealthWaitResult | undefined;
  const waitFor = async (applied: readonly StepResult[]): Promise<boolean> => {
    const refs = applied.map((s) => s.ref);
    lastWait = await waitForHealth(live, refs, { timeoutMs: Math.max(0, deadline - now()), pollMs: options.pollMs, signal: options.signal, now, sleep: options.sleep });
    health.push(...lastWait.outcomes);
    return lastWait.healthy;
  };
  // Argo CD moves to the next wave only once the previous one is healthy.
  const run = await executeSync(kube, plan, { ...options, afterWave: (_wave, applied) => waitFor(applied) });
  const steps = run.steps;
  if (run.cancelled) return { ...preview, outcome: 'cancelled', steps, health };
  if (steps.some((s) => s.status === 'failed')) return { ...preview, outcome: 'failed', steps, health };
  if (steps.some((s) => s.status === 'conflict')) return { ...preview, outcome: 'conflict', steps, health };
  if (steps.some((s) => s.status === 'notAttempted')) return { ...preview, outcome: outcomeOfWait(lastWait), steps, health };
  // The last wave (every wave when there is only one) is still to be waited for.
  const checked = new Set(health.map((h) => h.ref));
  const unchecked = steps.filter((s) => s.action !== 'prune' && !checked.has(s.ref));
  if (unchecked.length > 0) await waitFor(unchecked);
  return { ...preview, outcome: outcomeOfWait(lastWait), steps, health };
}

function outcomeOfWait(wait: HealthWaitResult | undefined): SyncOutcome {
  if (!wait || wait.healthy) return 'succeeded';
  if (wait.cancelled) return 'cancelled';
  return wait.timedOut ? 'timedOut' : 'degraded';
}
