import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import type { FieldWrite } from '../../provenance';
import { kindOf } from '../resource';
import { listField, type Kustomization } from '../kustomization';
import type { TransformerInput } from './pipeline';

interface ImageRule {
  readonly matcher: RegExp;
  readonly newName?: string;
  readonly newTag?: string;
  readonly digest?: string;
  readonly write: FieldWrite;
}

export function transformImages({ ctx, kustomization: k, resources }: TransformerInput): void {
  const rules = listField(k, 'images').map((entry, index, list) => toRule(k, entry, index, list));
  if (rules.length === 0) return;
  for (const r of resources) {
    if (kindOf(r) === 'CustomResourceDefinition') continue;
    visitContainers(r.object, (container) => {
      for (const rule of rules) {
        const image = container['image'];
        if (typeof image !== 'string' || !rule.matcher.test(image)) continue;
        container['image'] = updateImage(image, rule);
        ctx.provenance.record(container, 'image', rule.write);
      }
    });
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
  const newName = field('newName');
  const newTag = field('newTag');
  const digest = field('digest');
  // The line a user edits to change the image: the tag first, as it changes most often.
  const decisive = newTag !== undefined ? 'newTag' : digest !== undefined ? 'digest' : newName !== undefined ? 'newName' : 'name';
  return {
    // kustomize does not escape the name (api/internal/image/image.go IsImageMatched).
    matcher: new RegExp(`^${entry['name']}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`),
    newName,
    newTag,
    digest,
    write: { ...k.at(entry, decisive), operation: 'images' },
  };
}

/** Every `containers` and `initContainers` list at any depth, as kustomize's legacy image filter walks them. */
function visitContainers(node: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitContainers(item, visit);
    return;
  }
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const c of value) if (isRecord(c)) visit(c);
    }
    visitContainers(value, visit);
  }
}

/** Splits an image reference into name, tag and digest; a registry's `host:port/` is part of the name. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) return { name: image.slice(0, offset + at), tag: '', digest: image.slice(offset + at + 1) };
  if (at >= 0) return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1, offset + at), digest: image.slice(offset + at + 1) };
  return { name: image.slice(0, offset + colon), tag: image.slice(offset + colon + 1), digest: '' };
}

function updateImage(image: string, rule: ImageRule): string {
  let { name, tag, digest } = splitImage(image);
  if (rule.newName) name = rule.newName;
  if (rule.newTag && rule.digest) {
    tag = rule.newTag;
    digest = rule.digest;
  } else if (rule.newTag) {
    tag = rule.newTag;
    digest = '';
  } else if (rule.digest) {
    tag = '';
    digest = rule.digest;
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}
