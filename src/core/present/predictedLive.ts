import { isRecord } from '../fieldPath';
import { splitApiVersion } from '../kustomize/resource';
import { isBuiltinGroup } from '../diff/builtinGroups';
import { listKindOf, mapItemKey } from '../diff/listKeys';

/**
 * What the live object would look like once Git's fields are applied: live, with every
 * field the desired object sets replaced (keyed lists merged item by item, as server-side
 * apply merges them). Shown against live, the server's defaults sit on both sides and only
 * real differences stand out — the way Argo CD's diff reads.
 */
export function predictedLive(desired: Record<string, unknown>, live: Record<string, unknown>): Record<string, unknown> {
  const builtin = isBuiltinGroup(splitApiVersion(String(desired['apiVersion'] ?? '')).group);
  return merge(structuredClone(live), desired, undefined, builtin) as Record<string, unknown>;
}

function merge(target: unknown, patch: unknown, field: string | undefined, builtin: boolean): unknown {
  if (patch === null || patch === undefined) return target;
  if (isRecord(patch)) {
    const into = isRecord(target) ? target : {};
    for (const [key, value] of Object.entries(patch)) into[key] = merge(into[key], value, key, builtin);
    return into;
  }
  if (Array.isArray(patch)) {
    const kind = listKindOf(field, builtin);
    if (kind?.type !== 'map' || !Array.isArray(target)) return structuredClone(patch);
    const merged = [...target];
    for (const item of patch) {
      const key = mapItemKey(kind, item);
      const at = key === undefined ? -1 : merged.findIndex((candidate) => mapItemKey(kind, candidate) === key);
      if (at < 0) merged.push(structuredClone(item));
      else merged[at] = merge(merged[at], item, undefined, builtin);
    }
    return merged;
  }
  return patch;
}
