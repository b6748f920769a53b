import type { FileSystem, ProcessRunner } from '../../ports';
import type { Diagnostic } from '../../result';
import { isClusterScoped } from '../../kustomize/naming/clusterScope';
import { splitApiVersion } from '../../kustomize/resource';
import type { AppModel, AppSource } from '../model';
import { countMessage, type AppRender, type DesiredObject } from './desiredObjects';
import { renderDirectory } from './directorySource';
import { renderHelm } from './helmSource';
import { renderKustomize, type RenderMode } from './kustomizeSource';
import { isRefOnlySource } from '../refOnlySource';

export interface AppRenderOptions {
  readonly mode?: RenderMode;
  readonly runner?: ProcessRunner;
  /** The helm binary; undefined means none was found, and Helm sources say so. */
  readonly helm?: string;
  readonly kustomizeBinary?: string;
  readonly kubectlBinary?: string;
  readonly buildOptions?: readonly string[];
}

function notRendered(source: AppSource, message: string): AppRender {
  return { ...(source.kind ? { kind: source.kind } : {}), status: 'not-rendered', message, objects: [], diagnostics: [] };
}

async function renderSource(fs: FileSystem, app: AppModel, source: AppSource, refDirs: Record<string, string>, options: AppRenderOptions): Promise<AppRender> {
  if (source.chart) return notRendered(source, 'not rendered: chart from a Helm repository');
  if (source.repo === 'other') return notRendered(source, 'not rendered: source in another repository');
  if (!source.dir || !source.kind) return { status: 'error', message: app.diagnostics[0]?.message ?? 'no source directory', objects: [], diagnostics: [] };
  const dir = source.dir;
  switch (source.kind) {
    case 'kustomize':
      return renderKustomize({ fs, dir, options: source.kustomize, mode: options.mode ?? 'in-process', application: { app, sourceIndex: app.sources.indexOf(source) }, ...pick(options) });
    case 'helm':
      return renderHelm({ source: { ...source, dir }, releaseName: source.helm?.releaseName ?? app.name, namespace: app.destination.namespace, refDirs, runner: options.runner, helm: options.helm });
    case 'directory':
      return renderDirectory(fs, dir, source.directory);
  }
}

function pick(o: AppRenderOptions): { runner?: ProcessRunner; kustomizeBinary?: string; kubectlBinary?: string; buildOptions?: readonly string[] } {
  return { ...(o.runner ? { runner: o.runner } : {}), ...(o.kustomizeBinary ? { kustomizeBinary: o.kustomizeBinary } : {}), ...(o.kubectlBinary ? { kubectlBinary: o.kubectlBinary } : {}), ...(o.buildOptions ? { buildOptions: o.buildOptions } : {}) };
}

/**
 * Argo CD puts namespaced objects that name no namespace into the destination namespace
 * when it applies them; the desired state shows them where they will land.
 */
function withDestinationNamespace(objects: readonly DesiredObject[], namespace: string | undefined): DesiredObject[] {
  if (!namespace) return [...objects];
  for (const { object } of objects) {
    const { group } = splitApiVersion(String(object.apiVersion));
    if (object.metadata['namespace'] === undefined && !isClusterScoped({ group, kind: String(object.kind) })) object.metadata['namespace'] = namespace;
  }
  return [...objects];
}

/**
 * The desired objects of one app: every source that renders, together. A source that
 * cannot render makes the app's status say so; it never throws, so one broken app leaves
 * the rest of the repository alone.
 */
export async function renderApp(fs: FileSystem, app: AppModel, options: AppRenderOptions = {}): Promise<AppRender> {
  const refDirs: Record<string, string> = {};
  for (const s of app.sources) if (s.ref && s.dir && s.repo !== 'other') refDirs[s.ref] = s.dir;
  const renderable = app.sources.filter((s) => !isRefOnlySource(s));
  const parts: AppRender[] = [];
  for (const source of renderable) parts.push(await renderSource(fs, app, source, refDirs, options));
  if (parts.length === 0) return { status: 'error', message: app.diagnostics[0]?.message ?? 'no sources', objects: [], diagnostics: [...app.diagnostics] };
  const diagnostics: Diagnostic[] = [...app.diagnostics, ...parts.flatMap((p) => p.diagnostics)];
  const objects = withDestinationNamespace(parts.flatMap((p) => p.objects), app.destination.namespace);
  const kind = parts[0]?.kind;
  const failed = parts.find((p) => p.status === 'error') ?? parts.find((p) => p.status === 'not-rendered');
  if (failed) return { ...(kind ? { kind } : {}), status: failed.status, message: failed.message, objects, diagnostics };
  const provenance = parts.length === 1 ? parts[0]?.provenance : undefined;
  return { ...(kind ? { kind } : {}), status: 'rendered', message: countMessage(objects.length), objects, ...(provenance ? { provenance } : {}), diagnostics };
}
