import type { KubeObject, ObjectRef } from '../ports';

export function refOfObject(object: KubeObject): ObjectRef {
  const ns = object.metadata.namespace;
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: typeof ns === 'string' && ns !== '' ? ns : undefined };
}

export const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/** The same object whatever API version names it. */
export const identityKey = (r: ObjectRef): string => `${groupOf(r.apiVersion)}|${r.kind}|${r.namespace ?? ''}|${r.name}`;

/** `Kind/name` or `Kind/namespace/name`, for people. */
export function refLabel(r: ObjectRef): string {
  return r.namespace ? `${r.kind}/${r.namespace}/${r.name}` : `${r.kind}/${r.name}`;
}
