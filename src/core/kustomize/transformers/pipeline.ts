import type { Resource } from '../resource';
import type { Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { transformNamespace } from './namespace';
import { transformReplicas } from './replicas';
import { transformImages } from './images';
import { transformReplacements } from '../replacements/transformReplacements';
import { mergeVars } from '../vars/mergeVars';
import { transformNamePrefix, transformNameSuffix } from '../naming/nameAffixes';
import { transformCommonAnnotations, transformLabels } from '../fieldSpecs/labelsTransformer';
import { transformPatches } from '../patches/transformPatches';
import { transformPatchesStrategicMerge } from '../patches/transformPatchesStrategicMerge';
import { transformPatchesJson6902 } from '../patches/transformPatchesJson6902';
import { rebuildAnnotations, rebuildsAnnotations } from '../patches/rebuiltAnnotations';

/** What every builtin transformer receives. Transformers mutate `resources` in place and record provenance. */
export interface TransformerInput {
  readonly ctx: BuildContext;
  readonly kustomization: Kustomization;
  readonly resources: Resource[];
}

export type Transformer = (input: TransformerInput) => void | Promise<void>;

/**
 * kustomize's fixed builtin order (api/internal/target/kusttarget_configplugin.go):
 * patchesStrategicMerge → patches → namespace → namePrefix → nameSuffix → labels /
 * commonLabels → commonAnnotations → patchesJson6902 → replicas → images → replacements.
 * Each with the kustomization fields that make kustomize configure it.
 */
const builtinOrder: readonly (readonly [Transformer, readonly string[]])[] = [
  [transformPatchesStrategicMerge, ['patchesStrategicMerge']],
  [transformPatches, ['patches']],
  [transformNamespace, ['namespace']],
  [transformNamePrefix, ['namePrefix']],
  [transformNameSuffix, ['nameSuffix']],
  [transformLabels, ['labels', 'commonLabels']],
  [transformCommonAnnotations, ['commonAnnotations']],
  [transformPatchesJson6902, ['patchesJson6902']],
  [transformReplicas, ['replicas']],
  [transformImages, ['images']],
  [transformReplacements, ['replacements']],
];

export async function applyTransformers(ctx: BuildContext, kustomization: Kustomization, resources: Resource[]): Promise<void> {
  const rebuilds = await rebuildsAnnotations(ctx);
  for (const [transform, fields] of builtinOrder) {
    await transform({ ctx, kustomization, resources });
    // After each configured transformer (see patches/rebuiltAnnotations.ts).
    if (rebuilds && fields.some((f) => isConfigured(kustomization.data[f]))) rebuildAnnotations(ctx.provenance, resources);
  }
  // Not a transformer: binds this layer's vars once its transformers ran (kusttarget.go).
  await mergeVars({ ctx, kustomization, resources });
}

function isConfigured(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}
