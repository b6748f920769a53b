import { resourceId, type Resource } from './resource';
import type { Kustomization } from './kustomization';
import { isRecord } from '../fieldPath';
import { RenderError, diagnostic } from '../result';

// kustomize's legacy output order (api/internal/builtins/SortOrderTransformer.go),
// which `kubectl kustomize` uses unless the kustomization sets sortOptions.

const orderFirst = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const orderLast = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function rank(kind: string, first: readonly string[], last: readonly string[]): number {
  const at = first.indexOf(kind);
  if (at >= 0) return at - first.length;
  const lastAt = last.indexOf(kind);
  return lastAt >= 0 ? 1 + lastAt : 0;
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

/** Legacy order; `sortOptions.legacySortOptions` replaces both kind lists. */
export function legacySort(resources: readonly Resource[], first: readonly string[] = orderFirst, last: readonly string[] = orderLast): Resource[] {
  return [...resources].sort((a, b) => {
    const byRank = rank(String(a.object['kind']), first, last) - rank(String(b.object['kind']), first, last);
    if (byRank !== 0) return byRank;
    const coreNamespaceFirst = coreNamespaceOrder(a, b);
    if (coreNamespaceFirst !== 0) return coreNamespaceFirst;
    const byGvk = byCodeUnit(gvkKey(a), gvkKey(b));
    return byGvk !== 0 ? byGvk : byCodeUnit(idKey(a), idKey(b));
  });
}

/**
 * The root kustomization's `sortOptions` (only the root's count; a base's are ignored):
 * none → legacy; `fifo` → accumulation order; `legacy` with custom kind lists
 * (api/krusty/kustomizer.go applySortOrder, api/types/sortoptions.go).
 */
export function sortResources(k: Kustomization, resources: readonly Resource[]): Resource[] {
  const options = k.data['sortOptions'];
  if (options === undefined || options === null) return legacySort(resources);
  const at = isRecord(options) && 'order' in options ? k.at(options, 'order') : k.at(k.data, 'sortOptions');
  const order = isRecord(options) ? options['order'] : undefined;
  if (order !== 'fifo' && order !== 'legacy') {
    throw new RenderError(diagnostic(k.file, `sortOptions.order must be fifo or legacy${order === undefined ? ' (it is required)' : `, not ${String(order)}`}`, at));
  }
  const legacy = isRecord(options) ? options['legacySortOptions'] : undefined;
  if (order === 'fifo') {
    if (legacy !== undefined && legacy !== null && isRecord(options)) {
      throw new RenderError(diagnostic(k.file, "sortOptions.legacySortOptions is set but the order is 'fifo'; set order: legacy or remove it", k.at(options, 'legacySortOptions')));
    }
    return [...resources];
  }
  if (!isRecord(legacy)) return legacySort(resources);
  const kinds = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  return legacySort(resources, kinds(legacy['orderFirst']), kinds(legacy['orderLast']));
}

/** kustomize puts the core (v1) Namespace before any other group's Namespace kind (checked against kubectl v1.35). */
function coreNamespaceOrder(a: Resource, b: Resource): number {
  if (a.object['kind'] !== 'Namespace' || b.object['kind'] !== 'Namespace') return 0;
  const aCore = resourceId(a).group === '';
  const bCore = resourceId(b).group === '';
  return aCore === bCore ? 0 : aCore ? -1 : 1;
}
