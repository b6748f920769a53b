import { compareSyncOrder } from './kindOrder';
import type { HookPhase } from './syncAnnotations';
import type { PlanStep } from './planSteps';

// The order a sync runs its steps in (gitops-engine syncTasks.Less and runTasks): phase,
// then run wave; within one wave the prunes go first (dependants before what they depend
// on: reverse kind order), then hooks and applies together in kind order, then name.

const phaseRank: Readonly<Record<HookPhase, number>> = { PreSync: -1, Sync: 0, PostSync: 1, SyncFail: 2 };

const key = (s: PlanStep): { wave: number; kind: string; name: string } => ({ wave: s.runWave, kind: s.ref.kind, name: s.ref.name });

function compareSteps(a: PlanStep, b: PlanStep): number {
  const byPhase = phaseRank[a.phase] - phaseRank[b.phase];
  if (byPhase !== 0) return byPhase;
  if (a.runWave !== b.runWave) return a.runWave - b.runWave;
  const aPrune = a.action === 'prune';
  if (aPrune !== (b.action === 'prune')) return aPrune ? -1 : 1;
  return aPrune ? -compareSyncOrder(key(a), key(b)) : compareSyncOrder(key(a), key(b));
}

/** A stable sort: steps that compare equal keep the order they came in. */
export function sequenceSteps(steps: readonly PlanStep[]): PlanStep[] {
  return [...steps].sort(compareSteps);
}

/** Runs of consecutive steps sharing phase and run wave: the executor waits for health between them. */
export function groupByWave(sequence: readonly PlanStep[]): PlanStep[][] {
  const groups: PlanStep[][] = [];
  for (const step of sequence) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    if (last && head && head.phase === step.phase && head.runWave === step.runWave) last.push(step);
    else groups.push([step]);
  }
  return groups;
}
