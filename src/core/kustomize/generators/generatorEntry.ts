import type { SourceLocation } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic, type Diagnostic } from '../../result';
import type { Kustomization } from '../kustomization';
import { mergeGlobalOptions, parseGeneratorOptions, type GeneratorOptions } from './generatorOptions';

// One `configMapGenerator` / `secretGenerator` entry, checked, with the location of each
// field for diagnostics and provenance.

export type GeneratedKind = 'ConfigMap' | 'Secret';

/** kustomize's GenerationBehavior; anything else is "unspecified", which acts like create. */
export type Behavior = 'create' | 'merge' | 'replace' | 'unspecified';

export interface LocatedSource {
  readonly text: string;
  readonly at: SourceLocation;
}

export interface GeneratorEntry {
  readonly kind: GeneratedKind;
  /** `configMapGenerator` or `secretGenerator`, for messages. */
  readonly field: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly behavior: Behavior;
  /** `behavior` as written, for messages. */
  readonly behaviorText: string;
  readonly type: string | undefined;
  readonly envs: readonly LocatedSource[];
  readonly literals: readonly LocatedSource[];
  readonly files: readonly LocatedSource[];
  readonly options: GeneratorOptions;
  readonly raw: Record<string, unknown>;
  /** The list item that declared the generator. */
  readonly at: SourceLocation;
  /** Where one of the entry's fields was written. */
  locate(key: string): SourceLocation;
}

export function parseGeneratorEntry(k: Kustomization, kind: GeneratedKind, list: unknown[], index: number, warnings: Diagnostic[]): GeneratorEntry {
  const field = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
  const raw = list[index];
  const at = k.at(list, index);
  if (!isRecord(raw)) throw new RenderError(diagnostic(k.file, `a ${field} entry must be a mapping`, at));
  const name = optionalString(k, raw, 'name');
  if (name === undefined || name === '') throw new RenderError(diagnostic(k.file, `a ${field} entry needs a name`, at));
  const global = parseGeneratorOptions(k, k.data, 'generatorOptions');
  return {
    kind,
    field,
    name,
    namespace: optionalString(k, raw, 'namespace') || undefined,
    behavior: parseBehavior(k, raw, warnings),
    behaviorText: optionalString(k, raw, 'behavior') ?? '',
    type: kind === 'Secret' ? optionalString(k, raw, 'type') || undefined : undefined,
    // The deprecated single `env` is appended to `envs`, as kustomize does.
    envs: [...sources(k, raw, 'envs'), ...singleSource(k, raw, 'env')],
    literals: sources(k, raw, 'literals'),
    files: sources(k, raw, 'files'),
    options: mergeGlobalOptions(parseGeneratorOptions(k, raw, 'options'), global),
    raw,
    at,
    locate: (key) => (raw[key] === undefined ? at : k.at(raw, key)),
  };
}

function parseBehavior(k: Kustomization, raw: Record<string, unknown>, warnings: Diagnostic[]): Behavior {
  const value = optionalString(k, raw, 'behavior');
  if (value === undefined || value === '' || value === 'create') return value === 'create' ? 'create' : 'unspecified';
  if (value === 'merge' || value === 'replace') return value;
  // kubectl accepts unknown values silently and treats them like create; say so instead.
  warnings.push(diagnostic(k.file, `unknown behavior '${value}'; expected create, merge or replace (treated as create)`, k.at(raw, 'behavior'), 'warning'));
  return 'unspecified';
}

function optionalString(k: Kustomization, raw: Record<string, unknown>, key: string): string | undefined {
  const v = raw[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RenderError(diagnostic(k.file, `${key} must be a string`, k.at(raw, key)));
  return v;
}

function sources(k: Kustomization, raw: Record<string, unknown>, key: string): LocatedSource[] {
  const v = raw[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RenderError(diagnostic(k.file, `${key} must be a list of strings`, k.at(raw, key)));
  return v.map((item, i) => {
    if (typeof item !== 'string') throw new RenderError(diagnostic(k.file, `${key} entries must be strings`, k.at(v, i)));
    return { text: item, at: k.at(v, i) };
  });
}

function singleSource(k: Kustomization, raw: Record<string, unknown>, key: string): LocatedSource[] {
  const v = optionalString(k, raw, key);
  return v === undefined || v === '' ? [] : [{ text: v, at: k.at(raw, key) }];
}
