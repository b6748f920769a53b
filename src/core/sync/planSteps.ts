import type { KubeObject, ObjectRef } from '../ports';
import type { HookDeletePolicy, HookPhase } from './syncAnnotations';

// The steps a sync plan is made of. Each knows the wave its object asks for and the
// phase and wave it really runs in: a namespace runs with its first dependant, a prune in
// the mirrored wave (or last, with PruneLast), a hook in its phase.

export interface PlanEntry {
  readonly ref: ObjectRef;
  /** As annotated (`argocd.argoproj.io/sync-wave`, or a Helm hook weight); 0 when absent. */
  readonly wave: number;
}

export interface ScheduledEntry extends PlanEntry {
  readonly phase: HookPhase;
  /** The wave it runs in, within its phase. */
  readonly runWave: number;
}

export interface ApplyStep extends ScheduledEntry {
  readonly action: 'create' | 'update';
  /** The object as it will be applied (tracking annotation included). */
  readonly object: KubeObject;
  readonly live: KubeObject | undefined;
  /** Why the server cannot dry-run it before the rest of the plan exists; undefined when it can. */
  readonly dryRunSkip: string | undefined;
  /** `CreateNamespace` for the namespace Driftline adds itself. */
  readonly origin: 'git' | 'CreateNamespace';
}

export interface PruneStep extends ScheduledEntry {
  readonly action: 'prune';
  readonly live: KubeObject;
  /** Moved after the last Sync wave by `PruneLast=true` (the Application's or its own). */
  readonly pruneLast: boolean;
}

export interface HookStep extends ScheduledEntry {
  readonly action: 'hook';
  /** Named: `metadata.name`, or `generateName` plus revision, phase and start time, as Argo CD names it. */
  readonly object: KubeObject;
  /** A hook of that name already on the cluster. */
  readonly live: KubeObject | undefined;
  readonly deletePolicies: readonly HookDeletePolicy[];
}

export type PlanStep = ApplyStep | PruneStep | HookStep;

export interface HookNote extends PlanEntry {
  /** As annotated: PreSync, PostSync, Skip, pre-install… */
  readonly phases: readonly string[];
  /** Annotated phases Driftline does not run (Skip, PreDelete, Helm test…). */
  readonly notRun: readonly string[];
}
