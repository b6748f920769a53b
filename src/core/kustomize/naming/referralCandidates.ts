import { isRecord } from '../../fieldPath';
import { resourceId, type Resource, type ResourceId } from '../resource';
import { gvkSelects, type Gvk } from '../fieldSpecs/fieldSpec';
import { isClusterScoped } from './clusterScope';
import { effectiveNamespace, historyOf, previousIds } from './nameHistory';

// Which resources a reference may point at, and which one it does (api/filters/nameref
// selectReferral, api/resmap/reswrangler.go SubsetThatCouldBeReferencedByResource).

/** A resource as the name-reference step sees it, computed once at the root. */
export interface Candidate {
  readonly resource: Resource;
  readonly id: ResourceId;
  readonly previous: readonly ResourceId[];
  /** OrgId: the first previous id, or the current one. */
  readonly original: ResourceId;
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly clusterScoped: boolean;
}

export function toCandidate(resource: Resource): Candidate {
  const history = historyOf(resource);
  const id = resourceId(resource);
  const previous = previousIds(resource);
  return {
    resource,
    id,
    previous,
    original: previous[0] ?? id,
    prefixes: [...history.prefixes],
    suffixes: [...history.suffixes],
    clusterScoped: isClusterScoped(id),
  };
}

/**
 * Everything a cluster-scoped referrer sees; otherwise cluster-scoped resources, those in
 * the referrer's namespace, and, for a RoleBinding, those in its ServiceAccount subjects'
 * namespaces.
 */
export function candidatesFor(referrer: Candidate, all: readonly Candidate[]): Candidate[] {
  if (referrer.clusterScoped) return [...all];
  const subjectNamespaces = roleBindingSubjectNamespaces(referrer.resource);
  const ns = effectiveNamespace(referrer.id);
  return all.filter((c) => c.clusterScoped || effectiveNamespace(c.id) === ns || subjectNamespaces.has(c.id.namespace ?? ''));
}

function roleBindingSubjectNamespaces(r: Resource): Set<string> {
  const out = new Set<string>();
  const subjects = r.object['subjects'];
  if (r.object['kind'] !== 'RoleBinding' || !Array.isArray(subjects)) return out;
  for (const s of subjects) {
    if (isRecord(s) && s['kind'] === 'ServiceAccount' && typeof s['namespace'] === 'string') out.add(s['namespace']);
  }
  return out;
}

export interface ReferralQuery {
  readonly referrer: Candidate;
  /** The kind the field names (the nameReference entry's gvk). */
  readonly target: Gvk;
  /** For `roleRef/name`: only the kind and group the roleRef states. */
  readonly roleRef?: Gvk;
  readonly oldName: string;
  /** Candidates that differ only in ways the field cannot express count as one. */
  readonly identical: (candidates: readonly Candidate[]) => boolean;
}

export type Referral = { readonly found: Candidate } | { readonly ambiguous: readonly Candidate[] } | undefined;

/**
 * selectReferral: a candidate that once had the old name and the target kind, in the
 * referrer's namespace (cluster-scoped kinds and ServiceAccounts exempt); ties go to the
 * candidate whose prefixes and suffixes end the same way as the referrer's.
 */
export function selectReferral(query: ReferralQuery, candidates: readonly Candidate[]): Referral {
  const { referrer, target, roleRef, oldName } = query;
  const ns = effectiveNamespace(referrer.id);
  const sieved = candidates.filter(
    (c) =>
      c.previous.some((p) => p.name === oldName) &&
      c.previous.some((p) => gvkSelects(target, p)) &&
      (!roleRef || c.previous.some((p) => gvkSelects(roleRef, p))) &&
      (referrer.clusterScoped || c.clusterScoped || c.id.kind === 'ServiceAccount' || effectiveNamespace(c.id) === ns),
  );
  if (sieved.length === 1 && sieved[0]) return { found: sieved[0] };
  const affixed = sieved.filter((c) => sameEnding(c.prefixes, referrer.prefixes) && sameEnding(c.suffixes, referrer.suffixes));
  const [first] = affixed;
  if (!first) return undefined;
  if (affixed.length === 1 || query.identical(affixed)) return { found: first };
  return { ambiguous: affixed };
}

/** SameEndingSubSlice: the shorter list ends the longer one; an empty list matches only an empty list. */
function sameEnding(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length === 0;
  const offset = long.length - short.length;
  return short.every((s, i) => long[i + offset] === s);
}
