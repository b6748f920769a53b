import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import type { SourceLocation } from '../../provenance';
import type { Kustomization } from '../kustomization';
import type { Resource } from '../resource';
import type { TransformerInput } from '../transformers/pipeline';
import type { BuildContext } from '../loader';
import { gvkOf, gvkSelects, mergeFieldSpecs, type FieldSpec } from './fieldSpec';
import { layerConfig } from './layerConfig';
import { walkFieldSpec } from './walkFieldSpec';
import { propagateWrite, shareValue, unshare, type SharedGroup } from '../sharedValues';

// kustomize's LabelTransformer and AnnotationsTransformer (api/filters/labels,
// api/filters/annotations): for each key, every fieldSpec, creating maps where the spec
// says `create`. `labels` entries run first, in order, then `commonLabels`.

const metadataLabels: FieldSpec = { path: 'metadata/labels', create: true };

interface Pairs {
  readonly values: ReadonlyArray<readonly [string, string]>;
  /** Where each key was written, for provenance. */
  readonly at: (key: string) => SourceLocation;
}

export async function transformLabels({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const labels = k.data['labels'];
  const entries: unknown[] = Array.isArray(labels) ? labels : [];
  const commonLabels = pairsOf(k, k.data, 'commonLabels');
  if (entries.length === 0 && !commonLabels) return;
  const config = await layerConfig(ctx, k);
  for (const [index, entry] of entries.entries()) {
    if (!isRecord(entry)) continue;
    const pairs = pairsOf(k, entry, 'pairs');
    if (!pairs) continue;
    const conflict = (spec: FieldSpec): never => {
      throw new RenderError(diagnostic(k.file, `failed to merge labels fieldSpec '${spec.path}': conflicting fieldspecs`, k.at(entries, index)));
    };
    let specs = customFields(entry);
    if (entry['includeSelectors'] === true) specs = mergeFieldSpecs(specs, config.commonLabels, conflict);
    else {
      if (entry['includeTemplates'] === true) specs = mergeFieldSpecs(specs, config.templateLabels, conflict);
      specs = mergeFieldSpecs(specs, [metadataLabels], conflict);
    }
    setEntries(ctx, k, resources, pairs, specs, 'labels');
  }
  if (commonLabels) setEntries(ctx, k, resources, commonLabels, config.commonLabels, 'commonLabels');
}

export async function transformCommonAnnotations({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const pairs = pairsOf(k, k.data, 'commonAnnotations');
  if (!pairs) return;
  const config = await layerConfig(ctx, k);
  setEntries(ctx, k, resources, pairs, config.commonAnnotations, 'commonAnnotations');
}

function setEntries(ctx: BuildContext, k: Kustomization, resources: readonly Resource[], pairs: Pairs, specs: readonly FieldSpec[], operation: string): void {
  const onError = (message: string): never => {
    throw new RenderError(diagnostic(k.file, `${operation}: ${message}`, pairs.at(pairs.values[0]?.[0] ?? '')));
  };
  for (const r of resources) {
    const gvk = gvkOf(r.object);
    const applicable = specs.filter((spec) => gvkSelects(spec, gvk));
    for (const [key, value] of pairs.values) {
      const write = { ...pairs.at(key), operation };
      // One node per key and resource: every field this call creates shares it (see sharedValues.ts).
      const created: SharedGroup = [];
      for (const spec of applicable) {
        walkFieldSpec(r.object, spec, { createKind: 'map', ignoreGvk: true, onError }, (parent, field) => {
          const target = parent[field];
          if (!isRecord(target)) return;
          const existed = Object.hasOwn(target, key);
          const before = target[key];
          target[key] = value;
          ctx.provenance.record(target, key, write);
          if (existed) propagateWrite((p, f, w) => ctx.provenance.record(p, f, w), target, key, before, write);
          else {
            unshare(target, key);
            shareValue(created, target, key);
          }
        });
      }
    }
  }
}

/** A string map of the kustomization, keys sorted as kustomize applies them; undefined when empty. */
function pairsOf(k: Kustomization, parent: Record<string, unknown>, field: string): Pairs | undefined {
  const map = parent[field];
  if (!isRecord(map)) return undefined;
  const values = Object.keys(map)
    .sort()
    .map((key): [string, string] => {
      const v = map[key];
      return [key, v === null || v === undefined ? '' : String(v)];
    });
  if (values.length === 0) return undefined;
  return { values, at: (key) => k.at(map, key) };
}

function customFields(entry: Record<string, unknown>): FieldSpec[] {
  const fields = entry['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f): FieldSpec[] => {
    if (!isRecord(f) || typeof f['path'] !== 'string') return [];
    const spec: { path: string; group?: string; version?: string; kind?: string; create?: boolean } = { path: f['path'] };
    for (const key of ['group', 'version', 'kind'] as const) if (typeof f[key] === 'string' && f[key] !== '') spec[key] = f[key];
    if (f['create'] === true) spec.create = true;
    return [spec];
  });
}
