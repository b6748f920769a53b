import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { listField } from '../kustomization';
import type { TransformerInput } from '../transformers/pipeline';
import { applyJsonTo } from './applyPatch';
import { classifyPatch } from './classifyPatch';
import { parseTarget } from './patchTarget';
import { checkJsonText, parseSource } from './patchSource';
import { entrySource } from './transformPatches';

// The deprecated `patchesJson6902` (api/internal/builtins/PatchJson6902Transformer.go):
// `{target, path | patch}` with JSON 6902 operations only; the target must name a resource.

export async function transformPatchesJson6902({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const entries = listField(k, 'patchesJson6902');
  if (entries.length === 0) return;
  ctx.warnings.push(diagnostic(k.file, "'patchesJson6902' is deprecated; use 'patches' instead", k.at(k.data, 'patchesJson6902'), 'warning'));
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (!isRecord(entry)) throw new RenderError(diagnostic(k.file, 'a patchesJson6902 entry must be a mapping with target and path or patch', at));
    const target = entry['target'];
    if (!isRecord(target) || typeof target['name'] !== 'string' || target['name'] === '') {
      throw new RenderError(diagnostic(k.file, 'must specify the target name', isRecord(target) ? k.at(entry, 'target') : at));
    }
    const source = await entrySource(ctx, k, entry, at, 'patch');
    checkJsonText(source);
    const documents = parseSource(ctx, source, 'yaml11');
    const patch = classifyPatch(documents);
    if (patch?.kind !== 'json6902') {
      const where = documents[0]?.location ?? source.entryAt;
      throw new RenderError(diagnostic(where.file, 'a patchesJson6902 patch must be a list of JSON 6902 operations', where));
    }
    if (patch.operations.length === 0) throw new RenderError(diagnostic(source.entryAt.file, 'no operation is found in the patch', source.entryAt));
    applyJsonTo(ctx, resources.filter(parseTarget(k, target, k.at(entry, 'target')).matches), patch.operations, source.entryAt, false);
  }
}
