import type { SourceLocation } from '../../provenance';
import type { BuildContext } from '../loader';

/** One `vars` entry, defaulted: fieldPath metadata.name, group/version from apiVersion. */
export interface VarDefinition {
  readonly name: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly objectName: string;
  readonly namespace: string;
  readonly fieldPath: string;
  /** The entry in its kustomization: where errors and substituted fields point. */
  readonly at: SourceLocation;
  /** The resource the var was bound to in its own kustomization, when one matched. */
  bound?: object;
}

// kustomize keeps one var set per build, merged up from every base and component,
// where a repeated name is an error (api/internal/accumulator/resaccumulator.go).
const setsByBuild = new WeakMap<BuildContext, Map<string, VarDefinition>>();

export function varsOf(ctx: BuildContext): Map<string, VarDefinition> {
  let set = setsByBuild.get(ctx);
  if (!set) setsByBuild.set(ctx, (set = new Map()));
  return set;
}
