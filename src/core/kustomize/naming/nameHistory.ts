import { resourceId, splitApiVersion, type NameHistory, type Resource, type ResourceId } from '../resource';
import { isClusterScoped } from './clusterScope';

// kustomize remembers every id a resource had (internal.config.kubernetes.io/previousNames,
// previousNamespaces, previousKinds) and the affixes added (…/prefixes, …/suffixes); the
// root's name-reference step matches references against those old names. Each
// StorePreviousId saves the id *before* a change; the namespace transformer saves one for
// every resource, even when nothing changes. The history lives on the Resource
// (`naming`), so copies made with a spread keep it.

export function historyOf(r: Resource): NameHistory {
  r.naming ??= { previousIds: [], prefixes: [], suffixes: [] };
  return r.naming;
}

/**
 * Resource.StorePreviousId: remember the current id before changing it. Steps that may
 * rename (prefix, suffix, namespace, patches allowed to rename, JSON patches) call it;
 * replacements and vars do not, so references never follow their renames (as in kustomize).
 */
export function storePreviousId(r: Resource): void {
  historyOf(r).previousIds.push(resourceId(r));
}

/** Pairs with storePreviousId after a rename; the history needs no other bookkeeping. */
export function noteRenamed(r: Resource): void {
  historyOf(r);
}

/** The root's hash step renamed `name` to `name-<hash>` without recording it: store the id it had. */
export function storePreHashId(r: Resource): void {
  const id = resourceId(r);
  const hashed = /^(.*)-[a-z0-9]{10}$/.exec(id.name);
  if (r.hashSuffix && hashed?.[1] !== undefined) historyOf(r).previousIds.push({ ...id, name: hashed[1] });
}

/** PrevIds: earlier ids, oldest first, with the current group/version as kustomize rebuilds them. */
export function previousIds(r: Resource): ResourceId[] {
  const { group, version } = splitApiVersion(String(r.object['apiVersion'] ?? ''));
  return historyOf(r).previousIds.map((id) => ({ ...id, group, version }));
}

/** OrgId: the first previous id, or the current one when it never changed. */
export function originalId(r: Resource): ResourceId {
  return previousIds(r)[0] ?? resourceId(r);
}

/** ResId.EffectiveNamespace: cluster-scoped kinds have none, an empty namespace is `default`. */
export function effectiveNamespace(id: ResourceId): string | undefined {
  if (isClusterScoped(id)) return undefined;
  return id.namespace === undefined || id.namespace === '' ? 'default' : id.namespace;
}
