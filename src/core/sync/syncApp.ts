import type { KubeApi, KubeObject, ObjectRef } from '../ports';
import { dryRunPlan, type DryRunResult } from './dryRun';
import { executeSync, runSteps, type ExecuteOptions, type ExecuteResult, type StepResult } from './executeSync';
import type { HookStep } from './planSteps';
import { planSync, type LiveReader, type SyncPlan, type SyncPlanOptions } from './syncPlan';
import { waitForHealth, type HealthOutcome, type HealthWaitResult } from './waitForHealth';

// The one sync flow the CLI, the editor and rollback (apply mode) share:
// plan → server-side dry run (the preview) → confirmation → PreSync hooks → waves (prunes,
// applies, Sync hooks), each waited healthy → PostSync hooks → SyncFail hooks on failure.

export interface SyncPreview {
  readonly plan: SyncPlan;
  readonly dryRun: DryRunResult;
}

export interface SyncAppOptions extends SyncPlanOptions, Omit<ExecuteOptions, 'awaitHealth'> {
  /** Stop after the dry run: nothing changes. */
  readonly previewOnly?: boolean;
  /** Asked with the dry run's prediction; false changes nothing. Absent means yes (the caller confirmed already). */
  readonly confirmApply?: (preview: SyncPreview) => Promise<boolean>;
  /** The whole wait for health and hooks, across waves; default two minutes. SyncFail hooks get the same again. */
  readonly healthTimeoutMs?: number;
  readonly pollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type SyncOutcome =
  | 'previewed' // dry run only
  | 'declined' // the user said no
  | 'rejected' // the dry run failed: nothing was applied
  | 'succeeded' // applied and healthy, every hook completed
  | 'failed' // a step or a hook failed; see steps
  | 'conflict' // a 409 the user did not confirm forcing
  | 'degraded' // applied, but a resource is Degraded or Missing
  | 'timedOut' // applied, not healthy (or a hook not complete) in time
  | 'cancelled';

export interface SyncReport extends SyncPreview {
  readonly outcome: SyncOutcome;
  /** One per step as it ran (a wave's hooks once they finished), SyncFail hooks last; empty when nothing was attempted. */
  readonly steps: readonly StepResult[];
  readonly health: readonly HealthOutcome[];
  /** Hooks deleted after the sync by their delete policy (HookSucceeded, HookFailed). */
  readonly deletedHooks: readonly ObjectRef[];
}

const failures: ReadonlySet<SyncOutcome> = new Set(['failed', 'conflict', 'degraded', 'timedOut']);

export async function syncApp(kube: KubeApi, live: LiveReader, desired: readonly KubeObject[], options: SyncAppOptions): Promise<SyncReport> {
  const plan = await planSync(desired, live, options);
  const dryRun = await dryRunPlan(kube, plan);
  const preview = { plan, dryRun };
  const nothing = { steps: [], health: [], deletedHooks: [] };
  if (!dryRun.accepted) return { ...preview, outcome: 'rejected', ...nothing };
  if (options.previewOnly) return { ...preview, outcome: 'previewed', ...nothing };
  if (options.confirmApply && !(await options.confirmApply(preview))) return { ...preview, outcome: 'declined', ...nothing };

  const now = options.now ?? Date.now;
  const timeoutMs = options.healthTimeoutMs ?? 120_000;
  const awaitHealthUntil = (deadline: number) => (refs: readonly ObjectRef[]): Promise<HealthWaitResult> =>
    waitForHealth(live, refs, { timeoutMs: Math.max(0, deadline - now()), pollMs: options.pollMs, signal: options.signal, now, sleep: options.sleep });
  // Argo CD moves to the next wave only once the previous one is healthy and its hooks done.
  const run = await executeSync(kube, plan, { ...options, awaitHealth: awaitHealthUntil(now() + timeoutMs) });
  const outcome = outcomeOf(run);
  const steps = [...run.steps];
  const health = [...run.health];
  const hooksRun = [...run.hooksRun];
  if (failures.has(outcome) && plan.syncFail.length > 0) {
    const onFail = await runSteps(kube, plan.syncFail, { ...options, awaitHealth: awaitHealthUntil(now() + timeoutMs) });
    steps.push(...onFail.steps);
    health.push(...onFail.health);
    hooksRun.push(...onFail.hooksRun);
  }
  const deletedHooks = await deleteHooks(kube, hooksRun, outcome === 'succeeded' ? 'HookSucceeded' : failures.has(outcome) ? 'HookFailed' : undefined);
  return { ...preview, outcome, steps, health, deletedHooks };
}

function outcomeOf(run: ExecuteResult): SyncOutcome {
  if (run.cancelled) return 'cancelled';
  if (run.lastWait?.timedOut) return 'timedOut';
  if (run.steps.some((s) => s.status === 'failed')) return 'failed';
  if (run.steps.some((s) => s.status === 'conflict')) return 'conflict';
  const wait = run.lastWait;
  if (!wait || wait.healthy) return 'succeeded';
  return wait.cancelled ? 'cancelled' : 'degraded';
}

/** As Argo CD: when the whole operation ends, hooks go by policy (HookSucceeded on success, HookFailed on failure). */
async function deleteHooks(kube: KubeApi, hooks: readonly HookStep[], policy: 'HookSucceeded' | 'HookFailed' | undefined): Promise<ObjectRef[]> {
  if (!policy || !kube.delete) return [];
  const deleted: ObjectRef[] = [];
  for (const hook of hooks.filter((h) => h.deletePolicies.includes(policy))) {
    // A hook that will not go is left for the next sync's BeforeHookCreation; the report only lists what went.
    if (await kube.delete(hook.ref, { dryRun: false }).catch(() => false)) deleted.push(hook.ref);
  }
  return deleted;
}
