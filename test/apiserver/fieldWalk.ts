// Walks objects with their list/map types to produce field sets: what an applied config
// sets (SMD typed.ToFieldSet) and what a write changed (typed.Compare).
import { FieldSet, fieldElement, keyElement, valueElement, type FieldPath, type PathElement } from './fieldSet';
import { isAtomicMap, listTypeAt, type ListType } from './fieldTypes';
import { deepEqual, isObject, type JsonObject, type JsonValue } from './objects';
import type { ResourceType } from './resourceTable';

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** The path element naming a list item: its key for map lists, its value for sets. */
export function listItemElement(list: ListType, item: JsonValue, index: number): PathElement {
  if (list.type === 'set') return valueElement(item);
  if (list.type === 'map' && isObject(item)) {
    const key: Record<string, JsonValue> = {};
    for (const name of list.keys) {
      const value = item[name] ?? list.keyDefaults?.[name];
      if (value !== undefined) key[name] = value;
    }
    return keyElement(key);
  }
  return `i:${index}`;
}

/** Is this value owned whole (a leaf) rather than field by field? */
function isLeaf(type: ResourceType, value: JsonValue, names: readonly string[]): boolean {
  if (Array.isArray(value)) return listTypeAt(type, names).type === 'atomic';
  if (isObject(value)) return names.length > 0 && isAtomicMap(type, names);
  return true;
}

function descendItems(list: ListType): boolean {
  return list.type === 'map' && list.atomicItems !== true;
}

/** The fields an applied configuration specifies. */
export function toFieldSet(type: ResourceType, object: JsonObject): FieldSet {
  const set = new FieldSet();
  const visit = (value: JsonValue, path: PathElement[], names: string[]): void => {
    if (path.length > 0 && isLeaf(type, value, names)) {
      set.insert(path);
    } else if (Array.isArray(value)) {
      const list = listTypeAt(type, names);
      value.forEach((item, i) => {
        const itemPath = [...path, listItemElement(list, item, i)];
        if (descendItems(list) && isObject(item)) visit(item, itemPath, names);
        set.insert(itemPath);
      });
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined) continue;
        const childPath = [...path, fieldElement(key)];
        visit(child, childPath, [...names, key]);
        if (child === null || (isObject(child) && Object.keys(child).length === 0)) set.insert(childPath);
      }
    }
  };
  visit(object, [], []);
  return set;
}

/** Added/modified/removed paths between two versions of an object. */
export function compareObjects(type: ResourceType, before: JsonObject, after: JsonObject): Comparison {
  const result: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  const markAll = (value: JsonValue, path: PathElement[], names: string[], into: FieldSet): void => {
    if (path.length > 0) into.insert(path);
    if (path.length > 0 && isLeaf(type, value, names)) return;
    if (Array.isArray(value)) {
      const list = listTypeAt(type, names);
      value.forEach((item, i) => {
        const itemPath = [...path, listItemElement(list, item, i)];
        if (descendItems(list) && isObject(item)) markAll(item, itemPath, names, into);
        else into.insert(itemPath);
      });
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (child !== undefined) markAll(child, [...path, fieldElement(key)], [...names, key], into);
      }
    }
  };
  const visit = (lhs: JsonValue | undefined, rhs: JsonValue | undefined, path: PathElement[], names: string[]): void => {
    if (lhs === undefined && rhs === undefined) return;
    // A null list or map (a Go field without omitempty) is present but empty: its items are
    // added or removed one by one, the field itself is neither.
    const emptyLike = (v: JsonValue | undefined): JsonValue | undefined => (Array.isArray(v) ? [] : isObject(v) ? {} : undefined);
    const l = lhs === null && path.length > 0 && rhs != null && !isLeaf(type, rhs, names) ? emptyLike(rhs) : lhs;
    const r = rhs === null && path.length > 0 && lhs != null && !isLeaf(type, lhs, names) ? emptyLike(lhs) : rhs;
    if (l === undefined) return markAll(r as JsonValue, path, names, result.added);
    if (r === undefined) return markAll(l, path, names, result.removed);
    if (isObject(l) && isObject(r) && !(path.length > 0 && isLeaf(type, r, names))) {
      for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
        visit(l[key], r[key], [...path, fieldElement(key)], [...names, key]);
      }
      return;
    }
    if (Array.isArray(l) && Array.isArray(r) && listTypeAt(type, names).type !== 'atomic') {
      const list = listTypeAt(type, names);
      const left = new Map(l.map((item, i) => [listItemElement(list, item, i), item] as const));
      const right = new Map(r.map((item, i) => [listItemElement(list, item, i), item] as const));
      for (const element of new Set([...left.keys(), ...right.keys()])) {
        const itemPath = [...path, element];
        const li = left.get(element);
        const ri = right.get(element);
        const whole = !descendItems(list);
        if (li === undefined || ri === undefined) {
          const [present, into] = li === undefined ? [ri as JsonValue, result.added] : [li, result.removed];
          if (whole || !isObject(present)) into.insert(itemPath);
          else markAll(present, itemPath, names, into);
        } else if (whole) {
          if (!deepEqual(li, ri)) result.modified.insert(itemPath);
        } else {
          visit(li, ri, itemPath, names);
        }
      }
      return;
    }
    if (!deepEqual(l, r)) result.modified.insert(path);
  };
  visit(before, after, [], []);
  return result;
}

/** Removes the value at a field path, if present (SMD RemoveItems for one path). */
export function removePath(type: ResourceType, object: JsonObject, path: FieldPath): void {
  let parent: JsonValue = object;
  const names: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const element = path[i] ?? '';
    const last = i === path.length - 1;
    if (element.startsWith('f:')) {
      if (!isObject(parent)) return;
      const name = element.slice(2);
      if (last) {
        delete parent[name];
        return;
      }
      const next: JsonValue | undefined = parent[name];
      if (next === undefined) return;
      parent = next;
      names.push(name);
    } else {
      if (!Array.isArray(parent)) return;
      const list = listTypeAt(type, names);
      const items: JsonValue[] = parent;
      const index = items.findIndex((item, n) => listItemElement(list, item, n) === element);
      if (index < 0) return;
      if (last) {
        items.splice(index, 1);
        return;
      }
      parent = items[index] as JsonValue;
    }
  }
}
