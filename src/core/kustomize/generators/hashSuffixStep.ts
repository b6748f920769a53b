import type { RootPhaseInput } from '../rootPhase';
import { nameOf } from '../resource';
import { contentHash } from './contentHash';

// Root-only, after every transformer (api/krusty: kusttarget addHashesToNames): generated
// ConfigMaps and Secrets get `-<hash of their final content>` appended to their current
// name. `originalName` stays the generator's name, so the name-reference step that runs
// next rewrites the workloads that use them.

export function addHashSuffixes({ ctx, resources }: RootPhaseInput): void {
  for (const r of resources) {
    if (!r.hashSuffix) continue;
    const metadata = r.object.metadata;
    metadata['name'] = `${nameOf(r)}-${contentHash(r.object)}`;
    ctx.provenance.record(metadata, 'name', { ...r.origin, operation: 'generator hash suffix' });
  }
}
