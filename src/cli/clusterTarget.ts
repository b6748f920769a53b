import { render, type RenderResult } from '../core/kustomize/render';
import { diagnostic, type Diagnostic, type Result } from '../core/result';
import { discoverRepo } from '../core/repo/discover';
import type { AppModel } from '../core/repo/model';
import { renderApp } from '../core/repo/render/renderApp';
import { asRenderResult } from '../core/repo/render/asRenderResult';
import { findRepoRoot, trackingIdFor } from '../core/repo/trackingIdentity';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { KubeClient } from '../node/kubeClient';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { loadKubeConfigContexts } from '../node/kubeContexts';
import { findOnPath, NodeProcessRunner } from '../node/processRunner';

export interface ClusterOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
}

export interface ClusterTarget {
  readonly rendered: RenderResult;
  readonly kube: KubeClient;
  readonly trackingId: string;
  /** The Argo CD Application that deploys this directory (or that was named), when there is one. */
  readonly app: AppModel | undefined;
}

/**
 * Resolves `<dir|app>` (a directory, or the name of an Argo CD Application in the
 * repository around the current directory), renders it and connects to the
 * cluster: the context given, else the app's destination, else the current one.
 */
export async function renderAndConnect(dirOrApp: string, options: ClusterOptions): Promise<Result<ClusterTarget, Diagnostic[] | string>> {
  const fs = new DiskFileSystem();
  const path = toCorePath(dirOrApp);
  const isDir = (await fs.stat(path)) === 'directory';
  let app: AppModel | undefined;
  try {
    // An app name is looked up in the repository the command runs in, as `driftline apps` does.
    const root = isDir ? await findRepoRoot(fs, path) : toCorePath('.');
    const contexts = safeContexts(options.kubeconfig).map((c) => ({ name: c.name, server: c.cluster }));
    const model = await discoverRepo(fs, root, { contexts });
    app = isDir ? model.apps.find((a) => a.sources.some((s) => s.dir === path && !s.ref)) : model.apps.find((a) => a.name === dirOrApp);
  } catch {
    app = undefined;
  }
  if (!isDir && !app) return { ok: false, error: `no directory or Argo CD Application named "${dirOrApp}"` };
  const rendered = await renderTarget(fs, path, isDir, app);
  if (!rendered.ok) return rendered;
  try {
    const context = options.context || app?.context;
    const kube = new KubeClient(loadKubeConfig({ kubeconfig: options.kubeconfig, context }));
    const trackingDir = isDir ? path : app?.sources.find((s) => s.dir)?.dir ?? path;
    return { ok: true, value: { rendered: rendered.value, kube, trackingId: await trackingIdFor(fs, trackingDir), app } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function renderTarget(fs: DiskFileSystem, path: string, isDir: boolean, app: AppModel | undefined): Promise<Result<RenderResult>> {
  if (!app) return render(fs, path);
  const helm = findOnPath('helm');
  const result = await renderApp(fs, app, { runner: new NodeProcessRunner(), ...(helm ? { helm } : {}) });
  if (result.status === 'rendered') return { ok: true, value: asRenderResult(result) };
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { ok: false, error: errors.length > 0 ? errors : [diagnostic(isDir ? path : app.location.file, result.message, app.location)] };
}

function safeContexts(kubeconfig: string | undefined): ReturnType<typeof loadKubeConfigContexts> {
  try {
    return loadKubeConfigContexts(kubeconfig ?? '');
  } catch {
    return [];
  }
}
