import { isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';
import { isHook } from './syncAnnotations';

// How a live object is known to belong to an app, so that objects dropped from
// Git show as Extra (and can be pruned): Driftline's own annotation, written on
// every sync, or Argo CD's tracking annotation or instance label.

export const trackingAnnotation = 'driftline.dev/tracking-id';
const argoTrackingAnnotation = 'argocd.argoproj.io/tracking-id';
const argoInstanceLabel = 'app.kubernetes.io/instance';

export function isTrackedBy(object: KubeObject, trackingId: string, argoAppName?: string): boolean {
  const annotations = isRecord(object.metadata['annotations']) ? object.metadata['annotations'] : {};
  const labels = isRecord(object.metadata['labels']) ? object.metadata['labels'] : {};
  if (annotations[trackingAnnotation] === trackingId) return true;
  if (argoAppName === undefined) return false;
  const argoId = annotations[argoTrackingAnnotation];
  if (typeof argoId === 'string') return argoId.startsWith(`${argoAppName}:`);
  return labels[argoInstanceLabel] === argoAppName;
}

/**
 * Never Extra, never pruned: Argo CD's `IgnoreExtraneous` (the user asked not to count it),
 * and hooks, which live by their delete policy rather than by Git.
 */
export function ignoresExtraneous(object: KubeObject): boolean {
  if (isHook(object)) return true;
  const annotations = isRecord(object.metadata['annotations']) ? object.metadata['annotations'] : {};
  const options = annotations['argocd.argoproj.io/compare-options'];
  return typeof options === 'string' && options.split(',').map((o) => o.trim()).includes('IgnoreExtraneous');
}
