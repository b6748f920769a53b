import { isRecord } from '../../fieldPath';
import { findElement, keyValues, scalarText, setElement } from './kyamlList';

// kyaml's merge of a list with merge keys (kyaml/yaml/walk/associative_sequence.go, as
// vendored by kustomize v5.7.1), with kustomize's ListPrepend: the patch's items come
// first in patch order, then the remaining target items. Lists keyed by two fields
// (container ports) follow the same code, whose quirks kubectl shows: an item that
// omits `protocol` is matched loosely and may be dropped or moved.

/** Merges one item of each side (either may be missing); undefined when the result is deleted. */
export type ElementMerge = (dest: unknown, origin: unknown) => unknown;

export function mergeAssociativeList(dest: unknown[], origin: unknown[] | undefined, mergeKeys: readonly string[], mergeElement: ElementMerge): unknown[] {
  const keys = mergeKeys.length === 0 ? [''] : mergeKeys;
  const sources = origin ? [origin, dest] : [dest];
  let valuesList = keys[0] === '' ? scalarValues(sources) : tupleValues(sources, keys);
  if (keys.length > 1) valuesList = mergeValues(valuesList);
  const items: unknown[] = [];
  let validKeys: string[] = [...keys];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    const [vk, vv] = validateKeys(valuesList, values, keys);
    validKeys = vk;
    const merged = mergeElement(findElement(dest, vk, vv), findElement(origin, vk, vv));
    if (merged === undefined || merged === null || (isRecord(merged) && Object.keys(merged).length === 0)) {
      setElement(dest, undefined, vk, vv);
      continue;
    }
    if (isRecord(merged)) vk.forEach((key, i) => {
      if (!(key in merged) && vv[i]) merged[key] = vv[i];
    });
    setElement(items, merged, vk, vv);
  }
  return valuesList.length > 0 ? appendItems(items, dest, validKeys) : dest;
}

/** Key tuples of every item, patch first, without repeats (elementValues). */
function tupleValues(sources: readonly unknown[][], keys: readonly string[]): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const list of sources) {
    for (const tuple of keyValues(list, keys)) {
      const id = JSON.stringify(tuple);
      if (tuple.length === 0 || seen.has(id)) continue;
      seen.add(id);
      out.push(tuple);
    }
  }
  return out;
}

function scalarValues(sources: readonly unknown[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const list of sources) {
    for (const item of list) {
      const text = scalarText(item);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push([text]);
    }
  }
  return out;
}

/** Tuples that agree where both have a value are the same item (mergeValues). */
function mergeValues(valuesList: string[][]): string[][] {
  for (let i = 0; i < valuesList.length; i++) {
    const first = valuesList[i] ?? [];
    for (let j = 0; j < valuesList.length; j++) {
      const merged = unify(first, valuesList[j] ?? []);
      if (merged) {
        valuesList[i] = merged;
        valuesList[j] = merged;
      }
    }
  }
  return valuesList;
}

function unify(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) {
      common = true;
      out.push(x);
    } else if (x !== '' && y !== '') {
      return undefined;
    } else {
      out.push(x !== '' ? x : y);
    }
  }
  return common ? out : undefined;
}

/** The keys that have a value in any tuple of the list, and this tuple's values for them. */
function validateKeys(valuesList: readonly string[][], values: readonly string[], keys: readonly string[]): [string[], string[]] {
  const present = new Set<string>();
  for (const tuple of valuesList) tuple.forEach((v, i) => v !== '' && present.add(keys[i] ?? ''));
  if (present.size === 0) return [[...keys], [...values]];
  return [keys.filter((k) => present.has(k)), values.filter((v, i) => v !== '' || present.has(keys[i] ?? ''))];
}

/** appendListNode with the target as source: puts each target item in its place, or last. */
function appendItems(items: unknown[], dest: readonly unknown[], keys: readonly string[]): unknown[] {
  for (const item of [...dest]) {
    if (keys[0] === '') {
      setElement(items, item, [''], [scalarText(item)]);
      continue;
    }
    const values: string[] = [];
    for (const key of keys) {
      if (isRecord(item) && key in item) values.push(scalarText(item[key]));
      else items.push(item);
    }
    // With several keys kyaml removes the item first, so it moves to the end.
    if (keys.length > 1) setElement(items, undefined, keys, values);
    setElement(items, item, keys, values);
  }
  return items;
}
