import { Provenance, type SourceLocation } from '../../provenance';
import { isWithin, resolve } from '../../paths';
import { isRecord } from '../../fieldPath';
import { parseTracked, type OverriddenKey } from '../../yaml/trackedParse';
import { RenderError, diagnostic } from '../../result';
import { listField, overriddenWarning, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';

/** One replacement, with where it was written (the kustomization or a `path:` file). */
export interface ReplacementEntry {
  readonly value: Record<string, unknown>;
  readonly file: string;
  readonly at: SourceLocation;
  /** Locates a field of `value` (or of anything inside it) for messages. */
  readonly locate: (parent: object, key: string | number) => SourceLocation;
}

/**
 * The kustomization's replacements in order, `path:` entries expanded in place: the
 * file holds one replacement or a list (api/internal/builtins/ReplacementTransformer.go).
 */
export async function loadReplacements(ctx: BuildContext, k: Kustomization): Promise<ReplacementEntry[]> {
  const entries = listField(k, 'replacements');
  const out: ReplacementEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (!isRecord(entry)) throw new RenderError(diagnostic(k.file, 'a replacements entry must be a mapping', at));
    const path = entry['path'];
    if (typeof path !== 'string' || path === '') {
      out.push({ value: entry, file: k.file, at, locate: (p, key) => k.at(p, key) });
      continue;
    }
    if (entry['source'] !== undefined || entry['targets'] !== undefined) {
      throw new RenderError(diagnostic(k.file, 'cannot specify both path and inline replacement', at));
    }
    out.push(...(await loadReplacementFile(ctx, k, path, k.at(entry, 'path'))));
  }
  return out;
}

async function loadReplacementFile(ctx: BuildContext, k: Kustomization, path: string, at: SourceLocation): Promise<ReplacementEntry[]> {
  const file = resolve(k.dir, path);
  // kustomize's default load restrictor: files must be inside the kustomization's directory.
  if (!isWithin(k.dir, file)) throw new RenderError(diagnostic(k.file, `replacements file '${path}' is outside the kustomization directory ${k.dir}`, at));
  const text = await ctx.fs.readFile(file);
  if (text === undefined) throw new RenderError(diagnostic(k.file, `replacements file '${path}' not found`, at));
  const positions = new Provenance();
  // Decoded through JSON, as a kustomization is: of a key written twice, the later one wins.
  const overridden: OverriddenKey[] = [];
  const parsed = parseTracked(file, text, positions, 'replacement', { duplicateKeys: 'last', overridden });
  ctx.warnings.push(...overridden.map(overriddenWarning));
  if (!parsed.ok) throw new RenderError(parsed.error[0] ?? diagnostic(file, 'invalid YAML'));
  const doc = parsed.value[0];
  const fileStart: SourceLocation = { file, line: 1, column: 1 };
  const locate = (p: object, key: string | number): SourceLocation => positions.of(p, key)[0] ?? fileStart;
  if (!doc || doc.value === null) return [];
  const items = Array.isArray(doc.value) ? doc.value : [doc.value];
  return items.map((item, i) => {
    if (!isRecord(item)) throw new RenderError(diagnostic(file, 'a replacement must be a mapping', Array.isArray(doc.value) ? locate(doc.value, i) : doc.location));
    return { value: item, file, at: Array.isArray(doc.value) ? locate(doc.value, i) : doc.location, locate };
  });
}
