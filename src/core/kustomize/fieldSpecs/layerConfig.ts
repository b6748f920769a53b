import { isWithin, resolve } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import { loadLayer, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { parseConfigFile } from './configFile';
import { parseCrdFile } from './crdConfig';
import type { FieldSpec } from './fieldSpec';
import { builtinConfig, mergeConfigs, type TransformerConfig } from './transformerConfig';

// The transformer config a layer's transformers use (kustomize's accumulator tConfig): the
// builtin tables, every sub-kustomization's config (so a base's `configurations` also
// steer the overlay's commonLabels, namePrefix and name references), then this layer's
// `configurations` and `crds`, then its components'. A component shares its parent's
// accumulator, so its own transformers also see the parent's `configurations` (kubectl-verified).

type Cache = Map<string, Promise<TransformerConfig>>;

interface RenderState {
  readonly cache: Cache;
  /** The kustomization whose `components` lists a component directory, set as components are accumulated. */
  readonly parents: Map<string, Kustomization>;
}

// Keyed by the render's Provenance: one instance per render, shared by every layer.
const states = new WeakMap<object, RenderState>();

export function layerConfig(ctx: BuildContext, k: Kustomization): Promise<TransformerConfig> {
  const parent = k.data['kind'] === 'Component' ? stateOf(ctx).parents.get(k.dir) : undefined;
  return configAs(ctx, k, parent);
}

/** Called before a component is built for `parent`, so its transformers find the parent's config. */
export function noteComponentParent(ctx: BuildContext, componentDir: string, parent: Kustomization): void {
  stateOf(ctx).parents.set(componentDir, parent);
}

function configAs(ctx: BuildContext, k: Kustomization, parent: Kustomization | undefined): Promise<TransformerConfig> {
  return cached(ctx, parent ? `${parent.dir}\u0000${k.dir}` : k.dir, async () => {
    const start = parent ? await cached(ctx, `own\u0000${parent.dir}`, () => computeLayerConfig(ctx, parent, builtinConfig, false)) : builtinConfig;
    return computeLayerConfig(ctx, k, start, true);
  });
}

function cached(ctx: BuildContext, key: string, compute: () => Promise<TransformerConfig>): Promise<TransformerConfig> {
  const { cache } = stateOf(ctx);
  let config = cache.get(key);
  if (!config) {
    config = compute();
    cache.set(key, config);
  }
  return config;
}

function stateOf(ctx: BuildContext): RenderState {
  let state = states.get(ctx.provenance);
  if (!state) {
    state = { cache: new Map(), parents: new Map() };
    states.set(ctx.provenance, state);
  }
  return state;
}

async function computeLayerConfig(ctx: BuildContext, k: Kustomization, start: TransformerConfig, withComponents: boolean): Promise<TransformerConfig> {
  let config = start;
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
    merge(memo(ctx, 'configurations', file, () => parseConfigFile(file.path, file.text)), 'configurations', index);
  }
  for (const [index, path] of stringEntries(k, 'crds')) {
    const file = await readLocal(ctx, k, 'crds', index, path);
    merge(memo(ctx, 'crds', file, () => parseCrdFile(file.path, file.text)), 'crds', index);
  }
  if (withComponents) await mergeSubLayers(ctx, k, 'components', merge);
  return config;
}

async function mergeSubLayers(ctx: BuildContext, k: Kustomization, field: string, merge: (more: TransformerConfig, field: string, index?: number) => void): Promise<void> {
  for (const [index, entry] of stringEntries(k, field)) {
    const dir = resolve(k.dir, entry);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || (await ctx.fs.stat(dir)) !== 'directory') continue;
    const sub = await loadLayer(ctx, dir);
    if (!sub) continue;
    merge(await configAs(ctx, sub, field === 'components' ? k : undefined), field, index);
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

function memo(ctx: BuildContext, kind: string, file: { path: string; text: string }, build: () => TransformerConfig): TransformerConfig {
  return ctx.parseCache ? ctx.parseCache.memo(kind, file.path, file.text, build) : build();
}
