import { resolve as resolvePath } from 'node:path';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { findOnPath, NodeProcessRunner } from '../node/processRunner';
import { discoverRepo } from '../core/repo/discover';
import type { AppModel, KubeconfigContext } from '../core/repo/model';
import { renderApp } from '../core/repo/render/renderApp';
import type { RenderMode } from '../core/repo/render/kustomizeSource';
import type { AppRender } from '../core/repo/render/desiredObjects';
import type { Diagnostic } from '../core/result';
import { relative } from '../core/paths';
import { appsJson, appsTable } from './appsOutput';
import { diagnosticLine, ExitCode, fail, type Io } from './io';

export interface AppsCommandOptions {
  readonly output: string;
  readonly kubeconfig?: string;
  /** `server-or-cluster-name=context`, repeatable. */
  readonly contextMap?: readonly string[];
  readonly repoUrl?: readonly string[];
  readonly helm?: string;
  readonly renderer?: string;
  readonly clustersFromContexts?: boolean;
}

/** Contexts of the kubeconfig, with their servers; none (not an error) when the user has no kubeconfig. */
function kubeContexts(kubeconfig: string | undefined): KubeconfigContext[] {
  try {
    const kc = loadKubeConfig({ kubeconfig });
    return kc.getContexts().map((c) => ({ name: c.name, server: kc.getCluster(c.cluster)?.server ?? '' }));
  } catch (e) {
    if (kubeconfig) throw e;
    return [];
  }
}

function parseContextMap(entries: readonly string[]): Record<string, string> | string {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) return `--context-map expects server=context, got "${entry}"`;
    map[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return map;
}

/** `driftline apps [<repo>]`: every Argo CD app of the repo, where it renders from and deploys to. */
export async function runApps(io: Io, repo: string, opts: AppsCommandOptions): Promise<number> {
  if (opts.output !== 'text' && opts.output !== 'json') return fail(io, `unknown output format "${opts.output}" (text or json)`);
  const mode = (opts.renderer ?? 'in-process') as RenderMode;
  if (!['in-process', 'kustomize', 'kubectl'].includes(mode)) return fail(io, `unknown renderer "${opts.renderer}" (in-process, kustomize or kubectl)`);
  const contextMap = parseContextMap(opts.contextMap ?? []);
  if (typeof contextMap === 'string') return fail(io, contextMap);
  let contexts: KubeconfigContext[];
  try {
    contexts = kubeContexts(opts.kubeconfig);
  } catch (e) {
    return fail(io, e instanceof Error ? e.message : String(e));
  }
  const fs = new DiskFileSystem();
  const root = toCorePath(repo);
  if ((await fs.stat(root)) !== 'directory') return fail(io, `${repo}: not a directory`);
  const runner = new NodeProcessRunner();
  // The runner starts helm in the chart's directory: a relative --helm must not depend on that.
  const helm = opts.helm ? (opts.helm.includes('/') ? resolvePath(opts.helm) : opts.helm) : findOnPath('helm');
  const render = { mode, runner, ...(helm ? { helm } : {}) };
  const model = await discoverRepo(fs, root, {
    ...(opts.repoUrl && opts.repoUrl.length > 0 ? { repoUrls: opts.repoUrl } : {}),
    contexts,
    contextMap,
    clustersFromContexts: opts.clustersFromContexts === true,
    render,
  });
  const renders = new Map<AppModel, AppRender>();
  for (const app of model.apps) renders.set(app, await renderApp(fs, app, render));
  const cwd = toCorePath('.');
  if (opts.output === 'json') io.stdout(`${JSON.stringify(appsJson(model, renders, (p) => relative(model.root, p)), null, 2)}\n`);
  else io.stdout(appsTable(model, renders));
  const printed = new Set<string>();
  const warn = (d: Diagnostic, prefix = ''): void => {
    const line = diagnosticLine(d, cwd, prefix);
    if (!printed.has(line)) io.stderr(line);
    printed.add(line);
  };
  for (const d of model.diagnostics) warn(d);
  for (const [app, r] of renders) for (const d of r.diagnostics) warn(d, `${app.name}: `);
  if (opts.output === 'text' && model.apps.length === 0) io.stderr('driftline: no Argo CD Applications found\n');
  const failed = [...renders.values()].some((r) => r.status === 'error') || model.diagnostics.some((d) => d.severity === 'error');
  return failed ? ExitCode.Drift : ExitCode.Ok;
}
