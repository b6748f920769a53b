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
 */
const builtinOrder: readonly Transformer[] = [
  transformPatchesStrategicMerge,
  transformPatches,
  transformNamespace,
  transformNamePrefix,
  transformNameSuffix,
  transformLabels,
  transformCommonAnnotations,
  transformPatchesJson6902,
  transformReplicas,
  transformImages,
  transformReplacements,
  // Not a transformer: binds this layer's vars once its transformers ran (kusttarget.go).
  mergeVars,
];

export async function applyTransformers(ctx: BuildContext, kustomization: Kustomization, resources: Resource[]): Promise<void> {
  for (const transform of builtinOrder) await transform({ ctx, kustomization, resources });
}
