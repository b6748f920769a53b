import type { KubeApi, KubeObject, ObjectRef } from '../ports';
import { parseApplyConflict, type ApplyConflict } from './applyConflict';
import type { ApplyStep, PruneStep, SyncPlan } from './syncPlan';
import { fieldManager } from './trackedObject';

/** An AbortSignal, or anything shaped like one: checked between steps, never mid-request. */
export interface CancelToken {
  readonly aborted: boolean;
}

export type StepStatus = 'applied' | 'forced' | 'pruned' | 'failed' | 'conflict' | 'notAttempted' | 'cancelled';

export interface StepResult {
  readonly ref: ObjectRef;
  readonly action: 'create' | 'update' | 'prune';
  readonly wave: number;
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
  /** Called after each wave's applies succeed, before the next wave starts (Argo CD waits for health there). False stops the sync. */
  readonly afterWave?: (wave: number, applied: readonly StepResult[]) => Promise<boolean>;
  readonly onStep?: (result: StepResult) => void;
}

export interface ExecuteResult {
  /** One per plan step (applies in order, then prunes), with what really happened. */
  readonly steps: readonly StepResult[];
  readonly cancelled: boolean;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function result(step: ApplyStep | PruneStep, status: StepStatus, extra: Partial<Pick<StepResult, 'message' | 'conflict' | 'stored'>> = {}): StepResult {
  return { ref: step.ref, action: step.action, wave: step.wave, status, message: extra.message, conflict: extra.conflict, stored: extra.stored };
}

/**
 * Applies the plan with field manager `driftline`, never forcing on its own; stops at the
 * first failure so that the results say exactly what was applied, what failed and what
 * was not attempted.
 */
export async function executeSync(kube: KubeApi, plan: SyncPlan, options: ExecuteOptions = {}): Promise<ExecuteResult> {
  const steps: StepResult[] = [];
  const record = (r: StepResult): StepResult => {
    steps.push(r);
    options.onStep?.(r);
    return r;
  };
  const all: (ApplyStep | PruneStep)[] = [...plan.applies, ...plan.prunes];
  const finishAs = (from: number, status: 'notAttempted' | 'cancelled'): void => {
    for (const step of all.slice(from)) record(result(step, status));
  };
  let waveApplied: StepResult[] = [];
  for (const [index, step] of all.entries()) {
    if (options.signal?.aborted) {
      finishAs(index, 'cancelled');
      return { steps, cancelled: true };
    }
    const previous = all[index - 1];
    const waveEnds = previous?.action !== 'prune' && (step.action === 'prune' || (previous !== undefined && previous.wave !== step.wave));
    if (previous && waveEnds && options.afterWave && waveApplied.length > 0) {
      const go = await options.afterWave(previous.wave, waveApplied);
      waveApplied = [];
      if (!go || options.signal?.aborted) {
        finishAs(index, options.signal?.aborted ? 'cancelled' : 'notAttempted');
        return { steps, cancelled: options.signal?.aborted === true };
      }
    }
    const done = record(step.action === 'prune' ? await prune(kube, step) : await apply(kube, step, options));
    if (done.status === 'failed' || done.status === 'conflict') {
      finishAs(index + 1, 'notAttempted');
      return { steps, cancelled: false };
    }
    if (step.action !== 'prune') waveApplied.push(done);
  }
  return { steps, cancelled: false };
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
