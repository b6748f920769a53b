import { listField, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import type { Resource } from '../resource';
import { absorbGenerated } from './absorb';
import { parseGeneratorEntry, type GeneratedKind } from './generatorEntry';
import { warnAboutInvalidKeys } from './keyWarnings';
import { loadKvPairs } from './kvPairs';
import { makeGenerated } from './makeGenerated';
import { rejectHelmCharts } from './helmCharts';

// The builtin generators of one kustomization, after its resources and before its
// components and transformers (api/internal/target/kusttarget.go runGenerators): every
// configMapGenerator, then every secretGenerator, then helmCharts. Each generated
// resource is absorbed at once, so a later entry may merge into an earlier one.

const generatorFields: ReadonlyArray<readonly [string, GeneratedKind]> = [
  ['configMapGenerator', 'ConfigMap'],
  ['secretGenerator', 'Secret'],
];

export async function runGenerators(ctx: BuildContext, k: Kustomization, resources: Resource[]): Promise<void> {
  for (const [field, kind] of generatorFields) {
    const list = listField(k, field);
    for (let index = 0; index < list.length; index++) {
      const entry = parseGeneratorEntry(k, kind, list, index, ctx.warnings);
      const pairs = await loadKvPairs(ctx, k, entry);
      warnAboutInvalidKeys(k, entry, pairs, ctx.warnings);
      absorbGenerated(k, resources, entry, makeGenerated(entry, pairs, ctx.provenance), ctx.provenance);
    }
  }
  rejectHelmCharts(k);
}
