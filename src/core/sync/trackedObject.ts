import type { KubeObject } from '../ports';
import { trackingAnnotation } from './tracking';

/** Driftline's server-side-apply field manager: its ownership is what a later prune or diff trusts. */
export const fieldManager = 'driftline';

/** The object as Driftline applies it: the rendered object plus its tracking annotation. */
export function withTracking(object: KubeObject, trackingId: string): KubeObject {
  const annotations = { ...(object.metadata['annotations'] as Record<string, string> | undefined), [trackingAnnotation]: trackingId };
  return { ...object, metadata: { ...object.metadata, annotations } };
}
