import type { Resource } from '../resource';
import type { Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { transformNamespace } from './namespace';
import { transformReplicas } from './replicas';
import { transformImages } from './images';

/** What every builtin transformer receives. */
export interface TransformerInput {
  readonly ctx: BuildContext;
  readonly kustomization: Kustomization;
  readonly resources: Resource[];
}

/** kustomize's fixed builtin order (api/internal/target/kusttarget_configplugin.go). */
const builtinOrder: ReadonlyArray<(input: TransformerInput) => void> = [transformNamespace, transformReplicas, transformImages];

export function applyTransformers(ctx: BuildContext, kustomization: Kustomization, resources: Resource[]): void {
  for (const transform of builtinOrder) transform({ ctx, kustomization, resources });
}
