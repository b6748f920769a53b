import { parseAllDocuments } from 'yaml';
import { basename, dirname, join } from '../../paths';
import { diagnostic } from '../../result';
import { isRecord } from '../../fieldPath';
import { matchGlob } from '../glob';
import { sameRepo } from '../repoUrl';
import { flattenParams } from '../template/fastTemplate';
import { normalizeName } from '../template/goTemplateFuncs';
import { list, record, str } from '../values';
import type { GeneratorContext, Params } from './generatorTypes';

/** `path` parameters of a directory (or of a file's directory), as Argo CD names them. */
function pathParams(dir: string, file: string | undefined, ctx: GeneratorContext, prefix: string): Params {
  const segments = dir === '' ? [] : dir.split('/');
  const base = basename(dir === '' ? '.' : dir);
  const nested: Record<string, unknown> = { path: dir, basename: base, basenameNormalized: normalizeName(base), segments };
  if (file !== undefined) Object.assign(nested, { filename: file, filenameNormalized: normalizeName(file) });
  if (ctx.goTemplate) return prefix ? { [prefix]: { path: nested } } : { path: nested };
  const key = prefix ? `${prefix}.path` : 'path';
  const flat: Record<string, string> = { [key]: dir, [`${key}.basename`]: base, [`${key}.basenameNormalized`]: normalizeName(base) };
  if (file !== undefined) Object.assign(flat, { [`${key}.filename`]: file, [`${key}.filenameNormalized`]: normalizeName(file) });
  segments.forEach((s, i) => (flat[`${key}[${i}]`] = s));
  return flat;
}

function includedBy(path: string, patterns: ReadonlyArray<{ path: string; exclude: boolean }>): boolean {
  const positive = patterns.filter((p) => !p.exclude);
  return positive.some((p) => matchGlob(p.path, path)) && !patterns.some((p) => p.exclude && matchGlob(p.path, path));
}

/** Git generator, directories and files, over this repository's working tree (not the remote at `revision`). */
export async function gitGenerator(spec: Record<string, unknown>, ctx: GeneratorContext): Promise<Params[]> {
  const repoURL = str(spec['repoURL']) ?? '';
  if (ctx.repoUrls.length > 0 && !ctx.repoUrls.some((u) => sameRepo(u, repoURL))) {
    ctx.diagnostics.push(diagnostic(ctx.at.file, `git generator reads ${repoURL}, another repository: not generated`, ctx.at, 'warning'));
    return [];
  }
  const prefix = str(spec['pathParamPrefix']) ?? '';
  const values = record(spec['values']);
  const withValues = (p: Params): Params => (Object.keys(values).length === 0 ? p : ctx.goTemplate ? { ...p, values } : { ...p, ...flattenParams({ values }) });
  const out: Params[] = [];
  if (spec['directories'] !== undefined) {
    const patterns = list(spec['directories']).map(record).map((d) => ({ path: str(d['path']) ?? '', exclude: d['exclude'] === true }));
    for (const dir of ctx.repoDirs) if (includedBy(dir, patterns)) out.push(withValues(pathParams(dir, undefined, ctx, prefix)));
  }
  for (const entry of list(spec['files']).map(record)) {
    const pattern = str(entry['path']) ?? '';
    if (entry['exclude'] === true) continue;
    const excluded = list(spec['files']).map(record).filter((e) => e['exclude'] === true).map((e) => str(e['path']) ?? '');
    for (const file of ctx.repoFiles) {
      if (!matchGlob(pattern, file) || excluded.some((x) => matchGlob(x, file))) continue;
      for (const data of await readParamFile(ctx, file)) {
        const dir = dirname(file) === '.' ? '' : dirname(file);
        const path = pathParams(dir, basename(file), ctx, prefix);
        out.push(withValues(ctx.goTemplate ? { ...data, ...path } : { ...flattenParams(data), ...path }));
      }
    }
  }
  return out;
}

/** A JSON or YAML file: one object is one parameter set, a list gives one per item. */
async function readParamFile(ctx: GeneratorContext, file: string): Promise<Record<string, unknown>[]> {
  const text = (await ctx.fs.readFile(join(ctx.root, file))) ?? '';
  const docs = parseAllDocuments(text);
  const out: Record<string, unknown>[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      ctx.diagnostics.push(diagnostic(join(ctx.root, file), `git files generator: invalid YAML/JSON: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`));
      return [];
    }
    const value: unknown = doc.toJS();
    for (const item of Array.isArray(value) ? value : [value]) if (isRecord(item)) out.push(item);
  }
  return out;
}
