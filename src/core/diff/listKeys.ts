import { isRecord } from '../fieldPath';

// How server-side apply merges the lists of built-in kinds, by field name (the
// built-in OpenAPI's x-kubernetes-list-type / list-map-keys). Lists not named
// here are atomic: the applied list replaces the live one, so order matters.

/** A map list's candidate key sets, first match wins (`ports` serve containers and Services). */
export type ListKind = { readonly type: 'map'; readonly keys: ReadonlyArray<readonly string[]> } | { readonly type: 'set' };

const byName: ReadonlyArray<readonly string[]> = [['name']];

const listKinds: ReadonlyMap<string, ListKind> = new Map<string, ListKind>([
  ['containers', { type: 'map', keys: byName }],
  ['initContainers', { type: 'map', keys: byName }],
  ['ephemeralContainers', { type: 'map', keys: byName }],
  ['env', { type: 'map', keys: byName }],
  ['volumes', { type: 'map', keys: byName }],
  ['imagePullSecrets', { type: 'map', keys: byName }],
  ['resourceClaims', { type: 'map', keys: byName }],
  ['schedulingGates', { type: 'map', keys: byName }],
  ['webhooks', { type: 'map', keys: byName }],
  ['volumeMounts', { type: 'map', keys: [['mountPath']] }],
  ['volumeDevices', { type: 'map', keys: [['devicePath']] }],
  ['ports', { type: 'map', keys: [['containerPort', 'protocol'], ['port', 'protocol']] }],
  ['hostAliases', { type: 'map', keys: [['ip']] }],
  ['topologySpreadConstraints', { type: 'map', keys: [['topologyKey', 'whenUnsatisfiable']] }],
  ['ownerReferences', { type: 'map', keys: [['uid']] }],
  ['conditions', { type: 'map', keys: [['type']] }],
  // Controllers add their own finalizers: membership counts, order does not.
  ['finalizers', { type: 'set' }],
]);

/** How the list under `field` merges; undefined for atomic lists. */
export function listKindOf(field: string | number | undefined, builtin: boolean): ListKind | undefined {
  return builtin && typeof field === 'string' ? listKinds.get(field) : undefined;
}

/** A string identifying a map-list item by its key fields, or undefined for items with none. */
export function mapItemKey(kind: ListKind | undefined, item: unknown): string | undefined {
  if (kind?.type !== 'map' || !isRecord(item)) return undefined;
  for (const fields of kind.keys) {
    const primary = fields[0];
    if (primary === undefined || item[primary] === undefined) continue;
    let key = primary;
    for (const f of fields) key += `|${String(item[f] ?? defaultKeyValue(f))}`;
    return key;
  }
  return undefined;
}

// The server fills a key's default before matching (protocol: TCP), so an item that omits it matches one that spells it out.
function defaultKeyValue(field: string): string {
  return field === 'protocol' ? 'TCP' : '';
}

// Shape-based keys for callers that diff two versions without a schema position
// (sync's symmetric object diff): an item is keyed by the first key field it has.
const shapeKeys: ListKind = { type: 'map', keys: [['containerPort', 'protocol'], ['port', 'protocol'], ['name'], ['mountPath'], ['devicePath'], ['ip'], ['topologyKey', 'whenUnsatisfiable'], ['type']] };

/** A key for `item` judged by its shape alone; prefer `mapItemKey` where the list's field is known. */
export function listItemKey(item: unknown): string | undefined {
  return mapItemKey(shapeKeys, item);
}
