import { diagnostic } from '../../result';
import { renderTree } from '../template/renderTree';
import { list, record, stringList } from '../values';
import type { GeneratorContext, Params } from './generatorTypes';
import { gitGenerator } from './gitGenerator';
import { clusterGenerator, listGenerator } from './listClusterGenerators';

const offline = ['scmProvider', 'pullRequest', 'clusterDecisionResource', 'plugin'];

/** The parameter sets of one generator entry (`{list: …}`, `{matrix: …}`, …). */
export async function generate(entry: Record<string, unknown>, ctx: GeneratorContext): Promise<Params[]> {
  if (entry['list'] !== undefined) return listGenerator(record(entry['list']), ctx);
  if (entry['clusters'] !== undefined) return clusterGenerator(record(entry['clusters']), ctx);
  if (entry['git'] !== undefined) return gitGenerator(record(entry['git']), ctx);
  if (entry['matrix'] !== undefined) return matrix(record(entry['matrix']), ctx);
  if (entry['merge'] !== undefined) return merge(record(entry['merge']), ctx);
  const kind = offline.find((k) => entry[k] !== undefined) ?? Object.keys(entry).join(', ');
  ctx.diagnostics.push(diagnostic(ctx.at.file, `${kind} generator needs a live Argo CD: not generated`, ctx.at, 'warning'));
  return [];
}

function combine(a: Params, b: Params, goTemplate: boolean): Params {
  if (!goTemplate) return { ...a, ...b };
  const out: Params = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlain(prev) && isPlain(v) ? combine(prev, v, true) : v;
  }
  return out;
}

function isPlain(v: unknown): v is Params {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Matrix: every pair of the two children's parameter sets. The second child may use the
 * first's parameters in its own definition (`path: '{{path}}/config.json'`), so it is
 * rendered once per set of the first, as Argo CD does.
 */
async function matrix(spec: Record<string, unknown>, ctx: GeneratorContext): Promise<Params[]> {
  const children = list(spec['generators']).map(record);
  if (children.length !== 2) {
    ctx.diagnostics.push(diagnostic(ctx.at.file, `matrix generator needs exactly 2 child generators, has ${children.length}`, ctx.at));
    return [];
  }
  const [first, second] = children as [Record<string, unknown>, Record<string, unknown>];
  const out: Params[] = [];
  for (const a of await generate(first, ctx)) {
    const interpolated = record(renderTree(second, a, { goTemplate: ctx.goTemplate, missingKeyError: false }));
    for (const b of await generate(interpolated, ctx)) out.push(combine(a, b, ctx.goTemplate));
  }
  return out;
}

function valueAt(params: Params, key: string, goTemplate: boolean): string {
  if (!goTemplate) return JSON.stringify(params[key] ?? null);
  let v: unknown = params;
  for (const part of key.split('.')) v = isPlain(v) ? v[part] : undefined;
  return JSON.stringify(v ?? null);
}

/** Merge: the first child is the base; later children override sets whose mergeKeys values match. */
async function merge(spec: Record<string, unknown>, ctx: GeneratorContext): Promise<Params[]> {
  const keys = stringList(spec['mergeKeys']);
  const children = list(spec['generators']).map(record);
  if (children.length < 2 || keys.length === 0) {
    ctx.diagnostics.push(diagnostic(ctx.at.file, 'merge generator needs mergeKeys and at least 2 child generators', ctx.at));
    return [];
  }
  const id = (p: Params): string => keys.map((k) => valueAt(p, k, ctx.goTemplate)).join('\u0000');
  const base = await generate(children[0] ?? {}, ctx);
  for (const child of children.slice(1)) {
    const overrides = new Map<string, Params>();
    for (const p of await generate(child, ctx)) if (!overrides.has(id(p))) overrides.set(id(p), p);
    base.forEach((p, i) => {
      const o = overrides.get(id(p));
      if (o) base[i] = combine(p, o, ctx.goTemplate);
    });
  }
  return base;
}
