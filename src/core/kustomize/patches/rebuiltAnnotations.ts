import { isRecord } from '../../fieldPath';
import { listField, loadLayer } from '../kustomization';
import type { BuildContext } from '../loader';
import type { Resource } from '../resource';
import { unshare } from '../sharedValues';

// With `buildMetadata` at the root, kustomize notes every transformer in the resources'
// annotations (resWrangler.AddTransformerAnnotation → SetAnnotations), rebuilding each
// metadata.annotations map after every step. Its values then no longer share a node with
// the template annotations commonAnnotations set alongside, so a patch of one leaves the
// other as it was (kubectl-verified).

/** Ends the sharing of top-level annotation values when the render's root has buildMetadata. */
export async function unshareRebuiltAnnotations(ctx: BuildContext, resources: readonly Resource[]): Promise<void> {
  const root = ctx.stack[0];
  const k = root === undefined ? undefined : await loadLayer(ctx, root);
  if (!k || listField(k, 'buildMetadata').length === 0) return;
  for (const r of resources) {
    const annotations = r.object.metadata['annotations'];
    if (isRecord(annotations)) for (const key of Object.keys(annotations)) unshare(annotations, key);
  }
}
