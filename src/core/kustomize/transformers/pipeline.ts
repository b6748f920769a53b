import type { Resource } from '../resource';
import type { Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { transformNamespace } from './namespace';
import { transformReplicas } from './replicas';
import { transformImages } from './images';

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
  transformNamespace,
  transformReplicas,
  transformImages,
];

export async function applyTransformers(ctx: BuildContext, kustomization: Kustomization, resources: Resource[]): Promise<void> {
  for (const transform of builtinOrder) await transform({ ctx, kustomization, resources });
}
