import { isWithin, resolve } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import { loadKustomization, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { parseConfigFile } from './configFile';
import { parseCrdFile } from './crdConfig';
import type { FieldSpec } from './fieldSpec';
import { builtinConfig, mergeConfigs, type TransformerConfig } from './transformerConfig';

// The transformer config a layer's transformers use (kustomize's accumulator tConfig): the
// builtin tables, every sub-kustomization's config (so a base's `configurations` also
// steer the overlay's commonLabels, namePrefix and name references), then this layer's
// `configurations` and `crds`, then its components'.

type Cache = Map<string, Promise<TransformerConfig>>;

// Keyed by the render's Provenance: one instance per render, shared by every layer.
const caches = new WeakMap<object, Cache>();

export function layerConfig(ctx: BuildContext, k: Kustomization): Promise<TransformerConfig> {
  const cache = cacheOf(ctx);
  let config = cache.get(k.dir);
  if (!config) {
    config = computeLayerConfig(ctx, k);
    cache.set(k.dir, config);
  }
  return config;
}

function cacheOf(ctx: BuildContext): Cache {
  let cache = caches.get(ctx.provenance);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.provenance, cache);
  }
  return cache;
}

async function computeLayerConfig(ctx: BuildContext, k: Kustomization): Promise<TransformerConfig> {
  let config = builtinConfig;
  const merge = (more: TransformerConfig, field: string, index?: number): void => {
    // Most layers add nothing: keep the shared builtin tables instead of merging them into themselves.
    if (more === config || more === builtinConfig) return;
    const list = k.data[field];
    const where = index !== undefined && Array.isArray(list) ? k.at(list, index) : k.at(k.data, field);
    config = mergeConfigs(config, more, (table: string, spec: FieldSpec) => {
      throw new RenderError(diagnostic(k.file, `failed to merge ${table} fieldSpec '${spec.path}' from ${field}: conflicting fieldspecs`, where));
    });
  };
  for (const field of ['resources', 'bases']) await mergeSubLayers(ctx, k, field, merge);
  for (const [index, path] of stringEntries(k, 'configurations')) {
    const file = await readLocal(ctx, k, 'configurations', index, path);
    merge(parseConfigFile(file.path, file.text), 'configurations', index);
  }
  for (const [index, path] of stringEntries(k, 'crds')) {
    const file = await readLocal(ctx, k, 'crds', index, path);
    merge(parseCrdFile(file.path, file.text), 'crds', index);
  }
  await mergeSubLayers(ctx, k, 'components', merge);
  return config;
}

async function mergeSubLayers(ctx: BuildContext, k: Kustomization, field: string, merge: (more: TransformerConfig, field: string, index?: number) => void): Promise<void> {
  for (const [index, entry] of stringEntries(k, field)) {
    const dir = resolve(k.dir, entry);
    // Built already, so usually cached; otherwise (say a layer without our transformers) load it.
    const cached = cacheOf(ctx).get(dir);
    if (cached) {
      merge(await cached, field, index);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || (await ctx.fs.stat(dir)) !== 'directory') continue;
    const sub = await loadKustomization(ctx.fs, dir);
    if (sub) merge(await layerConfig(ctx, sub), field, index);
  }
}

/** Transformer configs load like kustomize's root-restricted loader: inside the kustomization's directory. */
async function readLocal(ctx: BuildContext, k: Kustomization, field: string, index: number, entry: string): Promise<{ path: string; text: string }> {
  const path = resolve(k.dir, entry);
  const list = k.data[field];
  const at = Array.isArray(list) ? k.at(list, index) : k.at(k.data, field);
  if (!isWithin(k.dir, path)) throw new RenderError(diagnostic(k.file, `security; ${field} file '${entry}' is not in or below the kustomization's directory`, at));
  const text = await ctx.fs.readFile(path);
  if (text === undefined) throw new RenderError(diagnostic(k.file, `${field} file '${entry}' not found`, at));
  return { path, text };
}

function stringEntries(k: Kustomization, field: string): Array<[number, string]> {
  const v = k.data[field];
  if (!Array.isArray(v)) return [];
  return v.flatMap((e, i): Array<[number, string]> => (typeof e === 'string' ? [[i, e]] : []));
}
