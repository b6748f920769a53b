import type { KubeApi, KubeObject } from '../ports';
import { parseApplyConflict, type ApplyConflict } from './applyConflict';
import { objectChanges, type ObjectChange } from './objectChanges';
import { hasOption, objectSyncOptions } from './syncAnnotations';
import type { ApplyStep, HookStep, PruneStep, SyncPlan } from './syncPlan';
import { fieldManager } from './trackedObject';

// The whole plan as a server-side dry run: what the preview shows is what the server
// says it would store (defaults, webhooks, ownership), not what Driftline guesses.

export type PredictionOutcome = 'create' | 'change' | 'unchanged' | 'skipped' | 'conflict' | 'error';

export interface Prediction {
  readonly step: ApplyStep;
  readonly outcome: PredictionOutcome;
  /** Field changes against live (Secret values masked); every field for a create. */
  readonly changes: readonly ObjectChange[];
  readonly conflict: ApplyConflict | undefined;
  /** Why it was skipped or failed. */
  readonly message: string | undefined;
}

export interface PrunePrediction {
  readonly step: PruneStep;
  readonly outcome: 'delete' | 'gone' | 'error';
  readonly message: string | undefined;
}

export interface HookPrediction {
  readonly step: HookStep;
  /** `skipped`: a hook on the cluster is replaced (BeforeHookCreation) or kept, so there is nothing to create yet. */
  readonly outcome: 'create' | 'skipped' | 'error';
  readonly message: string | undefined;
}

export interface DryRunResult {
  readonly predictions: readonly Prediction[];
  readonly prunes: readonly PrunePrediction[];
  /** Hooks of every phase (SyncFail too): a hook the server would refuse fails the plan before anything runs. */
  readonly hooks: readonly HookPrediction[];
  /** True when the server accepted every step except field conflicts (those need a decision, not a fix). */
  readonly accepted: boolean;
  readonly conflicts: readonly Prediction[];
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message) : String(e));
const codeOf = (e: unknown): number | undefined => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : undefined);

/** Asks the server about every step without changing anything. */
export async function dryRunPlan(kube: KubeApi, plan: SyncPlan): Promise<DryRunResult> {
  const predictions: Prediction[] = [];
  for (const step of plan.applies) predictions.push(await predictApply(kube, step));
  const prunes: PrunePrediction[] = [];
  for (const step of plan.prunes) prunes.push(await predictPrune(kube, step));
  const hooks: HookPrediction[] = [];
  for (const step of [...plan.sequence, ...plan.syncFail]) if (step.action === 'hook') hooks.push(await predictHook(kube, step, plan));
  const accepted = [...predictions, ...prunes, ...hooks].every((p) => p.outcome !== 'error');
  return { predictions, prunes, hooks, accepted, conflicts: predictions.filter((p) => p.outcome === 'conflict') };
}

async function predictApply(kube: KubeApi, step: ApplyStep): Promise<Prediction> {
  const base = { step, conflict: undefined, message: undefined };
  if (step.dryRunSkip) return { ...base, outcome: 'skipped', changes: objectChanges(undefined, step.object), message: step.dryRunSkip };
  let predicted: KubeObject;
  try {
    predicted = await kube.apply(step.object, { fieldManager, force: false, dryRun: true });
  } catch (e) {
    const conflict = parseApplyConflict(e);
    if (conflict) return { ...base, outcome: 'conflict', changes: [], conflict, message: conflict.message };
    // Argo CD's SkipDryRunOnMissingResource: a custom resource whose CRD appears later.
    if (codeOf(e) === 404 && hasOption(objectSyncOptions(step.object), 'SkipDryRunOnMissingResource=true')) {
      return { ...base, outcome: 'skipped', changes: objectChanges(undefined, step.object), message: `the server does not know ${step.ref.kind} yet (SkipDryRunOnMissingResource)` };
    }
    return { ...base, outcome: 'error', changes: [], message: messageOf(e) };
  }
  const changes = objectChanges(step.live, predicted);
  return { ...base, outcome: step.live === undefined ? 'create' : changes.length > 0 ? 'change' : 'unchanged', changes };
}

async function predictHook(kube: KubeApi, step: HookStep, plan: SyncPlan): Promise<HookPrediction> {
  // Applying over the old hook would only test an update (Job templates are immutable): not what will run.
  if (step.live) return { step, outcome: 'skipped', message: step.deletePolicies.includes('BeforeHookCreation') ? 'replaces the hook on the cluster' : 'the hook on the cluster stands' };
  const namespace = plan.applies.find((a) => a.ref.kind === 'Namespace' && a.action === 'create' && a.ref.name === step.ref.namespace);
  if (namespace) return { step, outcome: 'skipped', message: `namespace ${namespace.ref.name} is created by this sync` };
  try {
    await kube.apply(step.object, { fieldManager, force: false, dryRun: true });
    return { step, outcome: 'create', message: undefined };
  } catch (e) {
    return { step, outcome: 'error', message: messageOf(e) };
  }
}

async function predictPrune(kube: KubeApi, step: PruneStep): Promise<PrunePrediction> {
  if (!kube.delete) return { step, outcome: 'error', message: 'this cluster connection cannot delete objects' };
  try {
    return { step, outcome: (await kube.delete(step.ref, { dryRun: true })) ? 'delete' : 'gone', message: undefined };
  } catch (e) {
    return { step, outcome: 'error', message: messageOf(e) };
  }
}
