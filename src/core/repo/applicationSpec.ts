import type { FileSystem } from '../ports';
import { isWithin, join, normalize } from '../paths';
import type { SourceLocation } from '../provenance';
import { diagnostic, type Diagnostic } from '../result';
import { findKustomizationFile } from '../kustomize/kustomization';
import type { AppModel, AppSource, ArgoDirectoryOptions, ArgoHelmOptions, ArgoKustomizeOptions, RenderKind, RepoMatch, SyncPolicy } from './model';
import { sameRepo } from './repoUrl';
import { list, meta, record, str, stringList, stringMap } from './values';

export interface AppContext {
  readonly fs: FileSystem;
  readonly root: string;
  readonly repoUrls: readonly string[];
}

/** Application fields Driftline reads, before destination and environment are resolved. */
export type ParsedApp = Omit<AppModel, 'context' | 'environment'>;

export async function parseApplication(ctx: AppContext, object: Record<string, unknown>, location: SourceLocation, extra: { generatedBy?: string; parent?: string } = {}): Promise<ParsedApp> {
  const m = meta(object);
  const spec = record(object['spec']);
  const diagnostics: Diagnostic[] = [];
  const rawSources = spec['sources'] !== undefined ? list(spec['sources']) : spec['source'] !== undefined ? [spec['source']] : [];
  if (rawSources.length === 0) diagnostics.push(diagnostic(location.file, `Application ${m.name}: no spec.source or spec.sources`, location));
  const sources: AppSource[] = [];
  for (const raw of rawSources) sources.push(await parseSource(ctx, record(raw), location, diagnostics));
  const dest = record(spec['destination']);
  const destination = { ...optional('server', str(dest['server'])), ...optional('name', str(dest['name'])), ...optional('namespace', str(dest['namespace'])) };
  return {
    name: m.name,
    ...(m.namespace ? { namespace: m.namespace } : {}),
    project: str(spec['project']) ?? 'default',
    labels: m.labels,
    location,
    ...(extra.generatedBy ? { generatedBy: extra.generatedBy } : {}),
    ...(extra.parent ? { parent: extra.parent } : {}),
    sources,
    destination,
    syncPolicy: syncPolicyOf(record(spec['syncPolicy'])),
    ignoreDifferences: list(spec['ignoreDifferences']),
    diagnostics,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Argo CD 3 adds `automated.enabled: false` to keep the settings but switch automation off. */
export function syncPolicyOf(policy: Record<string, unknown>): SyncPolicy {
  const automated = policy['automated'];
  const on = automated !== undefined && automated !== null && record(automated)['enabled'] !== false;
  const a = record(automated);
  return { automated: on, prune: on && a['prune'] === true, selfHeal: on && a['selfHeal'] === true, syncOptions: stringList(policy['syncOptions']) };
}

async function parseSource(ctx: AppContext, source: Record<string, unknown>, at: SourceLocation, diagnostics: Diagnostic[]): Promise<AppSource> {
  const repoURL = str(source['repoURL']) ?? '';
  const path = str(source['path']);
  const chart = str(source['chart']);
  const ref = str(source['ref']);
  const targetRevision = str(source['targetRevision']) || 'HEAD';
  const repo: RepoMatch = ctx.repoUrls.length === 0 ? 'assumed' : ctx.repoUrls.some((u) => sameRepo(u, repoURL)) ? 'this' : 'other';
  const base = { repoURL, targetRevision, repo, ...optional('path', path), ...optional('chart', chart), ...optional('ref', ref) };
  const kustomize = kustomizeOptions(record(source['kustomize']));
  const helm = source['helm'] !== undefined || chart ? helmOptions(record(source['helm'])) : undefined;
  const directory = source['directory'] !== undefined ? directoryOptions(record(source['directory'])) : undefined;
  const options = { ...(kustomize ? { kustomize } : {}), ...(helm ? { helm } : {}), ...(directory ? { directory } : {}) };
  if (chart) return { ...base, ...options, kind: 'helm' };
  // A `ref` source lends the repository root to other sources' `$ref/...` value files.
  if (path === undefined && ref && repo !== 'other') return { ...base, ...options, dir: ctx.root };
  if (path === undefined || repo === 'other') return { ...base, ...options };
  const dir = normalize(join(ctx.root, path));
  if (!isWithin(ctx.root, dir)) {
    diagnostics.push(diagnostic(at.file, `source path ${path} leaves the repository`, at));
    return { ...base, ...options };
  }
  if ((await ctx.fs.stat(dir)) !== 'directory') {
    // Unknown remote URL and no such directory: most likely another repository.
    if (repo === 'assumed') return { ...base, ...options, repo: 'other' };
    diagnostics.push(diagnostic(at.file, `source path ${path} does not exist in this repository`, at));
    return { ...base, ...options };
  }
  return { ...base, ...options, dir, kind: await detectKind(ctx.fs, dir, options) };
}

/** Argo CD's choice: explicit options first, then Chart.yaml, then a kustomization, else plain directory. */
async function detectKind(fs: FileSystem, dir: string, options: { kustomize?: unknown; helm?: unknown; directory?: unknown }): Promise<RenderKind> {
  if (options.helm) return 'helm';
  if (options.kustomize) return 'kustomize';
  if (options.directory) return 'directory';
  if ((await fs.stat(join(dir, 'Chart.yaml'))) === 'file') return 'helm';
  try {
    if (await findKustomizationFile(fs, dir)) return 'kustomize';
  } catch {
    return 'kustomize'; // several kustomization files: the render reports it
  }
  return 'directory';
}

function kustomizeOptions(k: Record<string, unknown>): ArgoKustomizeOptions | undefined {
  if (Object.keys(k).length === 0) return undefined;
  const replicas = list(k['replicas']).map(record).map((r) => ({ name: str(r['name']) ?? '', count: Number(str(r['count']) ?? NaN) }));
  return {
    ...optional('namePrefix', str(k['namePrefix'])),
    ...optional('nameSuffix', str(k['nameSuffix'])),
    ...optional('namespace', str(k['namespace'])),
    ...(k['images'] !== undefined ? { images: stringList(k['images']) } : {}),
    ...(k['commonLabels'] !== undefined ? { commonLabels: stringMap(k['commonLabels']) } : {}),
    ...(k['commonAnnotations'] !== undefined ? { commonAnnotations: stringMap(k['commonAnnotations']) } : {}),
    ...(k['patches'] !== undefined ? { patches: list(k['patches']) } : {}),
    ...(replicas.length > 0 ? { replicas } : {}),
    ...(k['components'] !== undefined ? { components: stringList(k['components']) } : {}),
  };
}

function helmOptions(h: Record<string, unknown>): ArgoHelmOptions {
  const valuesObject = h['valuesObject'];
  const values = str(h['values']) ?? (valuesObject !== undefined ? JSON.stringify(valuesObject) : undefined);
  return {
    ...optional('releaseName', str(h['releaseName'])),
    valueFiles: stringList(h['valueFiles']),
    ...(values !== undefined ? { values } : {}),
    parameters: list(h['parameters']).map(record).map((p) => ({ name: str(p['name']) ?? '', value: str(p['value']) ?? '', ...(p['forceString'] === true ? { forceString: true } : {}) })),
  };
}

function directoryOptions(d: Record<string, unknown>): ArgoDirectoryOptions {
  return { recurse: d['recurse'] === true, ...optional('include', str(d['include'])), ...optional('exclude', str(d['exclude'])) };
}
