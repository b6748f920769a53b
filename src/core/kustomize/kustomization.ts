import { LineCounter } from 'yaml';
import type { FileSystem } from '../ports';
import { Provenance, type SourceLocation } from '../provenance';
import { join } from '../paths';
import { parseTracked, type OverriddenKey, type SyntaxTree } from '../yaml/trackedParse';
import type { ParseCache } from '../yaml/parseCache';
import { isRecord } from '../fieldPath';
import { RenderError, diagnostic, type Diagnostic } from '../result';
import { validateKustomization, type NonStringKey } from './validation/validateKustomization';
import { applyKeyRenames, type ShadowedSpelling } from './validation/keyRenames';
import { checkKustomizationHeader } from './validation/typeMeta';

export const kustomizationFileNames = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** A parsed kustomization file; `at` locates any of its fields for diagnostics and provenance. */
export interface Kustomization {
  readonly file: string;
  readonly dir: string;
  readonly data: Record<string, unknown>;
  /** Where `parent[key]` was written in the kustomization file. */
  at(parent: object, key: string | number): SourceLocation;
  /** What kubectl accepts but the user should hear about (a key written twice), once per render that reads this layer. */
  readonly warnings: readonly Diagnostic[];
  /** Label and annotation keys kubectl reads as no string: an error if they reach the output (printableKeys.ts). */
  readonly nonStringKeys: readonly NonStringKey[];
}

/** The kustomization file in `dir`, or undefined when the directory has none. */
export async function findKustomizationFile(fs: FileSystem, dir: string): Promise<string | undefined> {
  const found: string[] = [];
  for (const name of kustomizationFileNames) {
    if ((await fs.stat(join(dir, name))) === 'file') found.push(name);
  }
  if (found.length > 1) {
    throw new RenderError(diagnostic(join(dir, found[1] ?? ''), `found multiple kustomization files: ${found.join(', ')}; kubectl refuses to choose, delete one`, { line: 1, column: 1 }));
  }
  return found[0] === undefined ? undefined : join(dir, found[0]);
}

/** What loadLayer needs of a render's context. */
export interface LayerSource {
  readonly fs: FileSystem;
  readonly parseCache?: ParseCache;
  /** The render's warnings, which a layer's own warnings join when it is first loaded. */
  readonly warnings?: Diagnostic[];
}

const loadedByRender = new WeakMap<LayerSource, Map<string, Promise<Kustomization | undefined>>>();

/** Every layer the render `ctx` has loaded so far. */
export function loadedLayers(ctx: LayerSource): Promise<(Kustomization | undefined)[]> {
  return Promise.all(loadedByRender.get(ctx)?.values() ?? []);
}

/**
 * loadKustomization, once per directory and render: the loader, the transformer config and
 * the components all ask for the same layers, and each ask costs three stats and a read.
 */
export function loadLayer(ctx: LayerSource, dir: string): Promise<Kustomization | undefined> {
  let loaded = loadedByRender.get(ctx);
  if (!loaded) loadedByRender.set(ctx, (loaded = new Map()));
  let k = loaded.get(dir);
  if (!k) {
    k = loadKustomization(ctx.fs, dir, ctx.parseCache).then((layer) => {
      if (layer && ctx.warnings) ctx.warnings.push(...layer.warnings);
      return layer;
    });
    loaded.set(dir, k);
  }
  return k;
}

/** With a cache, an unchanged file yields the same (read-only) Kustomization as the last render. */
export async function loadKustomization(fs: FileSystem, dir: string, cache?: ParseCache): Promise<Kustomization | undefined> {
  const file = await findKustomizationFile(fs, dir);
  if (!file) return undefined;
  const text = (await fs.readFile(file)) ?? '';
  return cache ? cache.memo('kustomization', file, text, () => parseKustomization(file, dir, text)) : parseKustomization(file, dir, text);
}

function parseKustomization(file: string, dir: string, text: string): Kustomization {
  const positions = new Provenance();
  const syntax: SyntaxTree = { documents: [], lineCounter: new LineCounter() };
  // kubectl decodes a kustomization through JSON: of a key written twice, the later one wins.
  const overridden: OverriddenKey[] = [];
  const parsed = parseTracked(file, text, positions, 'kustomization', { syntax, duplicateKeys: 'last', overridden });
  if (!parsed.ok) throw new RenderError(parsed.error[0] ?? diagnostic(file, 'invalid YAML'));
  const data = parsed.value[0]?.value ?? {};
  if (!isRecord(data)) throw new RenderError(diagnostic(file, 'a kustomization must be a YAML mapping', parsed.value[0]?.location));
  const fileStart: SourceLocation = { file, line: 1, column: 1 };
  // kubectl's strict decoding: unknown fields, wrong types, empty file, kind/apiVersion.
  const { renames, nonStringKeys } = validateKustomization(file, text, { doc: syntax.documents[0], lineCounter: syntax.lineCounter });
  const shadowed: ShadowedSpelling[] = [];
  const aliases = applyKeyRenames(data, renames, shadowed);
  const at = (parent: object, key: string | number): SourceLocation => positions.of(parent, aliases.get(parent)?.get(key) ?? key)[0] ?? fileStart;
  checkKustomizationHeader(file, data, (key) => (key === '' ? fileStart : at(data, key)));
  const warnings = overridden.map(overriddenWarning);
  for (const { node, ignored, kept } of shadowed) {
    const [ignoredAt, keptAt] = [positions.of(node, ignored)[0] ?? fileStart, positions.of(node, kept)[0] ?? fileStart];
    warnings.push(diagnostic(file, `"${ignored}" and "${kept}" set the same field; kubectl uses "${kept}" (line ${keptAt.line}) and ignores this one`, ignoredAt, 'warning'));
  }
  return { file, dir, data, at, warnings, nonStringKeys };
}

/** A key written twice, located at the one kubectl ignores. */
export function overriddenWarning({ key, ignored, kept }: Pick<OverriddenKey, 'key' | 'ignored' | 'kept'>): Diagnostic {
  const which = kept.line < ignored.line || (kept.line === ignored.line && kept.column < ignored.column) ? 'earlier' : 'later';
  return diagnostic(ignored.file, `"${key}" is written twice in this mapping; kubectl uses the ${which} one (line ${kept.line}) and ignores this one`, ignored, 'warning');
}

/** A list field of the kustomization; a located error when it has the wrong shape. */
export function listField(k: Kustomization, field: string): unknown[] {
  const v = k.data[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new RenderError(diagnostic(k.file, `${field} must be a list`, k.at(k.data, field)));
  return v;
}

export function stringField(k: Kustomization, field: string): string | undefined {
  const v = k.data[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RenderError(diagnostic(k.file, `${field} must be a string`, k.at(k.data, field)));
  return v;
}
