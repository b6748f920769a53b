import { sha256Hex } from '../../crypto/sha256';
import { utf8Bytes } from '../../crypto/utf8';
import { isRecord } from '../../fieldPath';
import { goJson } from './goJson';

// kustomize's name-suffix hash (api/hasher/hasher.go). The `name` member is always ""
// because kustomize looks up "metadata/name" as one path segment, which never matches;
// so prefixes, suffixes and the generator's name never change the hash.

/** `hex(sha256(s))[:10]` with 0→g 1→h 3→k a→m e→t, so the suffix never looks like a number. */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return Array.from(hex.slice(0, 10), (c) => swap[c] ?? c).join('');
}

/** A field as kustomize's getNodeValues sees it: maps as maps, a missing field as "". */
function fieldValue(object: Record<string, unknown>, key: string): unknown {
  const v = object[key];
  if (v === undefined || v === null) return '';
  return v;
}

/** The JSON kustomize hashes for a ConfigMap or Secret. */
export function hashInput(object: Record<string, unknown>): string {
  const kind = object['kind'];
  if (kind === 'Secret') {
    const m: Record<string, unknown> = { kind: 'Secret', type: fieldValue(object, 'type'), name: '', data: fieldValue(object, 'data') };
    if (isRecord(object['stringData'])) m['stringData'] = object['stringData'];
    return goJson(m);
  }
  const m: Record<string, unknown> = { kind: 'ConfigMap', name: '', data: fieldValue(object, 'data') };
  if (isRecord(object['binaryData'])) m['binaryData'] = object['binaryData'];
  return goJson(m);
}

export function contentHash(object: Record<string, unknown>): string {
  return encodeHash(sha256Hex(utf8Bytes(hashInput(object))));
}
