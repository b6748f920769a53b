import { RenderError, diagnostic } from '../../result';
import { stringField, type Kustomization } from '../kustomization';
import type { Resource } from '../resource';
import { gvkSelects, type FieldSpec, type Gvk } from '../fieldSpecs/fieldSpec';
import { layerConfig } from '../fieldSpecs/layerConfig';
import { walkFieldSpec } from '../fieldSpecs/walkFieldSpec';
import type { TransformerInput } from '../transformers/pipeline';
import { isQuotedField } from '../patches/scalarStyle';
import { markUntagged } from '../scalarTags';
import { historyOf, noteRenamed, originalId, storePreviousId } from './nameHistory';

// namePrefix / nameSuffix (api/internal/builtins/{Prefix,Suffix}Transformer.go): every
// field of the layer's namePrefix/nameSuffix table, on every resource whose *original* id
// is not a CustomResourceDefinition, an apiregistration.k8s.io APIService or a Namespace
// (any group: kubectl leaves `other.io/v1 Namespace` alone but prefixes `other.io/v1
// APIService`). A metadata/name change is remembered for the root's name references.

const skipped: readonly Gvk[] = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

type Affix = 'namePrefix' | 'nameSuffix';

export async function transformNamePrefix(input: TransformerInput): Promise<void> {
  await addAffix(input, 'namePrefix');
}

export async function transformNameSuffix(input: TransformerInput): Promise<void> {
  await addAffix(input, 'nameSuffix');
}

async function addAffix({ ctx, kustomization: k, resources }: TransformerInput, field: Affix): Promise<void> {
  const affix = stringField(k, field);
  if (affix === undefined || affix === '') return;
  const specs = (await layerConfig(ctx, k))[field];
  const write = { ...k.at(k.data, field), operation: field };
  const apply = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return field === 'namePrefix' ? `${affix}${text}` : `${text}${affix}`;
  };
  for (const r of resources) {
    const org = originalId(r);
    if (skipped.some((s) => gvkSelects(s, org))) continue;
    for (const spec of specs) {
      if (!gvkSelects(spec, org)) continue;
      if (spec.path === 'metadata/name') recordAffix(r, field, affix);
      walkFieldSpec(r.object, spec, { createKind: 'scalar', onError: failAt(k, field, spec) }, (parent, key) => {
        const quoted = isQuotedField(ctx.provenance, parent, key, parent[key]);
        parent[key] = apply(parent[key]);
        ctx.provenance.record(parent, key, write);
        // filtersutil.SetScalar: an untagged node in the field's style.
        if (!quoted) markUntagged(ctx.provenance, parent, key);
      });
      if (spec.path === 'metadata/name') noteRenamed(r);
    }
  }
}

function recordAffix(r: Resource, field: Affix, affix: string): void {
  const history = historyOf(r);
  (field === 'namePrefix' ? history.prefixes : history.suffixes).push(affix);
  storePreviousId(r);
}

function failAt(k: Kustomization, field: Affix, spec: FieldSpec): (message: string) => never {
  return (message) => {
    throw new RenderError(diagnostic(k.file, `${field} of '${spec.path}' failed: ${message}`, k.at(k.data, field)));
  };
}
