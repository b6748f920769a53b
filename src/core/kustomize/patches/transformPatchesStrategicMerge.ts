import { RenderError, diagnostic } from '../../result';
import { listField, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import type { TransformerInput } from '../transformers/pipeline';
import { applyStrategicTo, noOptions, resourceForPatch } from './applyPatch';
import { isStrategic, type StrategicPatch } from './classifyPatch';
import { fileSource, inlineSource, parseSource } from './patchSource';

// The deprecated `patchesStrategicMerge` (api/internal/builtins/PatchStrategicMergeTransformer.go):
// each entry is inline YAML when it parses as patch objects, else a file path; every
// patch applies to the resource with its id.

export async function transformPatchesStrategicMerge({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const entries = listField(k, 'patchesStrategicMerge');
  if (entries.length === 0) return;
  ctx.warnings.push(diagnostic(k.file, "'patchesStrategicMerge' is deprecated; use 'patches' instead", k.at(k.data, 'patchesStrategicMerge'), 'warning'));
  const patches: StrategicPatch[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (typeof entry !== 'string' || entry.trim() === '') throw new RenderError(diagnostic(k.file, 'a patchesStrategicMerge entry must be a file path or an inline patch', at));
    patches.push(...(await loadEntry(ctx, k, entry, at)));
  }
  for (const p of patches) applyStrategicTo(ctx, resources, [resourceForPatch(resources, p)], p, noOptions);
}

async function loadEntry(ctx: BuildContext, k: Kustomization, entry: string, at: { line: number; column: number }): Promise<StrategicPatch[]> {
  // kustomize first reads the entry as patch YAML, then as a file path; text over several lines is never a path.
  const inline = parseSource(ctx, await inlineSource(ctx, k, entry, { file: k.file, ...at })).filter((d) => d.value !== null);
  const isInline = entry.includes('\n') || (inline.length > 0 && inline.every((d) => isStrategic(d.value)));
  const documents = isInline ? inline : parseSource(ctx, await fileSource(ctx, k, entry, { file: k.file, ...at }));
  const present = documents.filter((d) => d.value !== null);
  const bad = present.find((d) => !isStrategic(d.value));
  if (bad) throw new RenderError(diagnostic(bad.location.file, 'a strategic merge patch needs kind and metadata.name', bad.location));
  if (present.length === 0) throw new RenderError(diagnostic(k.file, `patch '${entry}' is empty`, at));
  return present.map((d) => ({ value: d.value as Record<string, unknown>, location: d.location }));
}
