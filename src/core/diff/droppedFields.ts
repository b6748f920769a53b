import { isRecord } from '../fieldPath';
import type { KubeObject, ManagedFieldsEntry } from '../ports';
import type { PathSegment } from '../provenance';
import { listKindOf, mapItemKey } from './listKeys';
import { ownsField } from './managedFields';
import { appliedPaths } from './ownedFields';

// A live field the applier owns but Git no longer sets is drift: the next sync
// would remove it. Fields other managers own (a label added by hand, replicas
// set by an HPA) stay after a sync, so they are not.

const serverMetadata: ReadonlySet<string> = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);
// Marks the appliers add themselves when they apply; Git never holds them.
const applierAnnotations: ReadonlySet<string> = new Set(['driftline.dev/tracking-id', 'argocd.argoproj.io/tracking-id', 'kubectl.kubernetes.io/last-applied-configuration']);
const applierLabels: ReadonlySet<string> = new Set(['app.kubernetes.io/instance']);

export interface DroppedField {
  /** Where the field would sit in the desired object: its nearest desired ancestor. */
  readonly desiredPath: readonly PathSegment[];
  /** The live field (or list item) that Git dropped. */
  readonly livePath: readonly PathSegment[];
  readonly live: unknown;
}

export function droppedFields(desired: Record<string, unknown>, live: KubeObject, managers: ReadonlySet<string>, builtin: boolean): DroppedField[] {
  const out: DroppedField[] = [];
  let others: ManagedFieldsEntry[] | undefined;
  for (const { path, viaLastApplied } of appliedPaths(live, managers)) {
    if (path.length === 0 || skipLivePath(path)) continue;
    const at = desiredPathFor(desired, live, path, builtin);
    if (at.present) continue;
    // Server-side apply only removes a field nobody else owns; client-side apply removes it regardless.
    others ??= (live.metadata.managedFields ?? []).filter((e) => !managers.has(e.manager ?? ''));
    if (!viaLastApplied && others.some((entry) => ownsField(live, entry, path))) continue;
    const missingAt = path.slice(0, at.depth + 1);
    if (out.some((d) => isPrefix(d.livePath, missingAt))) continue;
    out.push({ desiredPath: at.segments, livePath: missingAt, live: valueAt(live, missingAt) });
  }
  return out;
}

/** Follows a live path through the desired object (list items by key): how far it gets. */
function desiredPathFor(desired: unknown, live: unknown, path: readonly PathSegment[], builtin: boolean): { present: boolean; depth: number; segments: PathSegment[] } {
  const segments: PathSegment[] = [];
  let d: unknown = desired;
  let l: unknown = live;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as PathSegment;
    const liveChild = (l as Record<PathSegment, unknown>)[segment];
    if (typeof segment === 'number') {
      if (!Array.isArray(d)) return { present: d !== undefined && d !== null, depth, segments };
      const kind = listKindOf(path[depth - 1], builtin);
      const key = mapItemKey(kind, liveChild);
      const at = key === undefined ? d.findIndex((item) => sameJson(item, liveChild)) : d.findIndex((item) => mapItemKey(kind, item) === key);
      if (at < 0) return { present: false, depth, segments };
      segments.push(at);
      d = d[at];
    } else {
      if (!isRecord(d)) return { present: d !== undefined && d !== null, depth, segments };
      if (d[segment] === undefined || d[segment] === null) return { present: false, depth, segments };
      segments.push(segment);
      d = d[segment];
    }
    l = liveChild;
  }
  return { present: true, depth: path.length, segments };
}

function skipLivePath(path: readonly PathSegment[]): boolean {
  if (path[0] === 'status') return true;
  if (path[0] !== 'metadata') return false;
  const field = path[1];
  if (typeof field === 'string' && serverMetadata.has(field)) return true;
  const key = path[2];
  if (typeof key !== 'string') return false;
  return (field === 'annotations' && applierAnnotations.has(key)) || (field === 'labels' && applierLabels.has(key));
}

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const segment of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<PathSegment, unknown>)[segment] : undefined;
  return node;
}
