import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { listField, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import type { TransformerInput } from '../transformers/pipeline';
import type { PatchOptions } from './applyStrategicMerge';
import { applyJsonTo, applyStrategicTo, resourceForPatch } from './applyPatch';
import { classifyPatch, type ClassifiedPatch } from './classifyPatch';
import { parseTarget } from './patchTarget';
import { checkJsonText, fileSource, inlineSource, parseSource, type PatchSource } from './patchSource';

// The `patches` field (api/internal/builtins/PatchTransformer.go): each entry is an
// inline `patch` or a `path`, strategic merge or JSON 6902, applied to its `target`
// selection or, for strategic merge without target, to the resource with the patch's id.

export async function transformPatches({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const entries = listField(k, 'patches');
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (!isRecord(entry)) throw new RenderError(diagnostic(k.file, 'a patches entry must be a mapping with patch or path', at));
    const source = await entrySource(ctx, k, entry, at, 'patch');
    const patch = classify(source, parseSource(ctx, source));
    checkJsonText(source);
    const options = patchOptions(k, entry);
    const target = entry['target'] === undefined || entry['target'] === null ? undefined : parseTarget(k, entry['target'], k.at(entry, 'target'));
    if (patch.kind === 'json6902') {
      if (!target) throw new RenderError(diagnostic(k.file, 'a JSON 6902 patch needs a target', at));
      // Parsed again: operations read their values as yaml.v2 does, not as resources do.
      const operations = classifyPatch(parseSource(ctx, source, 'yaml11'));
      applyJsonTo(ctx, resources.filter(target.matches), operations?.kind === 'json6902' ? operations.operations : patch.operations, source.entryAt);
      continue;
    }
    if (!target) {
      for (const p of patch.patches) applyStrategicTo(ctx, resources, [resourceForPatch(resources, p)], p, options);
      continue;
    }
    const [single, ...more] = patch.patches;
    if (!single || more.length > 0) {
      throw new RenderError(diagnostic(k.file, 'a patch with a target must hold a single strategic merge patch, not several documents', k.at(entry, 'target')));
    }
    applyStrategicTo(ctx, resources, resources.filter(target.matches), single, options);
  }
}

/** The entry's inline `patch` or its `path` file; exactly one of them, as kustomize requires. */
export async function entrySource(ctx: BuildContext, k: Kustomization, entry: Record<string, unknown>, at: { line: number; column: number }, inlineKey: string): Promise<PatchSource> {
  const inline = stringOf(k, entry, inlineKey);
  const path = stringOf(k, entry, 'path');
  const hasInline = inline !== undefined && inline.trim() !== '';
  const hasPath = path !== undefined && path !== '';
  if (hasInline && hasPath) throw new RenderError(diagnostic(k.file, `${inlineKey} and path can't be set at the same time`, k.at(entry, 'path')));
  if (hasPath) return fileSource(ctx, k, path, k.at(entry, 'path'));
  if (!hasInline) throw new RenderError(diagnostic(k.file, `must specify one of ${inlineKey} and path`, at));
  return inlineSource(ctx, k, inline, k.at(entry, inlineKey));
}

function stringOf(k: Kustomization, entry: Record<string, unknown>, key: string): string | undefined {
  const v = entry[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RenderError(diagnostic(k.file, `${key} must be a string`, k.at(entry, key)));
  return v;
}

function classify(source: PatchSource, documents: ReturnType<typeof parseSource>): ClassifiedPatch {
  const patch = classifyPatch(documents);
  if (patch) return patch;
  const at = documents[0]?.location ?? source.entryAt;
  throw new RenderError(
    diagnostic(at.file, 'unable to parse the patch as strategic merge (an object with kind and metadata.name) or JSON 6902 (a list of operations)', at),
  );
}

function patchOptions(k: Kustomization, entry: Record<string, unknown>): PatchOptions {
  const options = entry['options'];
  if (options === undefined || options === null) return { allowNameChange: false, allowKindChange: false };
  if (!isRecord(options)) throw new RenderError(diagnostic(k.file, 'patch options must be a mapping', k.at(entry, 'options')));
  return { allowNameChange: options['allowNameChange'] === true, allowKindChange: options['allowKindChange'] === true };
}
