import type { KubeApi, KubeObject, ObjectRef } from '../ports';
import { parseApplyConflict, type ApplyConflict } from './applyConflict';
import type { CancelToken } from './cancelToken';
import { groupByWave } from './planSequence';
import type { ApplyStep, HookStep, PlanStep, PruneStep } from './planSteps';
import { startHook } from './runHook';
import type { HookPhase } from './syncAnnotations';
import type { SyncPlan } from './syncPlan';
import { fieldManager } from './trackedObject';
import type { HealthOutcome, HealthWaitResult } from './waitForHealth';

export type { CancelToken } from './cancelToken';

export type StepStatus = 'applied' | 'forced' | 'pruned' | 'failed' | 'conflict' | 'notAttempted' | 'cancelled';

export interface StepResult {
  readonly ref: ObjectRef;
  readonly action: 'create' | 'update' | 'prune' | 'hook';
  /** As annotated. */
  readonly wave: number;
  readonly phase: HookPhase;
  /** The wave it ran (or would have run) in. */
  readonly runWave: number;
  /** A hook: `applied` once it completed, `failed` when it failed or did not complete. */
  readonly status: StepStatus;
  readonly message: string | undefined;
  /** For `conflict` (declined) and `forced` (taken): whose fields. */
  readonly conflict: ApplyConflict | undefined;
  /** What the server stored. */
  readonly stored: KubeObject | undefined;
}

export interface ExecuteOptions {
  /** Conflicts were confirmed in advance (`--force-conflicts`): a 409 is retried with force. */
  readonly forceConflicts?: boolean;
  /** Asked on a 409 when not confirmed in advance; the conflict names the managers and fields. */
  readonly confirmForce?: (step: ApplyStep, conflict: ApplyConflict) => Promise<boolean>;
  readonly signal?: CancelToken;
  /**
   * Waits until a wave's applied objects are healthy and its hooks complete (Argo CD starts
   * the next wave only then). Without it nothing is waited for and hooks are only created.
   */
  readonly awaitHealth?: (refs: readonly ObjectRef[]) => Promise<HealthWaitResult>;
  readonly onStep?: (result: StepResult) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ExecuteResult {
  /** One per step: applies and prunes as they happen, a wave's hooks once they finish. */
  readonly steps: readonly StepResult[];
  readonly cancelled: boolean;
  /** The last health wait: the one that stopped the sync when it was not healthy. */
  readonly lastWait: HealthWaitResult | undefined;
  /** Every health outcome seen, wave by wave. */
  readonly health: readonly HealthOutcome[];
  /** Hooks this run created or found, for their delete policies. */
  readonly hooksRun: readonly HookStep[];
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function result(step: PlanStep, status: StepStatus, extra: Partial<Pick<StepResult, 'message' | 'conflict' | 'stored'>> = {}): StepResult {
  return { ref: step.ref, action: step.action, wave: step.wave, phase: step.phase, runWave: step.runWave, status, message: extra.message, conflict: extra.conflict, stored: extra.stored };
}

/** Runs the plan's sequence: PreSync hooks, the Sync waves (prunes, then hooks and applies), PostSync hooks. */
export function executeSync(kube: KubeApi, plan: SyncPlan, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  return runSteps(kube, plan.sequence, options);
}

/**
 * Runs steps wave by wave with field manager `driftline`, never forcing on its own; stops at
 * the first failure (or a wave that does not become healthy) so that the results say exactly
 * what was applied, what failed and what was not attempted.
 */
export async function runSteps(kube: KubeApi, sequence: readonly PlanStep[], options: ExecuteOptions = {}): Promise<ExecuteResult> {
  const steps: StepResult[] = [];
  const health: HealthOutcome[] = [];
  const hooksRun: HookStep[] = [];
  let lastWait: HealthWaitResult | undefined;
  const record = (r: StepResult): StepResult => {
    steps.push(r);
    options.onStep?.(r);
    return r;
  };
  const stop = (from: readonly PlanStep[], status: 'notAttempted' | 'cancelled'): ExecuteResult => {
    for (const step of from) record(result(step, status));
    return { steps, cancelled: status === 'cancelled', lastWait, health, hooksRun };
  };
  const groups = groupByWave(sequence);
  for (const [g, group] of groups.entries()) {
    const rest = (from: number): PlanStep[] => [...group.slice(from), ...groups.slice(g + 1).flat()];
    const waiting: PlanStep[] = [];
    const hooks: HookStep[] = [];
    for (const [i, step] of group.entries()) {
      if (options.signal?.aborted) return stop(rest(i), 'cancelled');
      if (step.action === 'hook') {
        const started = await startHook(kube, step, { sleep: options.sleep ?? defaultSleep });
        if ('error' in started) {
          record(result(step, 'failed', { message: `${step.phase} hook could not be created: ${started.error}` }));
          return stop([...hooks, ...rest(i + 1)], 'notAttempted');
        }
        hooksRun.push(step);
        hooks.push(step);
        waiting.push(step);
        continue;
      }
      const done = record(step.action === 'prune' ? await prune(kube, step) : await apply(kube, step, options));
      if (done.status === 'failed' || done.status === 'conflict') return stop([...hooks, ...rest(i + 1)], 'notAttempted');
      if (step.action !== 'prune') waiting.push(step);
    }
    if (waiting.length === 0) continue;
    if (!options.awaitHealth) {
      for (const hook of hooks) record(result(hook, 'applied', { message: `${hook.phase} hook created (completion not awaited)` }));
      continue;
    }
    const wait = (lastWait = await options.awaitHealth(waiting.map((s) => s.ref)));
    health.push(...wait.outcomes);
    for (const hook of hooks) record(hookResult(hook, wait));
    if (!wait.healthy) return stop(groups.slice(g + 1).flat(), wait.cancelled ? 'cancelled' : 'notAttempted');
  }
  return { steps, cancelled: false, lastWait, health, hooksRun };
}

/** Completed means Healthy (a Job's Complete, a Pod's Succeeded); anything else after the wait is a failure, named. */
function hookResult(hook: HookStep, wait: HealthWaitResult): StepResult {
  const outcome = wait.outcomes.find((o) => o.ref === hook.ref);
  const status = outcome?.status ?? 'Unknown';
  if (status === 'Healthy' || status === 'None') return result(hook, 'applied', { message: `${hook.phase} hook completed` });
  if (wait.cancelled && status !== 'Degraded') return result(hook, 'cancelled', { message: `${hook.phase} hook still running when cancelled` });
  const why = status === 'Degraded' || status === 'Missing' ? 'failed' : 'did not complete in time';
  return result(hook, 'failed', { message: `${hook.phase} hook ${why}${outcome?.message ? `: ${outcome.message}` : ''}` });
}

async function apply(kube: KubeApi, step: ApplyStep, options: ExecuteOptions): Promise<StepResult> {
  try {
    return result(step, 'applied', { stored: await kube.apply(step.object, { fieldManager, force: false, dryRun: false }) });
  } catch (e) {
    const conflict = parseApplyConflict(e);
    if (!conflict) return result(step, 'failed', { message: messageOf(e) });
    const confirmed = options.forceConflicts === true || (await options.confirmForce?.(step, conflict)) === true;
    if (!confirmed) return result(step, 'conflict', { conflict, message: conflict.message });
    try {
      return result(step, 'forced', { conflict, stored: await kube.apply(step.object, { fieldManager, force: true, dryRun: false }) });
    } catch (forced) {
      return result(step, 'failed', { conflict, message: messageOf(forced) });
    }
  }
}

async function prune(kube: KubeApi, step: PruneStep): Promise<StepResult> {
  if (!kube.delete) return result(step, 'failed', { message: 'this cluster connection cannot delete objects' });
  try {
    const existed = await kube.delete(step.ref, { dryRun: false });
    return result(step, 'pruned', { message: existed ? undefined : 'already gone' });
  } catch (e) {
    return result(step, 'failed', { message: messageOf(e) });
  }
}
