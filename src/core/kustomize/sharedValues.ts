import type { FieldWrite } from '../provenance';

export type RecordWrite = (parent: object, key: string, write: FieldWrite) => void;

// kustomize's labels and annotations filters make one value node per key and resource
// (filtersutil.SetEntry) and append that very node to every field they create, say
// metadata.labels.app and spec.selector.app. A later in-place write to one of them (a
// label set again by an upper layer's `labels`, a strategic merge patch, a replacement)
// copies into the shared node, so every field holding it changes (kubectl-verified: an
// overlay patching template labels also moves the selector a base's commonLabels made).
// A JSON 6902 patch rebuilds the object from JSON and ends the sharing.

type Slot = readonly [parent: Record<string, unknown>, key: string];

/** One value node: the fields that hold it. */
export type SharedGroup = Slot[];

const groups = new WeakMap<object, Map<string, SharedGroup>>();

/** Records that `parent[key]` was just created holding the node of `group`. */
export function shareValue(group: SharedGroup, parent: Record<string, unknown>, key: string): void {
  group.push([parent, key]);
  let byKey = groups.get(parent);
  if (!byKey) groups.set(parent, (byKey = new Map()));
  byKey.set(key, group);
}

/**
 * `parent[key]` held `before` and was overwritten in place: write the new value to every
 * field still holding the same node, with the same write in provenance.
 */
export function propagateWrite(record: RecordWrite, parent: Record<string, unknown>, key: string, before: unknown, write: FieldWrite | undefined): void {
  const group = groups.get(parent)?.get(key);
  if (!group) return;
  const value = parent[key];
  for (const [other, otherKey] of group) {
    // A field deleted or re-created since no longer holds the node.
    if ((other === parent && otherKey === key) || other[otherKey] !== before || groups.get(other)?.get(otherKey) !== group) continue;
    other[otherKey] = value;
    if (write) record(other, otherKey, write);
  }
}

/** The other fields still holding the node of `parent[key]`. */
export function sharingFields(parent: Record<string, unknown>, key: string): Slot[] {
  const group = groups.get(parent)?.get(key);
  if (!group) return [];
  return group.filter(([other, otherKey]) => !(other === parent && otherKey === key) && other[otherKey] === parent[key] && groups.get(other)?.get(otherKey) === group);
}

/** A field written anew (a new node): it leaves its group. */
export function unshare(parent: Record<string, unknown>, key: string): void {
  groups.get(parent)?.delete(key);
}

/** After a JSON patch: nothing under `root` shares nodes any more. */
export function forgetShared(root: unknown): void {
  if (Array.isArray(root)) {
    for (const item of root) forgetShared(item);
  } else if (root !== null && typeof root === 'object') {
    groups.delete(root);
    for (const value of Object.values(root)) forgetShared(value);
  }
}
