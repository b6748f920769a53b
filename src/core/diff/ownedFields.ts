import { isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';
import type { PathSegment } from '../provenance';

// Which live fields an applier owns, as concrete paths into the live object.
// FieldsV1 (`f:`, `k:`, `v:`, `i:`) from managedFields, or the JSON that
// client-side `kubectl apply` leaves in last-applied-configuration.

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

export interface AppliedPath {
  readonly path: PathSegment[];
  /** Owned through client-side apply's annotation rather than a server-side apply entry. */
  readonly viaLastApplied: boolean;
}

/** Paths (into `live`) of every leaf the managers own through Apply, deepest nodes only. */
export function appliedPaths(live: KubeObject, managers: ReadonlySet<string>): AppliedPath[] {
  const ssa: PathSegment[][] = [];
  for (const entry of live.metadata.managedFields ?? []) {
    if (entry.operation !== 'Apply' || !managers.has(entry.manager ?? '') || !isRecord(entry.fieldsV1)) continue;
    walkFieldsV1(entry.fieldsV1, live, [], ssa);
  }
  const out: AppliedPath[] = ssa.map((path) => ({ path, viaLastApplied: false }));
  const annotations = live.metadata['annotations'];
  const applied = isRecord(annotations) ? annotations[lastApplied] : undefined;
  if (typeof applied === 'string') {
    const csa: PathSegment[][] = [];
    try {
      walkJson(JSON.parse(applied), live, [], csa);
    } catch {
      // A hand-edited annotation that is not JSON owns nothing.
    }
    for (const path of csa) out.push({ path, viaLastApplied: true });
  }
  return out;
}

/** Collects the leaves of a fieldset; `path` is a shared stack, copied only at a leaf. */
function walkFieldsV1(set: Record<string, unknown>, live: unknown, path: PathSegment[], out: PathSegment[][]): void {
  let leaf = true;
  for (const key in set) {
    if (key === '.') continue;
    leaf = false;
    const child = set[key];
    if (!isRecord(child)) continue;
    const segment = resolveKey(key, live);
    if (segment === undefined) continue;
    const value = (live as Record<PathSegment, unknown>)[segment];
    if (value === undefined) continue;
    path.push(segment);
    walkFieldsV1(child, value, path, out);
    path.pop();
  }
  if (leaf) out.push(path.slice());
}

/** A FieldsV1 key as a concrete key or index into `live`; undefined when the element is gone. */
function resolveKey(key: string, live: unknown): PathSegment | undefined {
  if (key.startsWith('f:')) return isRecord(live) ? key.slice(2) : undefined;
  if (!Array.isArray(live)) return undefined;
  if (key.startsWith('i:')) return Number(key.slice(2));
  let wanted: unknown;
  try {
    wanted = JSON.parse(key.slice(2));
  } catch {
    return undefined;
  }
  if (key.startsWith('v:')) {
    const at = live.findIndex((item) => JSON.stringify(item) === JSON.stringify(wanted));
    return at < 0 ? undefined : at;
  }
  if (key.startsWith('k:') && isRecord(wanted)) {
    const keyFields = Object.entries(wanted);
    const at = live.findIndex((item) => isRecord(item) && keyFields.every(([k, v]) => item[k] === v || (item[k] === undefined && k === 'protocol' && v === 'TCP')));
    return at < 0 ? undefined : at;
  }
  return undefined;
}

function walkJson(applied: unknown, live: unknown, path: PathSegment[], out: PathSegment[][]): void {
  if (isRecord(applied) && isRecord(live) && Object.keys(applied).length > 0) {
    for (const [key, value] of Object.entries(applied)) {
      if (live[key] !== undefined) walkJson(value, live[key], [...path, key], out);
    }
    return;
  }
  out.push(path);
}
