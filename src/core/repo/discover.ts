import type { FileSystem } from '../ports';
import { isWithin, join, normalize, relative } from '../paths';
import type { Diagnostic } from '../result';
import { parseApplication, type AppContext, type ParsedApp } from './applicationSpec';
import { expandApplicationSet, type AppSetContext } from './applicationSet';
import { mayHoldApps, renderedChildren } from './appOfApps';
import { clustersFromContexts, clustersFromSecrets } from './clusterSecrets';
import { resolveContext } from './destinationContext';
import { environmentOf } from './environment';
import { catalogKustomizations } from './kustomizationCatalog';
import { scanManifests, type ManifestDoc } from './manifestScan';
import type { AppModel, ChartEntry, DiscoverOptions, RepoModel } from './model';
import type { AppRenderOptions } from './render/renderApp';
import { gitRemoteUrls } from './repoUrl';
import { walkRepo } from './repoWalk';
import { str } from './values';
import { parse } from 'yaml';

export interface DiscoverRepoOptions extends DiscoverOptions {
  /** How app-of-apps parents render while their children are discovered. */
  readonly render?: AppRenderOptions;
}

// An app-of-apps chain deeper than this is almost certainly a cycle (an app rendering itself).
const maxDepth = 8;

/** Reads the repository at `root` into a RepoModel; every problem is a diagnostic, never a throw. */
export async function discoverRepo(fs: FileSystem, rootDir: string, options: DiscoverRepoOptions = {}): Promise<RepoModel> {
  const root = normalize(rootDir);
  const tree = await walkRepo(fs, root);
  const scan = await scanManifests(fs, tree.yamlFiles);
  const diagnostics: Diagnostic[] = [...scan.diagnostics];
  const kustomizations = await catalogKustomizations(fs, tree.kustomizationFiles);
  const charts = await readCharts(fs, tree.chartDirs);
  const covered = (dir: string): boolean => kustomizations.some((k) => k.dir === dir) || tree.chartDirs.some((c) => isWithin(c, dir));
  const directories = [...scan.manifestDirs].filter((d) => !covered(d)).sort();
  const repoUrls = options.repoUrls ?? (await gitRemoteUrls(fs, root));
  const clusters = [...clustersFromSecrets(scan.clusterSecrets, diagnostics), ...(options.clustersFromContexts ? clustersFromContexts(options.contexts ?? []) : [])];
  const appCtx: AppContext = { fs, root, repoUrls };
  const rel = (p: string): string => relative(root, p);
  const setCtx: AppSetContext = { ...appCtx, repoDirs: tree.dirs.filter((d) => d !== root).map(rel), repoFiles: [...tree.yamlFiles, ...tree.jsonFiles].map(rel).sort(), clusters, provenance: scan.provenance };

  const finish = (app: ParsedApp): AppModel => {
    const resolved = resolveContext(app.destination, options.contexts ?? [], options.contextMap ?? {}, clusters);
    const env = environmentOf(app.name, app.labels, app.sources.map((s) => s.path ?? '').filter(Boolean));
    return { ...app, ...(resolved.context ? { context: resolved.context } : {}), ...(resolved.reason ? { contextNote: resolved.reason } : {}), ...(env ? { environment: env } : {}) };
  };
  const fromSets = async (sets: readonly ManifestDoc[], parent?: string): Promise<AppModel[]> => {
    const out: AppModel[] = [];
    for (const set of sets) {
      const expanded = await expandApplicationSet(set.object, set.location, setCtx);
      diagnostics.push(...expanded.diagnostics);
      const name = str((set.object['metadata'] as Record<string, unknown> | undefined)?.['name']) ?? '';
      for (const g of expanded.apps) out.push(finish(await parseApplication(appCtx, g.object, g.location, { generatedBy: name, ...(parent ? { parent } : {}) })));
    }
    return out;
  };

  const apps: AppModel[] = [];
  for (const doc of scan.applications) apps.push(finish(await parseApplication(appCtx, doc.object, doc.location)));
  apps.push(...(await fromSets(scan.applicationSets)));
  // App-of-apps: a parent's rendered children replace the same-named manifests read as files.
  const argoFiles = [...scan.applications, ...scan.applicationSets].map((d) => d.file);
  // Manifests a parent rendered are replaced by what it rendered, matched by where they were written.
  const consumed = new Set<string>();
  const at = (l: { file: string; line: number }): string => `${l.file}:${l.line}`;
  const parentOf = new Map<AppModel, AppModel>();
  const queue = apps.map((app) => ({ app, depth: 0, ancestry: new Set<string>() }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const key = item.app.sources.map((s) => s.dir ?? s.repoURL).join('\u0000');
    // A parent rendering a directory an ancestor already rendered is a cycle (an app listing itself).
    if (item.depth >= maxDepth || item.ancestry.has(key) || !mayHoldApps(item.app, argoFiles)) continue;
    const children = await renderedChildren(fs, item.app, options.render ?? {});
    diagnostics.push(...children.diagnostics);
    const found: AppModel[] = [];
    for (const doc of children.applications) found.push(finish(await parseApplication(appCtx, doc.object, doc.location, { parent: item.app.name })));
    found.push(...(await fromSets(children.applicationSets, item.app.name)));
    for (const doc of [...children.applications, ...children.applicationSets]) consumed.add(at(doc.location));
    const ancestry = new Set([...item.ancestry, key]);
    for (const child of found) {
      parentOf.set(child, item.app);
      apps.push(child);
      queue.push({ app: child, depth: item.depth + 1, ancestry });
    }
  }
  // A manifest some parent renders is that parent's child, not a top-level app; nor are its descendants.
  const topOf = (a: AppModel): AppModel => {
    let top = a;
    for (let p = parentOf.get(top); p; p = parentOf.get(top)) top = p;
    return top;
  };
  const kept = apps.filter((a) => !consumed.has(at(topOf(a).location)));
  const unique = dedupe(kept, diagnostics);
  return { root, kustomizations, directories, charts, clusters, apps: unique.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), diagnostics };
}

function dedupe(apps: readonly AppModel[], diagnostics: Diagnostic[]): AppModel[] {
  const seen = new Map<string, AppModel>();
  for (const app of apps) {
    const key = `${app.namespace ?? ''}/${app.name}`;
    const prev = seen.get(key);
    if (!prev) seen.set(key, app);
    else if (prev.location.file !== app.location.file || prev.location.line !== app.location.line) {
      diagnostics.push({ file: app.location.file, line: app.location.line, column: app.location.column, message: `Application ${app.name} is also defined at ${prev.location.file}:${prev.location.line}`, severity: 'warning' });
    }
  }
  return [...seen.values()];
}

async function readCharts(fs: FileSystem, dirs: readonly string[]): Promise<ChartEntry[]> {
  const out: ChartEntry[] = [];
  for (const dir of dirs) {
    let chart: Record<string, unknown> = {};
    try {
      const value: unknown = parse((await fs.readFile(join(dir, 'Chart.yaml'))) ?? '');
      if (value && typeof value === 'object') chart = value as Record<string, unknown>;
    } catch {
      // An unreadable Chart.yaml still marks a chart; helm reports the problem when rendering.
    }
    const version = str(chart['version']);
    out.push({ dir, name: str(chart['name']) ?? dir, ...(version ? { version } : {}) });
  }
  return out;
}
