import { isRecord } from '../../fieldPath';

// kyaml's field paths as replacements read them (kyaml/utils SmarterPathSplitter and
// kyaml/yaml PathMatcher): dot-separated, dots inside [...] kept; `[name=value]` picks
// list items by a field, `0` by position, `*` every item; with `create`, missing maps
// and `[name=value]` items are made on the way.

export type PathPart = { readonly field: string } | { readonly match: { readonly key: string; readonly value: string } } | { readonly index: number } | { readonly all: true };

export function splitFieldPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let escaped = false;
  for (const ch of path) {
    // `\.` is a literal dot: `metadata.labels.topology\.kubernetes\.io/zone`.
    if (escaped) {
      current += ch === '.' ? '.' : `\\${ch}`;
      escaped = false;
      continue;
    }
    if (ch === '\\') {
      escaped = true;
      continue;
    }
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === '.' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

export function parsePathPart(part: string): PathPart {
  if (part === '*' || part === '[*]') return { all: true };
  if (/^\d+$/.test(part)) return { index: Number(part) };
  const m = /^\[([^=\]]*)=(.*)\]$/.exec(part);
  if (m) return { match: { key: m[1] ?? '', value: m[2] ?? '' } };
  return { field: part };
}

/** A field found (or made) by a path: the container and the key of the value in it. */
export interface FieldSlot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

export class PathError extends Error {}

/**
 * Every field `path` reaches under `root`. With `create`, the last field is made with
 * `makeLeaf()` (kyaml creates an empty node of the source's kind) and parents as needed.
 */
export function matchPath(root: Record<string, unknown>, path: string, create: (() => unknown) | undefined): FieldSlot[] {
  const parts = splitFieldPath(path).map(parsePathPart);
  let slots: FieldSlot[] = [];
  let nodes: unknown[] = [root];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const next = parts[i + 1];
    const makeChild = (): unknown => (last ? create?.() : next && 'field' in next ? {} : []);
    const found: FieldSlot[] = [];
    for (const node of nodes) {
      if ('field' in part) {
        if (!isRecord(node)) continue;
        if (!(part.field in node) || node[part.field] === null) {
          if (!create) continue;
          node[part.field] = makeChild();
        }
        found.push({ parent: node, key: part.field });
      } else if ('index' in part) {
        if (!Array.isArray(node)) continue;
        if (part.index >= node.length) {
          if (create) throw new PathError(`index ${part.index} specified but only ${node.length} elements found`);
          continue;
        }
        found.push({ parent: node, key: part.index });
      } else if ('all' in part) {
        if (Array.isArray(node)) node.forEach((_, at) => found.push({ parent: node, key: at }));
      } else {
        if (!Array.isArray(node)) continue;
        const { key, value } = part.match;
        const matches = node.flatMap((item, at) => (isRecord(item) && scalarText(item[key]) === value ? [at] : []));
        if (matches.length === 0 && create) {
          node.push({ [key]: value });
          matches.push(node.length - 1);
        }
        for (const at of matches) found.push({ parent: node, key: at });
      }
    }
    slots = found;
    nodes = found.map((s) => (Array.isArray(s.parent) ? s.parent[s.key as number] : s.parent[s.key as string]));
  });
  return slots;
}

export function readSlot(slot: FieldSlot): unknown {
  return Array.isArray(slot.parent) ? slot.parent[slot.key as number] : slot.parent[slot.key as string];
}

export function writeSlot(slot: FieldSlot, value: unknown): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else slot.parent[slot.key as string] = value;
}

/** A scalar as YAML text, how kyaml compares and copies scalar values. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
