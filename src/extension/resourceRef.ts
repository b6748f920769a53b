import type { ObjectRef } from '../core/ports';
import type { ResourceDiff } from '../core/diff/types';

/** Identifies one resource of one overlay across commands, CodeLens arguments and virtual document URIs. */
export interface OverlayResource {
  readonly overlay: string;
  readonly ref: ObjectRef;
}

export function refOfDiff(d: ResourceDiff): ObjectRef {
  return { apiVersion: d.group ? `${d.group}/${d.version}` : d.version, kind: d.kind, namespace: d.namespace, name: d.name };
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

export function isOverlayResource(value: unknown): value is OverlayResource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<OverlayResource>;
  return typeof v.overlay === 'string' && typeof v.ref?.kind === 'string' && typeof v.ref.name === 'string' && typeof v.ref.apiVersion === 'string';
}
