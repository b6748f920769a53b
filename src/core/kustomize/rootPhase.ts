import type { Resource } from './resource';
import type { Kustomization } from './kustomization';
import type { BuildContext } from './loader';
import { sortResources } from './sortOrder';
import { addHashSuffixes } from './generators/hashSuffixStep';
import { fixNameReferences } from './naming/nameReferences';
import { resolveVars } from './vars/resolveVars';
import { dropLocalConfig } from './buildMetadata/dropLocalConfig';
import { applyBuildMetadata } from './buildMetadata/applyBuildMetadata';
import { stringifyAnnotations } from './buildMetadata/stringAnnotations';

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
const rootSteps: readonly RootStep[] = [addHashSuffixes, fixNameReferences, resolveVars, dropLocalConfig, applyBuildMetadata, stringifyAnnotations];

export async function finishAtRoot(input: RootPhaseInput): Promise<Resource[]> {
  for (const step of rootSteps) await step(input);
  return sortResources(input.kustomization, input.resources);
}
