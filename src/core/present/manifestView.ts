import { isRecord } from '../fieldPath';
import { emitDocument } from '../yaml/emit';
import { encodeBase64 } from '../crypto/base64';
import { utf8Bytes } from '../crypto/utf8';
import { predictedLive } from './predictedLive';

// How an object is shown to a person (diff editors, rendered-manifest documents):
// without server bookkeeping, and never with a Secret's values.

const serverMetadata = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** A copy of `object` fit for display: server-managed metadata and status dropped, Secret values masked. */
export function forDisplay(object: Record<string, unknown>, other?: Record<string, unknown>, side: 'desired' | 'live' = 'desired'): Record<string, unknown> {
  const copy = structuredClone(object);
  delete copy['status'];
  const metadata = copy['metadata'];
  if (isRecord(metadata)) {
    for (const field of serverMetadata) delete metadata[field];
    const annotations = metadata['annotations'];
    if (isRecord(annotations)) {
      delete annotations[lastApplied];
      if (Object.keys(annotations).length === 0) delete metadata['annotations'];
    }
  }
  if (copy['kind'] === 'Secret' && (copy['apiVersion'] === 'v1' || copy['apiVersion'] === undefined)) maskSecret(copy, other, side);
  return copy;
}

const sameMask = '++++++++';
const otherMask = '+++++++++';

/** Secret values become masks; a value that differs from `other`'s gets a longer mask, as in Argo CD. */
function maskSecret(secret: Record<string, unknown>, other: Record<string, unknown> | undefined, side: 'desired' | 'live'): void {
  const otherValues = other ? secretValues(other) : undefined;
  for (const field of ['data', 'stringData']) {
    const values = secret[field];
    if (!isRecord(values)) continue;
    for (const [key, value] of Object.entries(values)) {
      const mine = field === 'stringData' && typeof value === 'string' ? encodeBase64(utf8Bytes(value)) : value;
      const differs = side === 'live' && otherValues !== undefined && otherValues.get(key) !== mine;
      values[key] = differs ? otherMask : sameMask;
    }
  }
}

/** A Secret's values as the API server stores them: base64 `data`, with `stringData` folded in. */
function secretValues(secret: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const data = secret['data'];
  if (isRecord(data)) for (const [k, v] of Object.entries(data)) out.set(k, v);
  const stringData = secret['stringData'];
  if (isRecord(stringData)) for (const [k, v] of Object.entries(stringData)) out.set(k, typeof v === 'string' ? encodeBase64(utf8Bytes(v)) : v);
  return out;
}

/** Desired and live side by side for a diff editor, with Secret masks that still show which keys differ. */
export function displayPair(desired: Record<string, unknown> | undefined, live: Record<string, unknown> | undefined): { desired: string; live: string } {
  // Against a live object, Git's side is live with Git's fields applied, so server defaults
  // do not show as differences; without one, it is the rendered object itself.
  const gitSide = desired && live ? predictedLive(desired, live) : desired;
  return {
    desired: gitSide ? emitDocument(forDisplay(gitSide, undefined, 'desired')) : '',
    live: live ? emitDocument(forDisplay(live, gitSide, 'live')) : '',
  };
}

/** YAML documents for display, in kustomize's formatting. */
export function displayYaml(objects: readonly Record<string, unknown>[]): string {
  return objects.map((o) => emitDocument(forDisplay(o))).join('---\n');
}
