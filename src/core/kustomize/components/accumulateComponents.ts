import { resolve } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import type { Resource } from '../resource';
import { listField, loadLayer, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { componentApiVersion } from '../validation/typeMeta';
import { noteComponentParent } from '../fieldSpecs/layerConfig';

/** Builds the kustomization in `dir` into `into` — the loader's buildKustomization, passed in to keep imports acyclic. */
export type LayerBuilder = (ctx: BuildContext, dir: string, into: Resource[], role: KustomizationRole) => Promise<unknown>;

/** Why a kustomization is being built: kubectl accepts a Component only under `components` (or as the root). */
export type KustomizationRole = 'root' | 'resource' | 'component';

/**
 * Runs each `components` entry against this layer's accumulated resources, after its
 * generators and before its transformers (api/internal/target/kusttarget.go
 * accumulateComponents): a component adds its resources and generated objects to
 * the same list, and its transformers (patches, images, …) see everything in it.
 */
export async function accumulateComponents(ctx: BuildContext, k: Kustomization, resources: Resource[], build: LayerBuilder): Promise<void> {
  const entries = listField(k, 'components');
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (typeof entry !== 'string' || entry === '') throw new RenderError(diagnostic(k.file, 'a components entry must be a non-empty path', at));
    const dir = resolve(k.dir, entry);
    const kind = await ctx.fs.stat(dir);
    if (kind === undefined) throw new RenderError(diagnostic(k.file, `component '${entry}' not found`, at));
    if (kind === 'file') throw new RenderError(diagnostic(k.file, `component '${entry}' must be a directory holding a kind: Component kustomization, not a file`, at));
    const component = await loadLayer(ctx, dir);
    if (!component) throw new RenderError(diagnostic(k.file, `component '${entry}' has no kustomization.yaml`, at));
    if (component.data['kind'] !== 'Component') {
      throw new RenderError(diagnostic(k.file, `component '${entry}' is a Kustomization; a components entry must have kind: Component and apiVersion: ${componentApiVersion} (list it under resources instead?)`, at));
    }
    noteComponentParent(ctx, dir, k);
    await build(ctx, dir, resources, 'component');
  }
}

/** A Component listed under `resources` (kubectl: expected kind != 'Component'). */
export function checkRole(k: Kustomization, role: KustomizationRole): void {
  if (role === 'resource' && k.data['kind'] === 'Component') {
    throw new RenderError(diagnostic(k.file, 'a kind: Component kustomization can only be listed under components, not resources', k.at(k.data, 'kind')));
  }
}
