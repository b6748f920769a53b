import type { Resource } from './resource';
import type { Kustomization } from './kustomization';
import type { BuildContext } from './loader';
import { legacySort } from './sortOrder';
import { isRecord } from '../fieldPath';

export interface RootPhaseInput {
  readonly ctx: BuildContext;
  readonly kustomization: Kustomization;
  readonly resources: Resource[];
}

export type RootStep = (input: RootPhaseInput) => void | Promise<void>;

/**
 * What kustomize does once, at the root kustomization, after every layer is built
 * (api/krusty/kustomizer.go): hash suffixes → name references → vars → drop
 * local-config → sort → strip internal annotations.
 */
const rootSteps: readonly RootStep[] = [];

export async function finishAtRoot(input: RootPhaseInput): Promise<Resource[]> {
  for (const step of rootSteps) await step(input);
  const sortOptions = input.kustomization.data['sortOptions'];
  const fifo = isRecord(sortOptions) && sortOptions['order'] === 'fifo';
  return fifo ? input.resources : legacySort(input.resources);
}
