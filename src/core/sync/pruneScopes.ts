import type { KubeObject, ObjectRef } from '../ports';

// Where to look for objects Git dropped. The kinds the app still renders are not enough:
// removing the app's only ConfigMap from Git must still find the live one. So the common
// namespaced kinds are listed too, in every namespace the app uses.

const commonNamespaced: readonly (readonly [string, string])[] = [
  ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Service'], ['v1', 'ServiceAccount'], ['v1', 'PersistentVolumeClaim'],
  ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'],
  ['networking.k8s.io/v1', 'Ingress'], ['networking.k8s.io/v1', 'NetworkPolicy'], ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['policy/v1', 'PodDisruptionBudget'],
];

export type Scope = Pick<ObjectRef, 'apiVersion' | 'kind' | 'namespace'>;

export function pruneScopes(desired: readonly KubeObject[], defaultNamespace: string | undefined): Scope[] {
  const scopes = new Map<string, Scope>();
  const add = (s: Scope): void => {
    scopes.set(`${s.apiVersion}|${s.kind}|${s.namespace ?? ''}`, s);
  };
  const namespaces = new Set<string>();
  for (const o of desired) {
    const ns = o.metadata.namespace;
    add({ apiVersion: o.apiVersion, kind: o.kind, namespace: typeof ns === 'string' && ns !== '' ? ns : undefined });
    if (typeof ns === 'string' && ns !== '') namespaces.add(ns);
  }
  if (defaultNamespace) namespaces.add(defaultNamespace);
  // A kind the app already renders in a namespace is listed at its own version, never twice.
  const rendered = new Set([...scopes.values()].map((s) => `${s.kind}|${s.namespace ?? ''}`));
  for (const namespace of namespaces) {
    for (const [apiVersion, kind] of commonNamespaced) if (!rendered.has(`${kind}|${namespace}`)) add({ apiVersion, kind, namespace });
  }
  return [...scopes.values()];
}
