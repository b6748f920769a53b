import { resolve } from '../../paths';
import { Provenance, type SourceLocation } from '../../provenance';
import { RenderError, diagnostic } from '../../result';
import { parseTracked, type OverriddenKey, type ScalarMode } from '../../yaml/trackedParse';
import { overriddenWarning, type Kustomization } from '../kustomization';
import type { BuildContext } from '../loader';
import { checkFileWithinRoot } from '../validation/loadRules';
import { inlineLocator } from './inlineLocator';
import { trackedClone, type Relocate } from './trackedClone';
import { markDuplicateKey } from './duplicateKeyMarks';

/** A patch's text and where its positions are in the workspace. */
export interface PatchSource {
  readonly text: string;
  /** Turns positions in `text` into positions in the file the user edits. */
  readonly relocate: Relocate;
  /** The kustomization entry that declared the patch, for errors about it as a whole. */
  readonly entryAt: SourceLocation;
}

/** A YAML document of a patch; its keys are tracked (operation `patch`) in the render's provenance. */
export interface PatchDocument {
  readonly value: unknown;
  readonly location: SourceLocation;
}

/** An inline patch: a string written at `at` in the kustomization. */
export async function inlineSource(ctx: BuildContext, k: Kustomization, text: string, at: SourceLocation): Promise<PatchSource> {
  let locate = locators.get(k);
  if (!locate) {
    locate = inlineLocator(k.file, (await ctx.fs.readFile(k.file)) ?? '');
    locators.set(k, locate);
  }
  return { text, relocate: locate(at), entryAt: at };
}

/** The kustomization file's scalars, indexed once per kustomization. */
const locators = new WeakMap<Kustomization, (at: SourceLocation) => Relocate>();

/** A patch file named relative to the kustomization's directory. */
export async function fileSource(ctx: BuildContext, k: Kustomization, path: string, at: SourceLocation): Promise<PatchSource> {
  const file = resolve(k.dir, path);
  checkFileWithinRoot(k, file, path, at);
  const text = await ctx.fs.readFile(file);
  if (text === undefined) throw new RenderError(diagnostic(k.file, `patch file '${path}' not found`, at));
  return { text, relocate: (w) => ({ ...w, file }), entryAt: at };
}

/**
 * The source's documents, or a located error for invalid YAML. Strategic merge patches
 * read like resources (`patch`); JSON 6902 operations like yaml.v2 (`yaml11`).
 *
 * A key written twice: kustomize decodes JSON 6902 operations through JSON, so the later
 * one wins; a strategic merge patch is read as kyaml finds fields, the first one winning
 * (duplicateKeyMarks.ts says when kubectl fails on it instead). Either way a warning.
 */
export function parseSource(ctx: BuildContext, source: PatchSource, scalars: ScalarMode = 'patch'): PatchDocument[] {
  // Cached by text: inline patches have no file of their own, and positions are relocated below.
  const { scratch, parsed, overridden } = memoParse(ctx, `patch:${scalars}`, source.text, () => {
    const positions = new Provenance();
    const twice: OverriddenKey[] = [];
    const duplicateKeys = scalars === 'yaml11' ? 'last' : 'first';
    const result = parseTracked('', source.text, positions, 'patch', { scalars, duplicateKeys, overridden: twice });
    for (const { map, key, ignored, kept } of twice) {
      if (duplicateKeys === 'first') markDuplicateKey(map, { key, again: { ...ignored, operation: 'patch' }, first: { ...kept, operation: 'patch' } });
    }
    return { scratch: positions, parsed: result, overridden: twice };
  });
  const locate = (at: SourceLocation): SourceLocation => {
    const { file, line, column } = source.relocate({ ...at, operation: 'patch' });
    return { file, line, column };
  };
  if (!parsed.ok) {
    const [first] = parsed.error;
    const at = first ? locate({ file: '', line: first.line, column: first.column }) : undefined;
    throw new RenderError(diagnostic(at?.file ?? '', first?.message ?? 'invalid YAML', at));
  }
  // A patch is parsed as strategic merge first, then again as operations: one warning each.
  const operations = parsed.value.every((doc) => Array.isArray(doc.value));
  if (operations === (scalars === 'yaml11')) {
    for (const { key, ignored, kept } of overridden) ctx.warnings.push(overriddenWarning({ key, ignored: locate(ignored), kept: locate(kept) }));
  }
  return parsed.value.map((doc) => ({ value: trackedClone(doc.value, scratch, ctx.provenance, source.relocate), location: locate(doc.location) }));
}

/** kustomize decodes a patch starting with '[' as JSON, not YAML: a YAML flow list there is an error. */
export function checkJsonText(source: PatchSource): void {
  if (!source.text.startsWith('[')) return;
  try {
    JSON.parse(source.text);
  } catch {
    throw new RenderError(diagnostic(source.entryAt.file, "unable to parse the patch: text starting with '[' must be JSON 6902 operations in JSON (quote the keys) or YAML starting with '- op:'", source.entryAt));
  }
}

function memoParse<T>(ctx: BuildContext, kind: string, text: string, build: () => T): T {
  return ctx.parseCache ? ctx.parseCache.memo(kind, text, text, build) : build();
}
