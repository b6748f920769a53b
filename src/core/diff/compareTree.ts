import { isRecord } from '../fieldPath';
import type { PathSegment } from '../provenance';
import { listKindOf, mapItemKey, type ListKind } from './listKeys';
import { isZeroValue, sameScalar } from './normalize/scalars';

// The walk behind compare: every field the desired object sets must hold the
// same value live. Live-only fields are not looked at here (see droppedFields).

/** Receives each difference; the paths are the walk's own stacks, so copy them to keep them. */
export type Recorder = (desiredPath: readonly PathSegment[], livePath: readonly PathSegment[], desired: unknown, live: unknown) => void;

export interface TreeWalk {
  /** Built-in kinds merge lists by known keys; CRDs without a schema keep every list atomic. */
  readonly builtin: boolean;
  readonly record: Recorder;
  // Pushed and popped as the walk descends, so no path array is allocated per field.
  readonly desiredPath: PathSegment[];
  readonly livePath: PathSegment[];
}

export function compareValue(desired: unknown, live: unknown, walk: TreeWalk): void {
  // null in a manifest (`creationTimestamp: null`) asks for nothing.
  if (desired === null || desired === undefined) return;
  if (typeof desired !== 'object') {
    if (!sameScalar(desired, live, walk.desiredPath)) walk.record(walk.desiredPath, walk.livePath, desired, live);
  } else if (Array.isArray(desired)) {
    compareList(desired, live, walk);
  } else {
    compareMap(desired as Record<string, unknown>, live, walk);
  }
}

/** Compares `desired[key]` with `live[key]` one level down. */
export function compareChild(desired: Record<string, unknown>, live: Record<string, unknown>, key: string, walk: TreeWalk): void {
  walk.desiredPath.push(key);
  walk.livePath.push(key);
  compareValue(desired[key], live[key], walk);
  walk.desiredPath.pop();
  walk.livePath.pop();
}

function compareMap(desired: Record<string, unknown>, live: unknown, walk: TreeWalk): void {
  if (!isRecord(live)) {
    // `resources: {}` and friends: the server drops what is empty.
    if (!((live === undefined || live === null) && isZeroValue(desired))) walk.record(walk.desiredPath, walk.livePath, desired, live);
    return;
  }
  for (const key in desired) compareChild(desired, live, key, walk);
}

function compareList(desired: unknown[], live: unknown, walk: TreeWalk): void {
  if (!Array.isArray(live)) {
    if (!((live === undefined || live === null) && desired.length === 0)) walk.record(walk.desiredPath, walk.livePath, desired, live);
    return;
  }
  // Metadata lists (finalizers, ownerReferences) merge the same way in every kind.
  const kind = listKindOf(walk.desiredPath[walk.desiredPath.length - 1], walk.builtin || walk.desiredPath[0] === 'metadata');
  if (kind?.type === 'map') compareMapList(desired, live, kind, walk);
  else if (kind?.type === 'set') {
    // Other managers may add members (finalizers): each desired member must be there, in any order.
    if (!desired.every((item) => item === null || live.includes(item))) walk.record(walk.desiredPath, walk.livePath, desired, live);
  } else compareAtomicList(desired, live, walk);
}

/** Items are matched by key: order is free and other managers' items are theirs. */
function compareMapList(desired: unknown[], live: unknown[], kind: ListKind, walk: TreeWalk): void {
  const liveKeys = live.map((item) => mapItemKey(kind, item));
  for (let i = 0; i < desired.length; i++) {
    const item = desired[i];
    const key = mapItemKey(kind, item);
    // An item without its key fields cannot be merged by key; the server would reject it, so compare it in place.
    const at = key === undefined ? i : liveKeys.indexOf(key);
    walk.desiredPath.push(i);
    walk.livePath.push(at);
    if (at < 0 || at >= live.length) walk.record(walk.desiredPath, walk.livePath, item, undefined);
    else compareValue(item, live[at], walk);
    walk.desiredPath.pop();
    walk.livePath.pop();
  }
}

/**
 * An atomic list is replaced whole by an apply, so order and length matter.
 * Object items are compared in place, so a changed field of one item is
 * reported at that field; a reordering or a changed scalar (`args`) is
 * reported as the whole list.
 */
function compareAtomicList(desired: unknown[], live: unknown[], walk: TreeWalk): void {
  if (desired.length !== live.length) {
    walk.record(walk.desiredPath, walk.livePath, desired, live);
    return;
  }
  const pending: Array<{ d: PathSegment[]; l: PathSegment[]; desired: unknown; live: unknown }> = [];
  const inner: TreeWalk = { ...walk, record: (d, l, dv, lv) => pending.push({ d: d.slice(), l: l.slice(), desired: dv, live: lv }) };
  let scalarsDiffer = false;
  for (let i = 0; i < desired.length && !scalarsDiffer; i++) {
    const item = desired[i];
    if (item !== null && typeof item === 'object') {
      inner.desiredPath.push(i);
      inner.livePath.push(i);
      compareValue(item, live[i], inner);
      inner.desiredPath.pop();
      inner.livePath.pop();
    } else if (!sameScalar(item, live[i], walk.desiredPath)) {
      scalarsDiffer = true;
    }
  }
  if (scalarsDiffer || (pending.length > 0 && isReordering(desired, live, walk))) walk.record(walk.desiredPath, walk.livePath, desired, live);
  else for (const p of pending) walk.record(p.d, p.l, p.desired, p.live);
}

/** Every desired item has an equal live item, just elsewhere. */
function isReordering(desired: readonly unknown[], live: readonly unknown[], walk: TreeWalk): boolean {
  let differs = false;
  const probe: TreeWalk = { builtin: walk.builtin, desiredPath: [...walk.desiredPath], livePath: [...walk.livePath], record: () => (differs = true) };
  return desired.every((item) =>
    live.some((candidate) => {
      differs = false;
      compareValue(item, candidate, probe);
      return !differs;
    }),
  );
}
