import { isRecord } from '../fieldPath';
import { encodeBase64 } from '../crypto/base64';
import { utf8Bytes } from '../crypto/utf8';
import type { TreeWalk } from './compareTree';

// Secret `data` / `stringData` and ConfigMap `binaryData`, compared the way the
// API server stores them. Values are masked later, when changes are built.

/**
 * The server folds a Secret's write-only `stringData` into base64 `data`
 * (stringData winning over data for the same key): compare each key there.
 */
export function compareStringData(stringData: unknown, liveData: unknown, walk: TreeWalk): void {
  if (!isRecord(stringData)) return;
  const data = isRecord(liveData) ? liveData : {};
  for (const key in stringData) {
    const value = stringData[key];
    if (typeof value !== 'string') continue;
    const encoded = encodeBase64(utf8Bytes(value));
    if (data[key] === encoded) continue;
    walk.desiredPath.push('stringData', key);
    walk.livePath.push('data', key);
    walk.record(walk.desiredPath, walk.livePath, encoded, data[key]);
    walk.desiredPath.length -= 2;
    walk.livePath.length -= 2;
  }
}

/** base64 maps: the server decodes and re-encodes, so line breaks in a manifest's value are not drift. */
export function compareBase64Map(root: 'data' | 'binaryData', desired: unknown, live: unknown, overridden: unknown, walk: TreeWalk): void {
  walk.desiredPath.push(root);
  walk.livePath.push(root);
  if (!isRecord(desired)) {
    if (desired !== undefined && desired !== null && !isRecord(live)) walk.record(walk.desiredPath, walk.livePath, desired, live);
  } else {
    const liveMap = isRecord(live) ? live : {};
    const skip = isRecord(overridden) ? overridden : {};
    for (const key in desired) {
      const value = desired[key];
      if (key in skip || value === null || value === undefined) continue;
      const liveValue = liveMap[key];
      if (typeof value === 'string' && typeof liveValue === 'string' && canonical(value) === canonical(liveValue)) continue;
      if (value === '' && liveValue === undefined) continue;
      walk.desiredPath.push(key);
      walk.livePath.push(key);
      walk.record(walk.desiredPath, walk.livePath, value, liveValue);
      walk.desiredPath.pop();
      walk.livePath.pop();
    }
  }
  walk.desiredPath.pop();
  walk.livePath.pop();
}

function canonical(base64: string): string {
  return base64.includes('\n') || base64.includes('\r') || base64.includes(' ') ? base64.replace(/\s+/g, '') : base64;
}
