import { isRecord } from '../../fieldPath';
import type { Provenance } from '../../provenance';
import type { Resource } from '../resource';
import { StrategicMerge } from './mergeWalk';
import { schemaForObject } from './mergeSchema';
import { recordChain } from './listRecords';
import { isQuotedField } from './scalarStyle';
import { markUntagged } from '../scalarTags';

export interface PatchOptions {
  readonly allowNameChange: boolean;
  readonly allowKindChange: boolean;
}

/**
 * Applies a strategic merge patch to `r` in place, as kustomize's Resource.ApplySmPatch:
 * kyaml merge2 with list items prepended, then the name, kind and namespace put back
 * unless the options allow changing them. `patch` is consumed. Returns false when the
 * patch deleted the resource.
 */
export function applyStrategicMerge(provenance: Provenance, r: Resource, patch: Record<string, unknown>, options: PatchOptions): boolean {
  const schema = schemaForObject(r.object) ?? schemaForObject(patch);
  // Fields kustomize restores after merging are dropped up front, so they record no write.
  delete patch['apiVersion'];
  if (!options.allowKindChange) delete patch['kind'];
  const metadata = patch['metadata'];
  if (isRecord(metadata)) {
    delete metadata['namespace'];
    if (!options.allowNameChange) delete metadata['name'];
  }
  const identity = saveIdentity(provenance, r.object);
  const annotations = r.object.metadata['annotations'];
  const merged = new StrategicMerge(provenance, isRecord(annotations) ? annotations : undefined).walk(r.object, patch, schema, []);
  if (!isRecord(merged) || Object.keys(merged).length === 0) return false;
  // kustomize keeps only in-place changes: a top-level `$patch: replace` merges into the
  // patch itself, which is then dropped, so the resource stays as it was (kubectl-verified).
  identity.restore(r.object);
  markRestoredIdentity(provenance, r.object, options);
  return true;
}

/** ApplySmPatch puts kind, name and namespace back through yaml.NewScalarRNode: untagged nodes in the style they had. */
function markRestoredIdentity(provenance: Provenance, object: Resource['object'], options: PatchOptions): void {
  const metadata = object['metadata'];
  const fields: [Record<string, unknown>, string][] = [];
  if (!options.allowKindChange) fields.push([object, 'kind']);
  if (isRecord(metadata)) {
    if (!options.allowNameChange) fields.push([metadata, 'name']);
    fields.push([metadata, 'namespace']);
  }
  for (const [parent, key] of fields) {
    if (typeof parent[key] === 'string' && parent[key] !== '' && !isQuotedField(provenance, parent, key, parent[key])) markUntagged(provenance, parent, key);
  }
}

/** apiVersion, kind, name and namespace with their writes, put back should the patch clear `metadata`. */
function saveIdentity(provenance: Provenance, object: Resource['object']): { restore(into: Record<string, unknown>): void } {
  const top = ['apiVersion', 'kind'].map((key) => ({ key, value: object[key], chain: provenance.of(object, key) }));
  const meta = ['name', 'namespace'].map((key) => ({ key, value: object.metadata[key], chain: provenance.of(object.metadata, key) }));
  return {
    restore(into) {
      const metadata = isRecord(into['metadata']) ? into['metadata'] : (into['metadata'] = {});
      for (const [parent, saved] of [[into, top], [metadata, meta]] as const) {
        for (const { key, value, chain } of saved) {
          if (key in parent || value === undefined) continue;
          parent[key] = value;
          recordChain(provenance, parent, key, chain);
        }
      }
    },
  };
}
