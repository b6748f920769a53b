import type { KubeApi, KubeObject } from '../ports';
import type { RenderResult } from '../kustomize/render';

/** Driftline's server-side-apply field manager: its ownership is what a later prune or diff trusts. */
export const fieldManager = 'driftline';

export interface ApplyResult {
  readonly object: KubeObject;
  readonly error: string | undefined;
}

/**
 * Applies every rendered object, in render order (namespaces and CRDs first),
 * with force: syncing means Git wins over whoever changed the cluster by hand.
 * Stops at the first failure so the cluster is never half-applied silently:
 * the results say which objects were applied and which were not attempted.
 */
export async function applyRendered(kube: KubeApi, rendered: RenderResult, options: { dryRun: boolean }): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const r of rendered.resources) {
    const object = r.object as unknown as KubeObject;
    try {
      await kube.apply(object, { fieldManager, force: true, dryRun: options.dryRun });
      results.push({ object, error: undefined });
    } catch (e) {
      results.push({ object, error: e instanceof Error ? e.message : String(e) });
      break;
    }
  }
  return results;
}
