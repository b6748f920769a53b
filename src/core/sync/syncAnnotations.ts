import { isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';

// What Argo CD reads from an object's annotations to schedule it.

const waveAnnotation = 'argocd.argoproj.io/sync-wave';
const hookAnnotation = 'argocd.argoproj.io/hook';
const helmHookAnnotation = 'helm.sh/hook';
const syncOptionsAnnotation = 'argocd.argoproj.io/sync-options';

function annotationsOf(object: KubeObject): Record<string, unknown> {
  return isRecord(object.metadata['annotations']) ? object.metadata['annotations'] : {};
}

/** The sync wave; Argo CD treats a missing or unparsable value as 0. */
export function syncWave(object: KubeObject): number {
  const value = annotationsOf(object)[waveAnnotation];
  if (typeof value !== 'string' || !/^\s*-?\d+\s*$/.test(value)) return 0;
  return Number(value.trim());
}

/** Hook phases (PreSync, Sync, PostSync, SyncFail, Skip…); empty for an ordinary resource. Helm hooks count too. */
export function hookPhases(object: KubeObject): string[] {
  const annotations = annotationsOf(object);
  const argo = annotations[hookAnnotation];
  const helm = annotations[helmHookAnnotation];
  const raw = typeof argo === 'string' ? argo : typeof helm === 'string' ? helm : '';
  return raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
}

/** The object's own `argocd.argoproj.io/sync-options` (e.g. `SkipDryRunOnMissingResource=true`, `Prune=false`). */
export function objectSyncOptions(object: KubeObject): string[] {
  const value = annotationsOf(object)[syncOptionsAnnotation];
  return typeof value === 'string' ? value.split(',').map((o) => o.trim()).filter((o) => o !== '') : [];
}

export function hasOption(options: readonly string[], option: string): boolean {
  return options.some((o) => o.replace(/\s+/g, '') === option);
}
