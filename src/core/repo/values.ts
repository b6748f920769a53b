import { isRecord } from '../fieldPath';

// Lenient readers for manifest fields: a wrong type reads as absent, and the caller
// decides whether that deserves a diagnostic.

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function record(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(record(v))) {
    const s = str(value);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

export function stringList(v: unknown): string[] {
  return list(v).map(str).filter((s): s is string => s !== undefined);
}

/** `metadata` of a manifest, with name/namespace/labels typed. */
export function meta(object: Record<string, unknown>): { name: string; namespace?: string; labels: Record<string, string>; annotations: Record<string, string> } {
  const m = record(object['metadata']);
  const namespace = str(m['namespace']);
  return { name: str(m['name']) ?? '', ...(namespace ? { namespace } : {}), labels: stringMap(m['labels']), annotations: stringMap(m['annotations']) };
}
