import { isRecord } from '../../fieldPath';
import { matchesSelector, parseSelector } from '../../labelSelector';
import { isClusterScoped } from '../transformers/namespace';
import { resourceId, type Resource, type ResourceId } from '../resource';

// kustomize's ResId.IsSelectedBy (api/resid/resid.go): every field the selector sets
// must equal the resource's (no regexes here, unlike patch targets); namespaces compare
// effectively (empty ≙ default, cluster-scoped kinds have none). A resource is known
// by its current id and its original one (before prefixes, suffixes, namespaces).

export interface IdSelector {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface ResourceSelector extends IdSelector {
  readonly labelSelector?: string;
  readonly annotationSelector?: string;
}

/** The ids kustomize matches a resource by: current first, then earlier ones. */
export function idsOf(r: Resource): ResourceId[] {
  const current = resourceId(r);
  const ids = [current, ...(r.naming?.previousIds ?? [])];
  return ids.filter((id, i) => ids.findIndex((o) => o.name === id.name && o.namespace === id.namespace && o.kind === id.kind) === i);
}

export function isIdSelectorEmpty(s: IdSelector): boolean {
  return !s.group && !s.version && !s.kind && !s.name && !s.namespace;
}

export function isSelectedBy(id: ResourceId, s: IdSelector): boolean {
  if (s.name && s.name !== id.name) return false;
  if (s.kind && s.kind !== id.kind) return false;
  if (s.group && s.group !== id.group) return false;
  if (s.version && s.version !== id.version) return false;
  if (s.namespace) {
    if (isClusterScoped({ group: id.group, kind: id.kind })) return false;
    if ((id.namespace ?? 'default') !== s.namespace) return false;
  }
  return true;
}

/** `labelSelector` / `annotationSelector` as Kubernetes parses them: `a=b,c!=d,e in (f,g),h,!i`. */
export function matchesMapSelector(selector: string | undefined, values: unknown): boolean {
  if (!selector) return true;
  return matchesSelector(parseSelector(selector), isRecord(values) ? values : {});
}

export function formatSelector(s: IdSelector): string {
  const gvk = `${s.kind || '[noKind]'}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}`;
  return `${gvk}/${s.name || '[noName]'}.${s.namespace || '[noNs]'}`;
}
