import { isRecord } from '../fieldPath';
import { listItemKey } from '../diff/listKeys';
import { maskSecretValue } from '../diff/maskSecrets';

// A symmetric field diff of two versions of one object: what a dry run predicts against
// live, or what one commit renders against another. Unlike the drift compare, fields only
// one side has count too (a commit that drops a field changes it).

export interface ObjectChange {
  /** kubectl style: `spec.template.spec.containers[name=api].image`. */
  readonly path: string;
  /** Undefined when absent on that side; Secret values masked. */
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields the server owns: they differ on every write and say nothing about what changed. */
const serverOwned = new Set(['resourceVersion', 'managedFields', 'generation', 'uid', 'creationTimestamp', 'selfLink']);

export function objectChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): ObjectChange[] {
  const changes: ObjectChange[] = [];
  walk(strip(before), strip(after), '', changes);
  const kind = (after ?? before)?.['kind'];
  return kind === 'Secret' ? changes.map(maskChange) : changes;
}

function strip(object: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!object) return undefined;
  const { status: _status, ...rest } = object;
  const metadata = isRecord(rest['metadata']) ? Object.fromEntries(Object.entries(rest['metadata']).filter(([k]) => !serverOwned.has(k))) : rest['metadata'];
  return { ...rest, metadata };
}

function maskChange(c: ObjectChange): ObjectChange {
  if (!/^(data|stringData)\b/.test(c.path)) return c;
  return { path: c.path, before: maskSecretValue(c.after, c.before, 'live'), after: maskSecretValue(c.after, c.before, 'desired') };
}

const childPath = (base: string, key: string): string => (base === '' ? key : /^[A-Za-z0-9_-]+$/.test(key) ? `${base}.${key}` : `${base}["${key}"]`);

function walk(a: unknown, b: unknown, path: string, out: ObjectChange[]): void {
  // A map on one side only (a created object, an added label map) is listed field by field.
  if ((isRecord(a) || a === undefined) && (isRecord(b) || b === undefined) && (a !== undefined || b !== undefined)) {
    const left = a ?? {};
    const right = b ?? {};
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) walk(left[key], right[key], childPath(path, key), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) return walkList(a, b, path, out);
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a, after: b });
}

/** Lists whose items all have keys (containers by name, ports…) compare item by item; others as a whole. */
function walkList(a: readonly unknown[], b: readonly unknown[], path: string, out: ObjectChange[]): void {
  const keysA = a.map(listItemKey);
  const keysB = b.map(listItemKey);
  const keyed = [...keysA, ...keysB].every((k) => k !== undefined) && new Set(keysA).size === a.length && new Set(keysB).size === b.length;
  if (!keyed) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a, after: b });
    return;
  }
  for (const key of new Set([...keysA, ...keysB] as string[])) {
    const item = a[keysA.indexOf(key)] ?? b[keysB.indexOf(key)];
    walk(a[keysA.indexOf(key)], b[keysB.indexOf(key)], `${path}[${itemLabel(item, key)}]`, out);
  }
}

/** `name=web` for the common case, as the diff engine prints paths; the raw key otherwise. */
function itemLabel(item: unknown, key: string): string {
  return isRecord(item) && typeof item['name'] === 'string' ? `name=${item['name']}` : key;
}
