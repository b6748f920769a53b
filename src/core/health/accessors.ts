// Small readers over plain JSON objects. Missing or mistyped fields read as undefined,
// which the checks treat like Go's zero values after typed conversion.

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

export function field(object: JsonObject | undefined, ...path: string[]): unknown {
  let current: unknown = object;
  for (const key of path) {
    const record = asObject(current);
    if (!record) return undefined;
    current = record[key];
  }
  return current;
}

export function objectAt(object: JsonObject | undefined, ...path: string[]): JsonObject | undefined {
  return asObject(field(object, ...path));
}

export function stringAt(object: JsonObject | undefined, ...path: string[]): string | undefined {
  const value = field(object, ...path);
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(object: JsonObject | undefined, ...path: string[]): number | undefined {
  const value = field(object, ...path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Go reads an absent int as 0; most rollout arithmetic relies on that. */
export function countAt(object: JsonObject | undefined, ...path: string[]): number {
  return numberAt(object, ...path) ?? 0;
}

export function booleanAt(object: JsonObject | undefined, ...path: string[]): boolean {
  return field(object, ...path) === true;
}

export function arrayAt(object: JsonObject | undefined, ...path: string[]): readonly unknown[] {
  const value = field(object, ...path);
  return Array.isArray(value) ? value : [];
}

/** The object entries of a list, skipping anything that is not an object. */
export function objectsAt(object: JsonObject | undefined, ...path: string[]): JsonObject[] {
  return arrayAt(object, ...path).filter(isJsonObject);
}

/** The first `status.conditions` entry of a type, as Kubernetes helpers look them up. */
export function conditionOf(object: JsonObject, type: string): JsonObject | undefined {
  return objectsAt(object, 'status', 'conditions').find((condition) => condition['type'] === type);
}

/** Go's %q for the simple strings that object names are. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}
