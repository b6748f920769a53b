import type { Provenance } from '../../provenance';
import type { Resource } from '../resource';
import type { GeneratorEntry } from './generatorEntry';
import type { KvPair } from './kvPairs';
import type { LocatedValue } from './generatorOptions';
import { wrappedBase64 } from './wrappedBase64';

// Builds the ConfigMap or Secret of one generator entry (api/internal/generators/
// configmap.go, secret.go): a ConfigMap keeps UTF-8 values in `data` and base64s the
// rest into `binaryData`; a Secret base64s everything into `data` (present even when
// empty) and has a `type`, Opaque by default. Each written field records provenance.

export function makeGenerated(entry: GeneratorEntry, pairs: readonly KvPair[], provenance: Provenance): Resource {
  const write = (at: { file: string; line: number; column: number }) => ({ ...at, operation: 'generator' });
  const metadata: Record<string, unknown> = { name: entry.name };
  provenance.record(metadata, 'name', write(entry.locate('name')));
  if (entry.namespace !== undefined) {
    metadata['namespace'] = entry.namespace;
    provenance.record(metadata, 'namespace', write(entry.locate('namespace')));
  }
  setStringMap(metadata, 'labels', entry.options.labels, provenance);
  setStringMap(metadata, 'annotations', entry.options.annotations, provenance);
  const object: Resource['object'] = { apiVersion: 'v1', kind: entry.kind, metadata };
  provenance.record(object, 'apiVersion', write(entry.at));
  provenance.record(object, 'kind', write(entry.at));
  provenance.record(object, 'metadata', write(entry.at));
  if (entry.kind === 'Secret') {
    object['type'] = entry.type ?? 'Opaque';
    provenance.record(object, 'type', write(entry.locate('type')));
    const data: Record<string, string> = {};
    for (const p of pairs) setValue(data, p, wrappedBase64(p.bytes), provenance);
    object['data'] = data;
    provenance.record(object, 'data', write(entry.at));
  } else {
    const data: Record<string, string> = {};
    const binaryData: Record<string, string> = {};
    for (const p of pairs) {
      if (p.text !== undefined) setValue(data, p, p.text, provenance);
      else setValue(binaryData, p, wrappedBase64(p.bytes), provenance);
    }
    if (Object.keys(data).length > 0) object['data'] = data;
    if (Object.keys(binaryData).length > 0) object['binaryData'] = binaryData;
  }
  if (entry.options.immutable) {
    object['immutable'] = true;
    provenance.record(object, 'immutable', write(entry.options.immutable));
  }
  return {
    object,
    origin: entry.at,
    originalName: entry.name,
    originalNamespace: entry.namespace,
    hashSuffix: !entry.options.disableNameSuffixHash,
  };
}

function setValue(into: Record<string, string>, pair: KvPair, value: string, provenance: Provenance): void {
  into[pair.key] = value;
  provenance.record(into, pair.key, pair.write);
}

function setStringMap(metadata: Record<string, unknown>, field: string, values: ReadonlyMap<string, LocatedValue>, provenance: Provenance): void {
  if (values.size === 0) return;
  const map: Record<string, string> = {};
  for (const [key, { value, at }] of values) {
    map[key] = value;
    provenance.record(map, key, { ...at, operation: 'generator' });
  }
  metadata[field] = map;
}
