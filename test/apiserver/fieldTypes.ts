// The schema facts both merge algorithms need, taken from the k8s.io/api struct tags:
// SMP's patchMergeKey/patchStrategy and SSA's x-kubernetes-list-type/-map-keys/-map-type.
// A path is the field names from the object root, list items left out.
import { schemaAtomicMap, schemaListType } from './crdSchema';
import type { JsonValue } from './objects';
import type { ResourceType } from './resourceTable';

export type ListType =
  | { type: 'atomic' }
  | { type: 'set' }
  | {
    type: 'map';
    /** SSA identity of an item, e.g. [containerPort, protocol]. */
    keys: string[];
    /** SMP identity: a single patchMergeKey, e.g. containerPort. */
    mergeKey: string;
    /** Schema defaults that complete a key the client left out (protocol: TCP). */
    keyDefaults?: Record<string, JsonValue>;
    /** Items are atomic structs (+structType=atomic), owned whole. */
    atomicItems?: boolean;
  };

interface ListRule {
  /** Trailing field names the path must end with. */
  suffix: string[];
  /** Whole-path match for a specific kind, when the suffix alone would be ambiguous. */
  kind?: string;
  list: ListType;
}

const byName = (key: string): ListType => ({ type: 'map', keys: [key], mergeKey: key });
const tcp = { protocol: 'TCP' };
const containerLists = ['containers', 'initContainers', 'ephemeralContainers'];

const builtinRules: ListRule[] = [
  ...containerLists.map((c) => ({ suffix: [c], list: byName('name') })),
  ...containerLists.map((c) => ({ suffix: [c, 'ports'], list: { type: 'map', keys: ['containerPort', 'protocol'], mergeKey: 'containerPort', keyDefaults: tcp } as ListType })),
  { suffix: ['env'], list: byName('name') },
  { suffix: ['volumeMounts'], list: byName('mountPath') },
  { suffix: ['volumeDevices'], list: byName('devicePath') },
  { suffix: ['volumes'], list: byName('name') },
  { suffix: ['resourceClaims'], list: byName('name') },
  { suffix: ['imagePullSecrets'], list: { ...byName('name'), atomicItems: true } as ListType },
  { suffix: ['hostAliases'], list: byName('ip') },
  { suffix: ['topologySpreadConstraints'], list: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'], mergeKey: 'topologyKey' } },
  { suffix: ['conditions'], list: byName('type') },
  { suffix: ['spec', 'ports'], kind: 'Service', list: { type: 'map', keys: ['port', 'protocol'], mergeKey: 'port', keyDefaults: tcp } },
];

// ObjectMeta is the same schema for custom resources, whose other lists are all atomic.
const metadataRules: ListRule[] = [
  { suffix: ['metadata', 'ownerReferences'], list: { ...byName('uid'), atomicItems: true } as ListType },
  { suffix: ['metadata', 'finalizers'], list: { type: 'set' } },
];

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > path.length) return false;
  const offset = path.length - suffix.length;
  return suffix.every((name, i) => path[offset + i] === name);
}

export function listTypeAt(type: ResourceType, path: readonly string[]): ListType {
  for (const rule of metadataRules) {
    if (path.length === rule.suffix.length && endsWith(path, rule.suffix)) return rule.list;
  }
  if (!type.builtin) return customListType(type, path);
  for (const rule of builtinRules) {
    if (rule.kind !== undefined) {
      if (rule.kind === type.kind && path.length === rule.suffix.length && endsWith(path, rule.suffix)) return rule.list;
    } else if (endsWith(path, rule.suffix)) {
      return rule.list;
    }
  }
  return { type: 'atomic' };
}

/** Custom resources: only what the CRD schema marks; merge keys do not exist (SMP is 415). */
function customListType(type: ResourceType, path: readonly string[]): ListType {
  const list = schemaListType(type.schema, path);
  if (list.type !== 'map') return list;
  const map: ListType = { type: 'map', keys: list.keys, mergeKey: list.keys[0] ?? '' };
  if (Object.keys(list.keyDefaults).length > 0) map.keyDefaults = list.keyDefaults;
  return map;
}

// LabelSelector (+structType=atomic), nodeSelector and Service selector (+mapType=atomic),
// and the atomic reference structs of env valueFrom.
const atomicMapNames = new Set(['selector', 'podSelector', 'namespaceSelector', 'labelSelector', 'nodeSelector',
  'fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef']);

export function isAtomicMap(type: ResourceType, path: readonly string[]): boolean {
  if (!type.builtin) return path[0] !== 'metadata' && schemaAtomicMap(type.schema, path);
  const last = path[path.length - 1];
  return type.builtin && last !== undefined && path[0] !== 'metadata' && atomicMapNames.has(last);
}
