import { autoSyncWarning } from '../core/rollback/autoSyncWarning';
import { diffCommits } from '../core/rollback/renderedDiff';
import { renderAtCommit } from '../core/rollback/appInputs';
import { trackingIdFor } from '../core/repo/trackingIdentity';
import { refLabel } from '../core/sync/objectRef';
import type { KubeObject } from '../core/ports';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { GitRepository } from '../node/gitRepository';
import { KubeClient } from '../node/kubeClient';
import { loadKubeConfig } from '../node/kubeConfigLoader';
import { renderAndConnect, type ClusterOptions } from './clusterTarget';
import { argoTargetFor, runArgoRollback } from './argoMode';
import { ExitCode, fail, failWith, type Io } from './io';
import { runRevert } from './rollbackRevert';
import { parseDuration } from './syncCommand';
import { runSyncFlow } from './syncFlow';
import { formatChanges } from './syncText';

export interface RollbackCommandOptions extends ClusterOptions {
  readonly to: string;
  readonly mode: string;
  readonly yes?: boolean;
  readonly stash?: boolean;
  readonly push?: boolean;
  readonly prune?: boolean;
  readonly forceConflicts?: boolean;
  readonly autoSync?: boolean;
  readonly timeout?: string;
  readonly disableAutoSync?: boolean;
}

export async function runRollback(io: Io, dir: string, options: RollbackCommandOptions): Promise<number> {
  if (options.mode !== 'revert' && options.mode !== 'apply' && options.mode !== 'argo') return fail(io, `unknown --mode '${options.mode}' (revert, apply or argo)`);
  const timeoutMs = parseDuration(options.timeout ?? '2m');
  if (timeoutMs === undefined) return fail(io, `cannot read --timeout '${options.timeout}' (e.g. 2m, 90s)`);
  if (options.mode === 'argo') return argoRollback(io, dir, options, timeoutMs);
  const overlayDir = toCorePath(dir);
  const repo = await GitRepository.open(dir);
  if (!repo) return fail(io, `${dir} is not inside a Git repository`);
  const target = await repo.commitInfo(options.to);
  if (!target) return fail(io, `no commit '${options.to}' in ${repo.root}`);
  const app = await trackingIdFor(new DiskFileSystem(), overlayDir);
  io.stdout(`rolling ${app} back to ${target.hash.slice(0, 12)} "${target.subject}" (${target.author}, ${target.date})\n`);

  // What the rollback changes in the rendered output, whichever mode carries it out.
  const changes = await diffCommits(repo, overlayDir, 'HEAD', target.hash);
  if (!changes.ok) return fail(io, changes.error);
  const changed = changes.value.filter((c) => c.status !== 'unchanged');
  io.stdout(`rendered output, HEAD → ${target.hash.slice(0, 12)}: ${changed.length === 0 ? 'identical' : `${changed.length} resources differ`}\n`);
  for (const c of changed) io.stdout(`  ${c.status.padEnd(9)}${refLabel(c.ref)}\n${c.status === 'changed' ? formatChanges(c.changes, '      ') : ''}`);

  if (options.mode === 'revert') return runRevert(io, repo, overlayDir, app, target, options);

  const warning = autoSyncWarning(options.autoSync, app);
  if (warning) io.stderr(`driftline: warning: ${warning}\n`);
  const { rendered } = await renderAtCommit(repo, overlayDir, target.hash);
  if (!rendered.ok) return failWith(io, rendered.error, toCorePath('.'));
  let kube: KubeClient;
  try {
    kube = new KubeClient(loadKubeConfig({ kubeconfig: options.kubeconfig, context: options.context }));
  } catch (e) {
    return fail(io, e instanceof Error ? e.message : String(e));
  }
  const code = await runSyncFlow(
    io,
    {
      kube,
      desired: rendered.value.resources.map((r) => r.object as unknown as KubeObject),
      trackingId: app,
      dir,
      audit: { action: 'rollback', revision: target.hash, rollback: { mode: 'apply', to: target.hash } },
    },
    { ...options, timeoutMs },
  );
  if (code === ExitCode.Ok && options.yes) io.stderr(`driftline: the cluster now runs ${target.hash.slice(0, 12)} while Git's HEAD differs; revert in Git (--mode revert) to make it stick\n`);
  return code;
}

/** `--mode argo`: Argo CD's own rollback to a history id, through the Application's operation field. */
async function argoRollback(io: Io, dirOrApp: string, options: RollbackCommandOptions, timeoutMs: number): Promise<number> {
  const target = await renderAndConnect(dirOrApp, options);
  if (!target.ok) return typeof target.error === 'string' ? fail(io, target.error) : failWith(io, target.error, toCorePath('.'));
  const argo = await argoTargetFor(target.value.kube, target.value.app);
  if (!argo) return fail(io, `${dirOrApp} is not managed by Argo CD on context ${target.value.kube.contextName} (no Application found); use --mode revert or apply`);
  return runArgoRollback(io, argo, { ...options, timeoutMs, dir: dirOrApp });
}
