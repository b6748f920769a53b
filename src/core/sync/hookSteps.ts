import type { KubeObject } from '../ports';
import type { HookNote, HookStep } from './planSteps';
import { refOfObject } from './objectRef';
import { hookDeletePolicies, hookPhases, notRunPhases, runnablePhases, syncWave } from './syncAnnotations';

// Hooks are not applied like the rest: each is created once per phase it names, run to
// completion, and deleted as its delete policy says (gitops-engine getSyncTasks).

export interface HookNaming {
  /** The commit being synced; its first seven characters name generateName hooks. */
  readonly revision?: string;
  /** When this sync started (ms since the epoch). */
  readonly startedAtMs: number;
}

/** Argo CD's name for a generateName hook: deterministic for one sync, new for the next. */
function hookName(object: KubeObject, phase: string, naming: HookNaming): string {
  const name = object.metadata.name;
  if (typeof name === 'string' && name !== '') return name;
  const generateName = typeof object.metadata['generateName'] === 'string' ? object.metadata['generateName'] : '';
  const postfix = [naming.revision?.slice(0, 7) ?? '', phase, String(Math.floor(naming.startedAtMs / 1000))].filter((p) => p !== '').join('-');
  return `${generateName}${postfix}`.toLowerCase();
}

export function hookNote(object: KubeObject): HookNote {
  return { ref: refOfObject(object), wave: syncWave(object), phases: hookPhases(object), notRun: notRunPhases(object) };
}

/** One step per phase the hook runs in; the caller fills `live` (the named hook already on the cluster). */
export function hookSteps(object: KubeObject, naming: HookNaming): HookStep[] {
  return runnablePhases(object).map((phase) => {
    const { generateName: _dropped, ...metadata } = object.metadata;
    const named: KubeObject = { ...object, metadata: { ...metadata, name: hookName(object, phase, naming) } };
    const wave = syncWave(object);
    return { action: 'hook', ref: refOfObject(named), wave, phase, runWave: wave, object: named, live: undefined, deletePolicies: hookDeletePolicies(object) };
  });
}
