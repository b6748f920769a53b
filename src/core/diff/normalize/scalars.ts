import type { PathSegment } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { isQuantityPath, sameQuantity } from './quantity';

// When a desired scalar and its live counterpart are the same value though not
// the same JavaScript value: the server canonicalises quantities, omits empty
// values, and int-or-string fields accept `8080` and "8080" alike.

// IntOrString fields of built-in kinds: Service targetPort, probe ports, rollout and disruption budgets.
const intOrStringFields: ReadonlySet<string> = new Set(['targetPort', 'port', 'maxSurge', 'maxUnavailable', 'minAvailable']);

/** `false`, `0`, `""`, `{}`, `[]`, null, and maps of only those: what `omitempty` drops. */
export function isZeroValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (!isRecord(v)) return false;
  for (const key in v) if (!isZeroValue(v[key])) return false;
  return true;
}

export function sameScalar(desired: unknown, live: unknown, path: readonly PathSegment[]): boolean {
  if (desired === live) return true;
  if (live === undefined || live === null) return isZeroValue(desired);
  const key = path[path.length - 1];
  if (typeof desired === 'number' && typeof live === 'string') return intOrString(key, desired, live) || (isQuantityPath(path) && sameQuantity(desired, live));
  if (typeof desired === 'string' && typeof live === 'number') return intOrString(key, live, desired) || (isQuantityPath(path) && sameQuantity(desired, live));
  return typeof desired === 'string' && typeof live === 'string' && isQuantityPath(path) && sameQuantity(desired, live);
}

function intOrString(key: PathSegment | undefined, n: number, s: string): boolean {
  return typeof key === 'string' && intOrStringFields.has(key) && String(n) === s;
}
