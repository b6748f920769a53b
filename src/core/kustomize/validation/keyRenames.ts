import { isRecord } from '../../fieldPath';
import type { KeyRename } from './validateKustomization';

/** Two spellings of one field in a mapping: kubectl reads one of them and ignores the other. */
export interface ShadowedSpelling {
  readonly node: object;
  readonly ignored: string;
  readonly kept: string;
}

/**
 * Moves keys written in another case (`Resources:`) to the names the engine reads, as Go's
 * case-insensitive decoding does; returns, per map, canonical → written key so locations
 * still point at what the user wrote. Where one field is spelled several ways, kubectl's
 * YAML-to-JSON step sorts the keys and the decoder keeps the last: the greatest spelling
 * byte-wise (`namespace` over `Namespace`), whatever the order in the file (kubectl-verified).
 */
export function applyKeyRenames(data: Record<string, unknown>, renames: readonly KeyRename[], shadowed: ShadowedSpelling[] = []): WeakMap<object, Map<string | number, string>> {
  const aliases = new WeakMap<object, Map<string | number, string>>();
  for (const { path, from, to } of renames) {
    let node: unknown = data;
    for (const step of path) node = Array.isArray(node) ? node[Number(step)] : isRecord(node) ? node[String(step)] : undefined;
    if (!isRecord(node) || !(from in node)) continue;
    let byKey = aliases.get(node);
    if (!byKey) aliases.set(node, (byKey = new Map()));
    const holder = Object.hasOwn(node, to) ? (byKey.get(to) ?? to) : undefined;
    if (holder === undefined || from > holder) {
      if (holder !== undefined) shadowed.push({ node, ignored: holder, kept: from });
      node[to] = node[from];
      byKey.set(to, from);
    } else {
      shadowed.push({ node, ignored: from, kept: holder });
    }
    delete node[from];
  }
  return aliases;
}
