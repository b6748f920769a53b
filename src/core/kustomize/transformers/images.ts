import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import type { FieldWrite } from '../../provenance';
import { kindOf } from '../resource';
import { listField, type Kustomization } from '../kustomization';
import { layerConfig } from '../fieldSpecs/layerConfig';
import { walkFieldSpec } from '../fieldSpecs/walkFieldSpec';
import { imageMatcher, updateImage, type ImageChange } from './imageReference';
import type { TransformerInput } from './pipeline';
import { isQuotedField } from '../patches/scalarStyle';
import { markUntagged } from '../scalarTags';

// kustomize's ImageTagTransformer (v5.7.1), once per `images` entry: the legacy filter
// rewrites `image` in every `containers`/`initContainers` list at any depth, then the
// fieldSpec filter rewrites the `images` table's fields (builtin plus `configurations`).
// Both passes see the first pass's result, so a non-idempotent change (tagSuffix) can
// apply twice, exactly as kubectl does.

interface ImageRule extends ImageChange {
  readonly matcher: RegExp;
  readonly write: FieldWrite;
}

export async function transformImages({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const rules = listField(k, 'images').map((entry, index, list) => toRule(k, entry, index, list));
  if (rules.length === 0) return;
  const specs = (await layerConfig(ctx, k)).images;
  const onError = (message: string): never => {
    throw new RenderError(diagnostic(k.file, `images transformation failed: ${message}`, k.at(k.data, 'images')));
  };
  for (const rule of rules) {
    const set = (parent: Record<string, unknown>, key: string): void => {
      const image = parent[key];
      if (typeof image !== 'string' || !rule.matcher.test(image)) return;
      const quoted = isQuotedField(ctx.provenance, parent, key, image);
      parent[key] = updateImage(image, rule);
      // The fieldSpec pass often rewrites what the legacy pass just wrote: one write, not two.
      if (ctx.provenance.of(parent, key)[0] !== rule.write) ctx.provenance.record(parent, key, rule.write);
      // filtersutil.SetScalar: an untagged node in the field's style.
      if (!quoted) markUntagged(ctx.provenance, parent, key);
    };
    for (const r of resources) {
      // kustomize never rewrites images inside a CRD (kustomize issue #890).
      if (kindOf(r) === 'CustomResourceDefinition') continue;
      visitContainers(r.object, (container) => set(container, 'image'));
      for (const spec of specs) walkFieldSpec(r.object, spec, { onError }, set);
    }
  }
}

function toRule(k: Kustomization, entry: unknown, index: number, list: unknown[]): ImageRule {
  const at = k.at(list, index);
  if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'] === '') {
    throw new RenderError(diagnostic(k.file, 'an images entry needs a name', at));
  }
  const field = (name: string): string | undefined => {
    const v = entry[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' && typeof v !== 'number') throw new RenderError(diagnostic(k.file, `images ${name} must be a string`, k.at(entry, name)));
    return String(v);
  };
  const change: ImageChange = { newName: field('newName'), newTag: field('newTag'), digest: field('digest'), tagSuffix: field('tagSuffix') };
  // The line a user edits to change the image: the tag first, as it changes most often.
  const decisive = (['newTag', 'digest', 'tagSuffix', 'newName'] as const).find((f) => change[f] !== undefined) ?? 'name';
  return { ...change, matcher: imageMatcher(entry['name']), write: { ...k.at(entry, decisive), operation: 'images' } };
}

/** The legacy filter's walk: children first, then the `containers`/`initContainers` list itself. */
function visitContainers(node: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitContainers(item, visit);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    visitContainers(value, visit);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const c of value) if (isRecord(c)) visit(c);
    }
  }
}
