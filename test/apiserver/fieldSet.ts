// A set of field paths, as structured-merge-diff's fieldpath.Set, and its FieldsV1 form.
// Path elements are kept in their serialized spelling: `f:name`, `k:{"name":"x"}`, `v:"x"`, `i:0`.
import { isObject, type JsonObject, type JsonValue } from './objects';

export type PathElement = string;
export type FieldPath = readonly PathElement[];

export class FieldSet {
  member = false;
  readonly children = new Map<PathElement, FieldSet>();

  static of(paths: Iterable<FieldPath>): FieldSet {
    const set = new FieldSet();
    for (const path of paths) set.insert(path);
    return set;
  }

  insert(path: FieldPath): void {
    const [head, ...rest] = path;
    if (head === undefined) {
      this.member = true;
      return;
    }
    let child = this.children.get(head);
    if (!child) {
      child = new FieldSet();
      this.children.set(head, child);
    }
    child.insert(rest);
  }

  isEmpty(): boolean {
    return !this.member && [...this.children.values()].every((c) => c.isEmpty());
  }

  has(path: FieldPath): boolean {
    const node = this.nodeAt(path);
    return node !== undefined && node.member;
  }

  /** True when the path itself or anything below it is in the set. */
  hasAtOrBelow(path: FieldPath): boolean {
    const node = this.nodeAt(path);
    return node !== undefined && !node.isEmpty();
  }

  private nodeAt(path: FieldPath): FieldSet | undefined {
    const [head, ...rest] = path;
    if (head === undefined) return this;
    return this.children.get(head)?.nodeAt(rest);
  }

  /** Every member path, parents before children. */
  paths(prefix: PathElement[] = []): PathElement[][] {
    const out: PathElement[][] = this.member && prefix.length > 0 ? [prefix] : [];
    for (const [element, child] of sortedChildren(this)) out.push(...child.paths([...prefix, element]));
    return out;
  }

  union(other: FieldSet): FieldSet {
    return FieldSet.of([...this.paths(), ...other.paths()]);
  }

  difference(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !other.has(p)));
  }

  intersection(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => other.has(p)));
  }

  /** Drops the paths at or below any of the given prefixes (fieldpath.Set.RecursiveDifference). */
  withoutPrefixes(prefixes: readonly FieldPath[]): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !prefixes.some((prefix) => prefix.every((e, i) => p[i] === e))));
  }
}

const elementOrder = { f: 0, k: 1, v: 2, i: 3 } as Record<string, number>;

function sortedChildren(set: FieldSet): [PathElement, FieldSet][] {
  return [...set.children.entries()].sort(([a], [b]) => {
    const kindDiff = (elementOrder[a[0] ?? ''] ?? 9) - (elementOrder[b[0] ?? ''] ?? 9);
    if (kindDiff !== 0) return kindDiff;
    if (a.startsWith('i:') && b.startsWith('i:')) return Number(a.slice(2)) - Number(b.slice(2));
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** FieldsV1 JSON: children by element, `".": {}` where a node with children is itself a member. */
export function toFieldsV1(set: FieldSet): JsonObject {
  const out: JsonObject = {};
  for (const [element, child] of sortedChildren(set)) {
    if (child.isEmpty()) continue;
    out[element] = nodeToJson(child);
  }
  return out;
}

function nodeToJson(node: FieldSet): JsonObject {
  const children = toFieldsV1(node);
  if (Object.keys(children).length === 0) return {};
  return node.member ? { '.': {}, ...children } : children;
}

export function fromFieldsV1(json: JsonValue | undefined): FieldSet {
  const set = new FieldSet();
  const visit = (value: JsonValue | undefined, prefix: PathElement[]): void => {
    if (!isObject(value)) return;
    const keys = Object.keys(value);
    if (keys.length === 0 || keys.includes('.')) {
      if (prefix.length > 0) set.insert(prefix);
    }
    for (const key of keys) if (key !== '.') visit(value[key], [...prefix, key]);
  };
  visit(json, []);
  return set;
}

export function fieldElement(name: string): PathElement {
  return `f:${name}`;
}

/** `k:{...}` with the key fields sorted by name, as SMD's KeyByFields. */
export function keyElement(key: Record<string, JsonValue>): PathElement {
  const sorted: Record<string, JsonValue> = {};
  for (const name of Object.keys(key).sort()) sorted[name] = key[name] as JsonValue;
  return `k:${JSON.stringify(sorted)}`;
}

export function valueElement(value: JsonValue): PathElement {
  return `v:${JSON.stringify(value)}`;
}

/** The conflict-message spelling: `.spec.containers[name="x"].image`, `[=v]`, `[0]`. */
export function pathToString(path: FieldPath): string {
  return path.map((element) => {
    const body = element.slice(2);
    switch (element[0]) {
      case 'f': return `.${body}`;
      case 'k': {
        const key = JSON.parse(body) as Record<string, JsonValue>;
        return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
      }
      case 'v': return `[=${body}]`;
      default: return `[${body}]`;
    }
  }).join('');
}
