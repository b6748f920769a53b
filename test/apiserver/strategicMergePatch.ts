// Strategic merge patch as the server applies it (apimachinery strategicpatch with
// MergeParallelList and IgnoreUnmatchedNulls): maps merge, lists with a patchMergeKey merge
// item by item, other lists are replaced, and `$`-directives steer the details.
import { listTypeAt } from './fieldTypes';
import { clone, deepEqual, isObject, type JsonObject, type JsonValue } from './objects';
import type { ResourceType } from './resourceTable';

const setElementOrderPrefix = '$setElementOrder/';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

export function strategicMergePatch(type: ResourceType, original: JsonObject, patch: JsonObject): JsonObject {
  return mergeMap(type, clone(original), patch, []);
}

function mergeMap(type: ResourceType, original: JsonObject, patch: JsonObject, names: string[]): JsonObject {
  const directive = patch['$patch'];
  if (directive === 'replace') return withoutDirectives(type, patch, names) as JsonObject;
  if (directive === 'delete') return {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === '$patch' || key === '$retainKeys') continue;
    if (key.startsWith(deleteFromPrimitiveListPrefix)) {
      const field = key.slice(deleteFromPrimitiveListPrefix.length);
      const current = original[field];
      if (Array.isArray(current) && Array.isArray(value)) {
        original[field] = current.filter((item) => !value.some((v) => deepEqual(v, item)));
      }
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete original[key];
      continue;
    }
    original[key] = mergeValue(type, original[key], value, [...names, key]);
  }
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith(setElementOrderPrefix) || !Array.isArray(order)) continue;
    const field = key.slice(setElementOrderPrefix.length);
    const current = original[field];
    if (Array.isArray(current)) original[field] = applyElementOrder(type, current, order, [...names, field]);
  }
  const retainKeys = patch['$retainKeys'];
  if (Array.isArray(retainKeys)) {
    for (const key of Object.keys(original)) if (!retainKeys.includes(key)) delete original[key];
  }
  return original;
}

function mergeValue(type: ResourceType, original: JsonValue | undefined, patch: JsonValue, names: string[]): JsonValue {
  if (isObject(patch)) {
    return mergeMap(type, isObject(original) ? original : {}, patch, names);
  }
  if (Array.isArray(patch)) {
    const list = listTypeAt(type, names);
    const current = Array.isArray(original) ? original : [];
    if (list.type === 'map') return mergeKeyedList(type, current, patch, list.mergeKey, names);
    if (list.type === 'set') {
      const out = [...current];
      for (const item of patch) if (!out.some((o) => deepEqual(o, item))) out.push(clone(item));
      return out;
    }
    return withoutDirectives(type, patch, names) as JsonValue[];
  }
  return patch;
}

function mergeKeyedList(type: ResourceType, original: JsonValue[], patch: JsonValue[], mergeKey: string, names: string[]): JsonValue[] {
  if (patch.some((item) => isObject(item) && item['$patch'] === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item['$patch'] === 'replace')).map((item) => withoutDirectives(type, item, names));
  }
  const out = [...original];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex((o) => isObject(o) && deepEqual(o[mergeKey], item[mergeKey]));
    if (item['$patch'] === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = mergeMap(type, out[index] as JsonObject, item, names);
    else out.push(withoutDirectives(type, item, names));
  }
  return out;
}

/** `$setElementOrder`: listed items first in the given order, then the server-only ones. */
function applyElementOrder(type: ResourceType, items: JsonValue[], order: JsonValue[], names: string[]): JsonValue[] {
  const list = listTypeAt(type, names);
  const rank = (item: JsonValue): number => order.findIndex((o) => {
    if (list.type === 'map' && isObject(o) && isObject(item)) return deepEqual(o[list.mergeKey], item[list.mergeKey]);
    return deepEqual(o, item);
  });
  const ranked = items.map((item, i) => ({ item, i, r: rank(item) }));
  return ranked
    .sort((a, b) => (a.r < 0 ? Infinity : a.r) - (b.r < 0 ? Infinity : b.r) || a.i - b.i)
    .map((x) => x.item);
}

/** A patch value that lands where nothing was: merge it into emptiness to drop directives. */
function withoutDirectives(type: ResourceType, value: JsonValue, names: string[]): JsonValue {
  if (isObject(value)) {
    const rest: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (k !== '$patch') rest[k] = v;
    return mergeMap(type, {}, rest, names);
  }
  if (Array.isArray(value)) {
    return value.filter((item) => !(isObject(item) && item['$patch'] === 'delete')).map((item) => withoutDirectives(type, item, names));
  }
  return value;
}
