import { isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';

// What Argo CD reads from an object's annotations to schedule it.

const waveAnnotation = 'argocd.argoproj.io/sync-wave';
const hookAnnotation = 'argocd.argoproj.io/hook';
const hookDeletePolicyAnnotation = 'argocd.argoproj.io/hook-delete-policy';
const helmHookAnnotation = 'helm.sh/hook';
const helmWeightAnnotation = 'helm.sh/hook-weight';
const helmDeletePolicyAnnotation = 'helm.sh/hook-delete-policy';
const syncOptionsAnnotation = 'argocd.argoproj.io/sync-options';

function annotationsOf(object: KubeObject): Record<string, unknown> {
  return isRecord(object.metadata['annotations']) ? object.metadata['annotations'] : {};
}

const integer = (value: unknown): number | undefined => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value.trim()) : undefined);

const list = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').map((p) => p.trim()).filter((p) => p !== '') : []);

/** The sync wave; without one Argo CD reads a Helm hook weight; missing or unparsable is 0. */
export function syncWave(object: KubeObject): number {
  const annotations = annotationsOf(object);
  return integer(annotations[waveAnnotation]) ?? integer(annotations[helmWeightAnnotation]) ?? 0;
}

/** Hook phases (PreSync, Sync, PostSync, SyncFail, Skip…) as annotated; empty for an ordinary resource. Helm hooks count too. */
export function hookPhases(object: KubeObject): string[] {
  const annotations = annotationsOf(object);
  const argo = annotations[hookAnnotation];
  return typeof argo === 'string' ? list(argo) : list(annotations[helmHookAnnotation]);
}

export type HookPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail';

// gitops-engine hook/helm: the Helm hook types Argo CD runs, and the phase it runs them in.
const helmPhases: ReadonlyMap<string, HookPhase> = new Map([
  ['crd-install', 'PreSync'], ['pre-install', 'PreSync'], ['pre-upgrade', 'PreSync'], ['post-install', 'PostSync'], ['post-upgrade', 'PostSync'],
]);
const argoPhases: ReadonlySet<string> = new Set(['PreSync', 'Sync', 'PostSync', 'SyncFail']);

/** A hook is created per sync instead of applied, and never pruned nor counted as Extra. `Skip` alone is not a hook. */
export function isHook(object: KubeObject): boolean {
  const phases = hookPhases(object);
  return phases.length > 0 && !(phases.length === 1 && phases[0] === 'Skip');
}

/** Annotated `Skip`: Argo CD neither applies nor runs it. */
export function isSkipped(object: KubeObject): boolean {
  const phases = hookPhases(object);
  return phases.length === 1 && phases[0] === 'Skip';
}

/** The phases Driftline runs the hook in, Helm types mapped as Argo CD maps them; others (PreDelete, test…) are not run. */
export function runnablePhases(object: KubeObject): HookPhase[] {
  const annotations = annotationsOf(object);
  const phases = typeof annotations[hookAnnotation] === 'string' ? hookPhases(object).filter((p) => argoPhases.has(p)) : hookPhases(object).map((p) => helmPhases.get(p)).filter((p) => p !== undefined);
  return [...new Set(phases as HookPhase[])];
}

/** Annotated phases no sync runs (Skip, PreDelete, Helm's test…), as written. */
export function notRunPhases(object: KubeObject): string[] {
  const argo = typeof annotationsOf(object)[hookAnnotation] === 'string';
  return hookPhases(object).filter((p) => !(argo ? argoPhases.has(p) : helmPhases.has(p)));
}

export type HookDeletePolicy = 'HookSucceeded' | 'HookFailed' | 'BeforeHookCreation';

const helmPolicies: ReadonlyMap<string, HookDeletePolicy> = new Map([
  ['hook-succeeded', 'HookSucceeded'], ['hook-failed', 'HookFailed'], ['before-hook-creation', 'BeforeHookCreation'],
]);

/** `hook-delete-policy` from both annotations; BeforeHookCreation when none is given, as in Argo CD. */
export function hookDeletePolicies(object: KubeObject): HookDeletePolicy[] {
  const annotations = annotationsOf(object);
  const argo = list(annotations[hookDeletePolicyAnnotation]).filter((p): p is HookDeletePolicy => p === 'HookSucceeded' || p === 'HookFailed' || p === 'BeforeHookCreation');
  const helm = list(annotations[helmDeletePolicyAnnotation]).map((p) => helmPolicies.get(p)).filter((p) => p !== undefined);
  const all = [...new Set([...argo, ...helm])];
  return all.length > 0 ? all : ['BeforeHookCreation'];
}

/** The object's own `argocd.argoproj.io/sync-options` (e.g. `SkipDryRunOnMissingResource=true`, `Prune=false`). */
export function objectSyncOptions(object: KubeObject): string[] {
  return list(annotationsOf(object)[syncOptionsAnnotation]);
}

export function hasOption(options: readonly string[], option: string): boolean {
  return options.some((o) => o.replace(/\s+/g, '') === option);
}
