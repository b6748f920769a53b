import { Provenance, type SourceLocation } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { parseTracked } from '../../yaml/trackedParse';
import type { FieldSpec, NameBackReference } from './fieldSpec';
import { emptyConfig, fieldSpecTables, type FieldSpecTable, type TransformerConfig } from './transformerConfig';

// A `configurations` file: extra fieldSpecs per transformer, decoded as strictly as
// kustomize's JSON decoder does (unknown fields and wrong types are errors, kubectl-verified).

const fieldSpecKeys = new Set(['path', 'group', 'version', 'kind', 'create']);
const nameReferenceKeys = new Set(['group', 'version', 'kind', 'fieldSpecs']);

interface Decoder {
  readonly file: string;
  readonly positions: Provenance;
}

export function parseConfigFile(file: string, text: string): TransformerConfig {
  const positions = new Provenance();
  const parsed = parseTracked(file, text, positions, 'configuration');
  if (!parsed.ok) throw new RenderError(parsed.error[0] ?? diagnostic(file, 'invalid YAML'));
  const data = parsed.value[0]?.value ?? {};
  const d: Decoder = { file, positions };
  if (data === null) return emptyConfig;
  if (!isRecord(data)) fail(d, 'a transformer configuration must be a mapping', parsed.value[0]?.location);
  const config: { -readonly [K in keyof TransformerConfig]: TransformerConfig[K] } = { ...emptyConfig };
  for (const key of Object.keys(data)) {
    if (key === 'nameReference') config[key] = list(d, data, key).map((item, i, all) => nameReference(d, item, at(d, all, i)));
    else if (isTable(key)) config[key] = list(d, data, key).map((item, i, all) => fieldSpec(d, item, key, at(d, all, i)));
    else fail(d, `unknown field "${key}"`, at(d, data, key));
  }
  return config;
}

function isTable(key: string): key is FieldSpecTable {
  return (fieldSpecTables as readonly string[]).includes(key);
}

function nameReference(d: Decoder, item: unknown, where: SourceLocation | undefined): NameBackReference {
  if (!isRecord(item)) fail(d, 'a nameReference entry must be a mapping', where);
  checkKeys(d, item, nameReferenceKeys);
  return {
    ...gvk(d, item),
    fieldSpecs: list(d, item, 'fieldSpecs').map((spec, i, all) => fieldSpec(d, spec, 'nameReference.fieldSpecs', at(d, all, i))),
  };
}

function fieldSpec(d: Decoder, item: unknown, table: string, where: SourceLocation | undefined): FieldSpec {
  if (!isRecord(item)) fail(d, `a ${table} entry must be a mapping with a path`, where);
  checkKeys(d, item, fieldSpecKeys);
  const create = item['create'];
  if (create !== undefined && create !== null && typeof create !== 'boolean') fail(d, `${table}.create must be true or false`, at(d, item, 'create'));
  return { ...gvk(d, item), path: str(d, item, 'path') ?? '', ...(create === true ? { create: true } : {}) };
}

function gvk(d: Decoder, item: Record<string, unknown>): { group?: string; version?: string; kind?: string } {
  const out: { group?: string; version?: string; kind?: string } = {};
  for (const key of ['group', 'version', 'kind'] as const) {
    const v = str(d, item, key);
    if (v) out[key] = v;
  }
  return out;
}

function str(d: Decoder, item: Record<string, unknown>, key: string): string | undefined {
  const v = item[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(d, `${key} must be a string`, at(d, item, key));
  return v;
}

function list(d: Decoder, parent: Record<string, unknown>, key: string): unknown[] {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(d, `${key} must be a list`, at(d, parent, key));
  return v;
}

function checkKeys(d: Decoder, item: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(item)) if (!allowed.has(key)) fail(d, `unknown field "${key}"`, at(d, item, key));
}

function at(d: Decoder, parent: object, key: string | number): SourceLocation | undefined {
  return d.positions.of(parent, key)[0];
}

function fail(d: Decoder, message: string, where: SourceLocation | undefined): never {
  throw new RenderError(diagnostic(d.file, message, where));
}
