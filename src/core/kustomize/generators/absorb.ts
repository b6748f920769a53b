import type { Provenance } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { kindOf, nameOf, namespaceOf, type Resource } from '../resource';
import type { Kustomization } from '../kustomization';
import type { GeneratorEntry } from './generatorEntry';

// Adds a generated resource to the accumulated ones, honouring `behavior`
// (api/resmap/reswrangler.go appendReplaceOrMerge). The generated id is matched against
// every id an existing resource has had, so an overlay may name a base's ConfigMap by its
// original name after prefixes and namespaces changed it. Verified against kubectl v1.35.2:
// - merge: data and binaryData merged (new wins), labels/annotations merged (new wins);
//   everything else (a Secret's type, immutable) comes from the new generator alone.
// - replace: new data; labels/annotations merged.
// - both keep the old name and namespace, and hash the name only when the old resource
//   and the new generator both want a hash (a plain resource never gets one).

export function absorbGenerated(k: Kustomization, resources: Resource[], entry: GeneratorEntry, generated: Resource, provenance: Provenance): void {
  const matches = resources.filter((r) => couldBe(r, entry));
  const what = `${entry.kind} '${entry.name}'`;
  if (matches.length > 1) throw new RenderError(diagnostic(k.file, `found multiple objects that could accept the ${entry.field} ${what}`, entry.locate('name')));
  const [old] = matches;
  if (!old) {
    if (entry.behavior === 'merge' || entry.behavior === 'replace') {
      throw new RenderError(diagnostic(k.file, `${what} does not exist; cannot ${entry.behavior} (behavior needs a ${entry.kind} from resources or an earlier generator)`, entry.locate('behavior')));
    }
    resources.push(generated);
    return;
  }
  if (entry.behavior !== 'merge' && entry.behavior !== 'replace') {
    const written = entry.behaviorText === '' ? '' : ` (not '${entry.behaviorText}')`;
    throw new RenderError(diagnostic(k.file, `${what} already exists; behavior must be merge or replace${written}`, entry.locate(entry.raw['behavior'] === undefined ? 'name' : 'behavior')));
  }
  const merged = combine(old, generated, entry.behavior, provenance);
  resources.splice(resources.indexOf(old), 1, merged);
}

/** GetMatchingResourcesByAnyId: the original id, every id recorded by renames, and the current id. */
function couldBe(r: Resource, entry: GeneratorEntry): boolean {
  if (r.object['apiVersion'] !== 'v1' || kindOf(r) !== entry.kind) return false;
  const ids = [{ name: r.originalName, namespace: r.originalNamespace }, ...(r.naming?.previousIds ?? []), { name: nameOf(r), namespace: namespaceOf(r) }];
  return ids.some((id) => id.name === entry.name && sameNamespace(id.namespace, entry.namespace));
}

/** kustomize's IsNsEquals: no namespace and `default` are the same. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  const norm = (ns: string | undefined): string => (ns === undefined || ns === '' ? 'default' : ns);
  return norm(a) === norm(b);
}

function combine(old: Resource, generated: Resource, behavior: 'merge' | 'replace', provenance: Provenance): Resource {
  const object = generated.object;
  const metadata = object.metadata;
  const oldMetadata = old.object.metadata;
  for (const field of ['labels', 'annotations']) mergeMap(metadata, oldMetadata, field, provenance);
  for (const field of ['name', 'namespace']) {
    const value = oldMetadata[field];
    if (value === undefined || value === '') delete metadata[field];
    else metadata[field] = value;
    copyWrites(provenance, oldMetadata, field, metadata, field);
  }
  if (behavior === 'merge') {
    for (const field of ['data', 'binaryData']) mergeMap(object, old.object, field, provenance);
  }
  return {
    ...old,
    object,
    origin: behavior === 'merge' ? old.origin : generated.origin,
    hashSuffix: old.hashSuffix === true && generated.hashSuffix === true,
  };
}

/** `into[field]` = old's map overlaid with the new one; an empty result removes the field, as kyaml does. */
function mergeMap(into: Record<string, unknown>, from: Record<string, unknown>, field: string, provenance: Provenance): void {
  const current = isRecord(into[field]) ? into[field] : {};
  const previous = isRecord(from[field]) ? from[field] : {};
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(previous)) {
    merged[key] = asString(value);
    copyWrites(provenance, previous, key, merged, key);
  }
  for (const [key, value] of Object.entries(current)) {
    merged[key] = value;
    copyWrites(provenance, current, key, merged, key);
  }
  if (Object.keys(merged).length === 0) delete into[field];
  else into[field] = merged;
}

/** kyaml reads string maps from scalar text, so a number written in a base becomes a string. */
function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Re-records `from[fromKey]`'s writes (oldest first) as writes of `to[toKey]`. */
function copyWrites(provenance: Provenance, from: object, fromKey: string, to: object, toKey: string): void {
  for (const w of [...provenance.of(from, fromKey)].reverse()) provenance.record(to, toKey, w);
}
