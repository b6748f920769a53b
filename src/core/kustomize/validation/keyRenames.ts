import { isRecord } from '../../fieldPath';
import type { KeyRename } from './validateKustomization';

/**
 * Moves keys written in another case (`Resources:`) to the names the engine reads,
 * as Go's case-insensitive decoding does; returns, per map, canonical → written key
 * so locations still point at what the user wrote.
 */
export function applyKeyRenames(data: Record<string, unknown>, renames: readonly KeyRename[]): WeakMap<object, Map<string | number, string>> {
  const aliases = new WeakMap<object, Map<string | number, string>>();
  for (const { path, from, to } of renames) {
    let node: unknown = data;
    for (const step of path) node = Array.isArray(node) ? node[Number(step)] : isRecord(node) ? node[String(step)] : undefined;
    if (!isRecord(node) || !(from in node)) continue;
    node[to] = node[from];
    delete node[from];
    let byKey = aliases.get(node);
    if (!byKey) aliases.set(node, (byKey = new Map()));
    byKey.set(to, from);
  }
  return aliases;
}
