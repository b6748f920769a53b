import { isRecord } from '../../fieldPath';
import type { SourceLocation } from '../../provenance';
import type { PatchDocument } from './patchSource';

// kustomize's PatchTransformer decides what a patch is by trying both parsers: strategic
// merge when every document is an object with kind and metadata.name, JSON 6902 when
// the (first) document is a list of operations or empty.

export interface StrategicPatch {
  readonly value: Record<string, unknown>;
  readonly location: SourceLocation;
}

export type ClassifiedPatch =
  | { readonly kind: 'strategic'; readonly patches: StrategicPatch[] }
  | { readonly kind: 'json6902'; readonly operations: unknown[] };

export function classifyPatch(documents: readonly PatchDocument[]): ClassifiedPatch | undefined {
  const present = documents.filter((d) => d.value !== null);
  const strategic = present.length > 0 && present.every((d) => isStrategic(d.value));
  const first = present[0]?.value;
  if (strategic) return { kind: 'strategic', patches: present.map((d) => ({ value: d.value as Record<string, unknown>, location: d.location })) };
  if (first === undefined) return { kind: 'json6902', operations: [] };
  if (Array.isArray(first) && first.every((op) => isRecord(op) || op === null)) return { kind: 'json6902', operations: first };
  return undefined;
}

/** What kustomize's resource factory accepts as a patch object. */
export function isStrategic(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || typeof value['kind'] !== 'string' || value['kind'] === '') return false;
  const metadata = value['metadata'];
  return isRecord(metadata) && typeof metadata['name'] === 'string' && metadata['name'] !== '';
}
