import { relative } from '../core/paths';
import type { AppModel, AppSource, RepoModel, SyncPolicy } from '../core/repo/model';
import type { AppRender } from '../core/repo/render/desiredObjects';
import { isRefOnlySource } from '../core/repo/refOnlySource';

// `driftline apps` output: an aligned table for people, a stable JSON shape for scripts.

function sourceLabel(root: string, s: AppSource): string {
  if (s.chart) return `${s.repoURL} chart ${s.chart}`;
  if (s.repo === 'other') return `${s.repoURL}${s.path ? `//${s.path}` : ''}`;
  return s.dir ? relative(root, s.dir) : (s.path ?? '');
}

function rendered(app: AppModel): AppSource[] {
  return app.sources.filter((s) => !isRefOnlySource(s));
}

export function syncLabel(p: SyncPolicy): string {
  if (!p.automated) return 'manual';
  return ['auto', ...(p.prune ? ['prune'] : []), ...(p.selfHeal ? ['self-heal'] : [])].join('/');
}

function destinationLabel(app: AppModel): string {
  const where = app.destination.server ?? app.destination.name ?? '?';
  return app.destination.namespace ? `${where} ns/${app.destination.namespace}` : where;
}

function renderLabel(r: AppRender | undefined): string {
  if (!r) return '-';
  const what = r.status === 'error' ? 'error (see below)' : r.message;
  return r.kind ? `${r.kind}: ${what}` : what;
}

export function appsTable(model: RepoModel, renders: ReadonlyMap<AppModel, AppRender>): string {
  const header = ['NAME', 'PROJECT', 'SOURCE', 'REVISION', 'DESTINATION', 'CONTEXT', 'ENV', 'SYNC', 'RENDER'];
  const rows = model.apps.map((app) => {
    const sources = rendered(app);
    return [
      app.name,
      app.project,
      sources.map((s) => sourceLabel(model.root, s)).join(' + ') || '-',
      [...new Set(sources.map((s) => s.targetRevision))].join(', ') || '-',
      destinationLabel(app),
      app.context ?? '-',
      app.environment ?? '-',
      syncLabel(app.syncPolicy),
      renderLabel(renders.get(app)),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function appsJson(model: RepoModel, renders: ReadonlyMap<AppModel, AppRender>, rel: (p: string) => string): unknown {
  return {
    apps: model.apps.map((app) => {
      const r = renders.get(app);
      return {
        name: app.name,
        ...(app.namespace ? { namespace: app.namespace } : {}),
        project: app.project,
        manifest: { file: rel(app.location.file), line: app.location.line },
        ...(app.generatedBy ? { generatedBy: app.generatedBy } : {}),
        ...(app.parent ? { parent: app.parent } : {}),
        sources: app.sources.map((s) => ({
          repoURL: s.repoURL,
          ...(s.path !== undefined ? { path: s.path } : {}),
          ...(s.chart ? { chart: s.chart } : {}),
          ...(s.ref ? { ref: s.ref } : {}),
          targetRevision: s.targetRevision,
          repo: s.repo,
          ...(s.dir ? { dir: rel(s.dir) } : {}),
          ...(s.kind ? { kind: s.kind } : {}),
        })),
        destination: app.destination,
        context: app.context ?? null,
        ...(app.contextNote ? { contextNote: app.contextNote } : {}),
        environment: app.environment ?? null,
        syncPolicy: app.syncPolicy,
        render: r ? { kind: r.kind ?? null, status: r.status, message: r.message, objects: r.objects.length } : null,
      };
    }),
    kustomizations: model.kustomizations.map((k) => ({ dir: rel(k.dir), role: k.role, root: k.root })),
    charts: model.charts.map((c) => ({ dir: rel(c.dir), name: c.name, ...(c.version ? { version: c.version } : {}) })),
    directories: model.directories.map(rel),
    clusters: model.clusters.map((c) => ({ name: c.name, server: c.server, from: c.from })),
  };
}
