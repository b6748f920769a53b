import { isRecord } from '../../fieldPath';

// kyaml's list primitives on plain data, kept literal because kustomize's element
// order and its quirks (kyaml/yaml/fns.go ElementSetter, ElementMatcher) follow from them.
// Keys compare as YAML scalar text; the key "" means "a list of scalars".

/** A scalar as kyaml compares it; "" for null, maps and lists. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function isEmptyMap(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

/** Each item's values for `keys` ("" where missing), as ElementValuesList. */
export function keyValues(list: readonly unknown[], keys: readonly string[]): string[][] {
  return list.map((item) => keys.map((key) => (isRecord(item) && key in item ? scalarText(item[key]) : '')));
}

/** Drops keys whose value is "" unless all are (validateKeys for a single tuple). */
function presentKeys(keys: readonly string[], values: readonly string[]): [string[], string[]] {
  const at = values.flatMap((v, i) => (v === '' ? [] : [i]));
  if (at.length === 0) return [[...keys], [...values]];
  return [at.map((i) => keys[i] ?? ''), at.map((i) => values[i] ?? '')];
}

/** The first item whose keys equal `values` exactly (ElementList, after dropping empty values). */
export function findElement(list: readonly unknown[] | undefined, keys: readonly string[], values: readonly string[]): unknown {
  if (!list) return undefined;
  const [k, v] = presentKeys(keys, values);
  if (k[0] === '') return list.find((item) => !isRecord(item) && !Array.isArray(item) && item !== null && scalarText(item) === v[0]);
  return list.find((item) => isRecord(item) && k.every((key, i) => key in item && scalarText(item[key]) === v[i]));
}

/** FieldMatcher with a string value: the field must exist; "" accepts any value. */
function fieldMatches(item: Record<string, unknown>, key: string, value: string): boolean {
  return key in item && (value === '' || scalarText(item[key]) === value);
}

function itemMatches(item: unknown, keys: readonly string[], values: readonly string[]): boolean {
  if (keys[0] === '') return !isRecord(item) && !Array.isArray(item) && scalarText(item) === values[0];
  if (!isRecord(item)) return false;
  // Only keys that have a value are checked; with no values nothing matches.
  if (values.length === 0) return false;
  return keys.every((key, j) => j >= values.length || fieldMatches(item, key, values[j] ?? ''));
}

/**
 * ElementSetter: replaces every matching item with `element` (or removes them when it
 * is undefined), appends `element` when nothing matched, and drops null and `{}` items.
 * With no values, non-matching items are dropped too.
 */
export function setElement(list: unknown[], element: unknown, keys: readonly string[], values: readonly string[]): void {
  const out: unknown[] = [];
  let matched = false;
  for (const item of list) {
    if (item === null || item === undefined || isEmptyMap(item)) continue;
    if (!isRecord(item) && keys[0] !== '') {
      out.push(item);
      continue;
    }
    if (!itemMatches(item, keys, values)) {
      if (values.length > 0) out.push(item);
      continue;
    }
    matched = true;
    if (element !== undefined) out.push(element);
  }
  if (!matched && element !== undefined) out.push(element);
  list.splice(0, list.length, ...out);
}
