import type { FieldWrite, SourceLocation } from '../../provenance';
import { isWithin, resolve } from '../../paths';
import { RenderError, diagnostic } from '../../result';
import { decodeUtf8Strict, utf8Bytes } from '../../crypto/utf8';
import type { BuildContext } from '../loader';
import type { Kustomization } from '../kustomization';
import type { GeneratorEntry, LocatedSource } from './generatorEntry';
import { parseEnvFile } from './envFile';
import { parseFileSource } from './fileSource';
import { parseLiteralSource } from './literalSource';

// The key/value pairs of a generator, in kustomize's order (api/kv/kv.go Load): env files,
// then literals, then files. A repeated key is an error (generators/utils.go).

export interface KvPair {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** The value as text when the bytes are valid UTF-8. */
  readonly text: string | undefined;
  /** Where the value was written: the literal, the env file line, or the whole file. */
  readonly write: FieldWrite;
  /** The kustomization entry that brought it in, where errors point. */
  readonly at: SourceLocation;
}

export async function loadKvPairs(ctx: BuildContext, k: Kustomization, entry: GeneratorEntry): Promise<KvPair[]> {
  const pairs: KvPair[] = [];
  /** Where each key was first set, to say so when it is repeated. */
  const seen = new Map<string, string>();
  const add = (pair: KvPair, where: string): void => {
    const first = seen.get(pair.key);
    if (first !== undefined) {
      // An env file's line is not the kustomization line the error points at, so name it.
      const here = pair.write.file === k.file ? '' : ` at ${where}`;
      throw new RenderError(diagnostic(k.file, `${entry.field} '${entry.name}' repeats the key '${pair.key}'${here} (first set by ${first})`, pair.at));
    }
    seen.set(pair.key, where);
    pairs.push(pair);
  };
  for (const source of entry.envs) {
    const path = checkedPath(k, source.text, source);
    const parsed = parseEnvFile(await readSource(ctx, k, path, `env file '${source.text}'`, source));
    if (!parsed.ok) throw new RenderError(diagnostic(k.file, `env file '${source.text}' line ${parsed.line} ${parsed.message}`, source.at));
    for (const p of parsed.pairs) {
      const write = { file: path, line: p.line, column: p.column, operation: 'generator' };
      add({ key: p.key, bytes: utf8Bytes(p.value), text: p.value, write, at: source.at }, `${source.text} line ${p.line}`);
    }
  }
  for (const source of entry.literals) {
    const parsed = parseLiteralSource(source.text);
    if (!parsed.ok) throw new RenderError(diagnostic(k.file, parsed.message, source.at));
    add({ key: parsed.key, bytes: utf8Bytes(parsed.value), text: parsed.value, write: { ...source.at, operation: 'generator' }, at: source.at }, `the literal on line ${source.at.line}`);
  }
  for (const source of entry.files) {
    const parsed = parseFileSource(source.text);
    if (!parsed.ok) throw new RenderError(diagnostic(k.file, parsed.message, source.at));
    const path = checkedPath(k, parsed.path, source);
    const bytes = await readSource(ctx, k, path, `file '${parsed.path}'`, source);
    add({ key: parsed.key, bytes, text: decodeUtf8Strict(bytes), write: { file: path, line: 1, column: 1, operation: 'generator' }, at: source.at }, `file '${parsed.path}'`);
  }
  return pairs;
}

/** kustomize's default load restrictor: generator files must be in or below the kustomization directory. */
function checkedPath(k: Kustomization, relativePath: string, source: LocatedSource): string {
  if (/^https?:\/\//.test(relativePath)) {
    throw new RenderError(diagnostic(k.file, `remote file '${relativePath}' is not read in-process; enable the external renderer`, source.at));
  }
  const path = resolve(k.dir, relativePath);
  if (!isWithin(k.dir, path)) {
    throw new RenderError(diagnostic(k.file, `security; file '${relativePath}' is not in or below the kustomization directory`, source.at));
  }
  return path;
}

async function readSource(ctx: BuildContext, k: Kustomization, path: string, shown: string, source: LocatedSource): Promise<Uint8Array> {
  const kind = await ctx.fs.stat(path);
  if (kind === 'directory') throw new RenderError(diagnostic(k.file, `${shown} is a directory`, source.at));
  const bytes = kind === 'file' ? await readBytes(ctx, path) : undefined;
  if (bytes === undefined) throw new RenderError(diagnostic(k.file, `${shown} not found`, source.at));
  return bytes;
}

async function readBytes(ctx: BuildContext, path: string): Promise<Uint8Array | undefined> {
  if (ctx.fs.readBytes) return ctx.fs.readBytes(path);
  const text = await ctx.fs.readFile(path);
  return text === undefined ? undefined : utf8Bytes(text);
}
