import { isRecord } from '../fieldPath';

// Associative lists in the Kubernetes API are merged by key fields
// (x-kubernetes-list-map-keys): containers by name, ports by port and protocol.

const keyFieldSets: ReadonlyArray<readonly string[]> = [
  ['containerPort', 'protocol'],
  ['port', 'protocol'],
  ['name'],
  ['mountPath'],
  ['devicePath'],
  ['ip'],
  ['topologyKey', 'whenUnsatisfiable'],
  ['type'],
];

/** A string identifying a list item by its key fields, or undefined for items with none. */
export function listItemKey(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  for (const fields of keyFieldSets) {
    const [primary] = fields;
    if (primary === undefined || item[primary] === undefined) continue;
    return fields.map((f) => `${f}=${String(item[f] ?? (f === 'protocol' ? 'TCP' : ''))}`).join(',');
  }
  return undefined;
}
