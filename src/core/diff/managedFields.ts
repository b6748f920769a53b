import { isRecord } from '../fieldPath';
import type { ManagedFieldsEntry } from '../ports';
import type { PathSegment } from '../provenance';
import type { LastWriter } from './types';

// Reads FieldsV1 (`f:<field>`, `k:<key JSON>`, `v:<value>`, `i:<index>`) to tell
// which manager owns a live field.

/**
 * The manager that last wrote the field at `path` of `live`. When nobody owns the
 * field itself (it was removed, or is part of an atomic value) its nearest owned
 * ancestor answers. Among co-owners the most recent write wins.
 */
export function lastWriterOf(live: unknown, entries: readonly ManagedFieldsEntry[] | undefined, path: readonly PathSegment[]): LastWriter | undefined {
  let best: { depth: number; entry: ManagedFieldsEntry } | undefined;
  for (const entry of entries ?? []) {
    if (!isRecord(entry.fieldsV1)) continue;
    const depth = ownedDepth(live, entry.fieldsV1, path);
    if (depth === 0) continue;
    if (!best || depth > best.depth || (depth === best.depth && (entry.time ?? '') > (best.entry.time ?? ''))) best = { depth, entry };
  }
  if (!best) return undefined;
  return { manager: best.entry.manager ?? 'unknown', operation: best.entry.operation ?? 'Update', time: best.entry.time };
}

/** True when the entry's fieldset owns the field at `path` itself (not merely an ancestor). */
export function ownsField(live: unknown, entry: ManagedFieldsEntry, path: readonly PathSegment[]): boolean {
  return isRecord(entry.fieldsV1) && ownedDepth(live, entry.fieldsV1, path) === path.length;
}

/** How many leading segments of `path` the fieldset reaches. */
function ownedDepth(live: unknown, fields: Record<string, unknown>, path: readonly PathSegment[]): number {
  let node: Record<string, unknown> = fields;
  let value: unknown = live;
  let depth = 0;
  for (const segment of path) {
    const key = typeof segment === 'number' ? itemKey(node, value, segment) : `f:${segment}`;
    const next = key === undefined ? undefined : node[key];
    if (!isRecord(next)) break;
    node = next;
    value = Array.isArray(value) || isRecord(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
    depth++;
  }
  return depth;
}

/** The FieldsV1 key of list item `index`: `k:{…}` by its key fields, `v:` for set members, or `i:`. */
function itemKey(node: Record<string, unknown>, list: unknown, index: number): string | undefined {
  const item = Array.isArray(list) ? list[index] : undefined;
  for (const key of Object.keys(node)) {
    if (key.startsWith('k:') && isRecord(item) && keyMatches(key.slice(2), item)) return key;
    if (key.startsWith('v:') && item !== undefined && key === `v:${JSON.stringify(item)}`) return key;
  }
  return `i:${index}`;
}

function keyMatches(json: string, item: Record<string, unknown>): boolean {
  let key: unknown;
  try {
    key = JSON.parse(json);
  } catch {
    return false;
  }
  if (!isRecord(key)) return false;
  // The server fills key defaults (protocol: TCP) even where the object omits them.
  return Object.entries(key).every(([k, v]) => item[k] === v || (item[k] === undefined && k === 'protocol' && v === 'TCP'));
}
