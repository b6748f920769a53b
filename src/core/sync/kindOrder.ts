// Argo CD's apply order (gitops-engine sync_tasks.go, itself Helm's kind sorter): phase,
// then wave, then kind, then name. Kinds not in the table (custom resources) go last.

const kinds = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding',
  'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod',
  'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job',
  'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

// Negative ranks, so that the 0 of an unknown kind sorts after every known one, as in Go.
const rank: ReadonlyMap<string, number> = new Map(kinds.map((kind, i) => [kind, i - kinds.length]));

export function kindRank(kind: string): number {
  return rank.get(kind) ?? 0;
}

export interface Orderable {
  readonly wave: number;
  readonly kind: string;
  readonly name: string;
}

/** gitops-engine's `syncTasks.Less` within one phase. */
export function compareSyncOrder(a: Orderable, b: Orderable): number {
  if (a.wave !== b.wave) return a.wave - b.wave;
  const byKind = kindRank(a.kind) - kindRank(b.kind);
  if (byKind !== 0) return byKind;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
