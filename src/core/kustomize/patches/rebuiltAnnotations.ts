import { isRecord } from '../../fieldPath';
import type { Provenance } from '../../provenance';
import { listField, loadLayer } from '../kustomization';
import type { BuildContext } from '../loader';
import type { Resource } from '../resource';
import { forgetTags, markTag } from '../scalarTags';
import { unshare } from '../sharedValues';
import { restyleSetString } from './scalarStyle';

// With `buildMetadata` at the root, kustomize notes every transformer in the resources'
// annotations (multiTransformer → resWrangler.AddTransformerAnnotation → SetAnnotations),
// rebuilding each metadata.annotations map after every transformer step from its text:
// each value becomes a new !!str node, set as kyaml sets a new string. So the values no
// longer share a node with the template annotations commonAnnotations set alongside (a
// replacement or patch of one leaves the other as it was), and a plain `1_000` or
// `2024-01-01` stays that text through a later JSON patch (kubectl-verified).

/** Whether this render's root has buildMetadata, which makes every transformer step rebuild annotations. */
export async function rebuildsAnnotations(ctx: BuildContext): Promise<boolean> {
  const root = ctx.stack[0];
  const k = root === undefined ? undefined : await loadLayer(ctx, root);
  return k !== undefined && listField(k, 'buildMetadata').length > 0;
}

/** SetAnnotations over every resource: fresh !!str nodes for the top-level annotations. */
export function rebuildAnnotations(provenance: Provenance, resources: readonly Resource[]): void {
  for (const r of resources) {
    const annotations = r.object.metadata['annotations'];
    if (!isRecord(annotations)) continue;
    forgetTags(annotations);
    for (const [key, value] of Object.entries(annotations)) {
      unshare(annotations, key);
      if (typeof value !== 'string') continue;
      markTag(provenance, annotations, key, '!!str');
      restyleSetString(annotations, key, value);
    }
  }
}
