import type { SourceLocation } from '../../provenance';
import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import type { Kustomization } from '../kustomization';

// A generator's `options`, merged with the kustomization-wide `generatorOptions` as
// kustomize's MergeGlobalOptionsIntoLocal does (api/types/generatoroptions.go): label and
// annotation keys set locally win, global ones are added; a global `true` for
// disableNameSuffixHash or immutable wins over a local `false`.

export interface LocatedValue {
  readonly value: string;
  readonly at: SourceLocation;
}

export interface GeneratorOptions {
  readonly labels: ReadonlyMap<string, LocatedValue>;
  readonly annotations: ReadonlyMap<string, LocatedValue>;
  readonly disableNameSuffixHash: boolean;
  /** Where `immutable: true` was written, when it was. */
  readonly immutable: SourceLocation | undefined;
}

const emptyOptions: GeneratorOptions = { labels: new Map(), annotations: new Map(), disableNameSuffixHash: false, immutable: undefined };

export function parseGeneratorOptions(k: Kustomization, parent: Record<string, unknown>, field: string): GeneratorOptions {
  const raw = parent[field];
  if (raw === undefined || raw === null) return emptyOptions;
  if (!isRecord(raw)) throw new RenderError(diagnostic(k.file, `${field} must be a mapping`, k.at(parent, field)));
  return {
    labels: stringMap(k, raw, 'labels'),
    annotations: stringMap(k, raw, 'annotations'),
    disableNameSuffixHash: flag(k, raw, 'disableNameSuffixHash') !== undefined,
    immutable: flag(k, raw, 'immutable'),
  };
}

export function mergeGlobalOptions(local: GeneratorOptions, global: GeneratorOptions): GeneratorOptions {
  return {
    labels: new Map([...global.labels, ...local.labels]),
    annotations: new Map([...global.annotations, ...local.annotations]),
    disableNameSuffixHash: local.disableNameSuffixHash || global.disableNameSuffixHash,
    immutable: local.immutable ?? global.immutable,
  };
}

function stringMap(k: Kustomization, parent: Record<string, unknown>, field: string): Map<string, LocatedValue> {
  const raw = parent[field];
  const out = new Map<string, LocatedValue>();
  if (raw === undefined || raw === null) return out;
  if (!isRecord(raw)) throw new RenderError(diagnostic(k.file, `${field} must be a mapping of strings`, k.at(parent, field)));
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw new RenderError(diagnostic(k.file, `${field}.${key} must be a string`, k.at(raw, key)));
    out.set(key, { value, at: k.at(raw, key) });
  }
  return out;
}

/** The location of a `true` flag; undefined when absent or false. */
function flag(k: Kustomization, parent: Record<string, unknown>, field: string): SourceLocation | undefined {
  const raw = parent[field];
  if (raw === undefined || raw === null || raw === false) return undefined;
  if (raw !== true) throw new RenderError(diagnostic(k.file, `${field} must be true or false`, k.at(parent, field)));
  return k.at(parent, field);
}
