// Reading a custom resource's structural schema the way SMD does for CRDs: lists are atomic
// unless x-kubernetes-list-type says set or map (with x-kubernetes-list-map-keys), and maps
// are granular unless x-kubernetes-map-type is atomic. Unknown fields (preserve-unknown)
// fall back to the same defaults.
import { isObject, type JsonObject, type JsonValue } from './objects';

/** The schema node at a path of field names (list items left out, as fieldTypes paths are). */
export function schemaAt(root: JsonObject | undefined, names: readonly string[]): JsonObject | undefined {
  let node: JsonObject | undefined = root;
  for (const name of names) {
    if (!node) return undefined;
    // A list's items are implied between two field names.
    while (node && isObject(node['items'])) node = node['items'];
    if (!node) return undefined;
    const properties = node['properties'];
    const additional = node['additionalProperties'];
    if (isObject(properties) && isObject(properties[name])) node = properties[name];
    else if (isObject(additional)) node = additional;
    else return undefined;
  }
  return node;
}

export type SchemaListType =
  | { type: 'atomic' }
  | { type: 'set' }
  | { type: 'map'; keys: string[]; keyDefaults: Record<string, JsonValue> };

export function schemaListType(root: JsonObject | undefined, names: readonly string[]): SchemaListType {
  const node = schemaAt(root, names);
  const listType = node?.['x-kubernetes-list-type'];
  if (listType === 'set') return { type: 'set' };
  if (listType !== 'map' || !node) return { type: 'atomic' };
  const keys = Array.isArray(node['x-kubernetes-list-map-keys']) ? node['x-kubernetes-list-map-keys'].filter((k): k is string => typeof k === 'string') : [];
  const itemProperties = isObject(node['items']) && isObject(node['items']['properties']) ? node['items']['properties'] : {};
  const keyDefaults: Record<string, JsonValue> = {};
  for (const key of keys) {
    const property = itemProperties[key];
    if (isObject(property) && property['default'] !== undefined) keyDefaults[key] = property['default'];
  }
  return { type: 'map', keys, keyDefaults };
}

export function schemaAtomicMap(root: JsonObject | undefined, names: readonly string[]): boolean {
  const node = schemaAt(root, names);
  return node?.['x-kubernetes-map-type'] === 'atomic';
}

/** Structural-schema defaulting: absent properties with a `default` get it, at every present level. */
export function applySchemaDefaults(schema: JsonObject | undefined, value: JsonValue | undefined): void {
  if (!schema || value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const items = schema['items'];
    if (isObject(items)) for (const item of value) applySchemaDefaults(items, item);
    return;
  }
  if (!isObject(value)) return;
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property) || name === 'metadata') continue;
    if (value[name] === undefined && property['default'] !== undefined) value[name] = structuredClone(property['default']);
    applySchemaDefaults(property, value[name]);
  }
  const additional = schema['additionalProperties'];
  if (isObject(additional)) {
    for (const [name, child] of Object.entries(value)) if (!Object.hasOwn(properties, name)) applySchemaDefaults(additional, child);
  }
}
