import { resourceId, type Resource } from './resource';

// kustomize's legacy output order (api/internal/builtins/SortOrderTransformer.go),
// which `kubectl kustomize` uses unless the kustomization sets sortOptions.

const orderFirst = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const orderLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string): number {
  const first = orderFirst.indexOf(kind);
  if (first >= 0) return first - orderFirst.length;
  const last = orderLast.indexOf(kind);
  return last >= 0 ? 1 + last : 0;
}

const orEmpty = (s: string | undefined, tilde: string): string => (s === undefined || s === '' ? tilde : s);

function gvkKey(r: Resource): string {
  const id = resourceId(r);
  return `${orEmpty(id.group, '~G')}_${orEmpty(id.version, '~V')}_${orEmpty(id.kind, '~K')}`;
}

function idKey(r: Resource): string {
  const id = resourceId(r);
  return `${orEmpty(id.kind, '~K')}_${orEmpty(id.version, '~V')}_${orEmpty(id.group, '~G')}|${orEmpty(id.namespace, '~X')}|${orEmpty(id.name, '~N')}`;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function legacySort(resources: readonly Resource[]): Resource[] {
  return [...resources].sort((a, b) => {
    const byRank = rank(String(a.object['kind'])) - rank(String(b.object['kind']));
    if (byRank !== 0) return byRank;
    const byGvk = byCodeUnit(gvkKey(a), gvkKey(b));
    return byGvk !== 0 ? byGvk : byCodeUnit(idKey(a), idKey(b));
  });
}
