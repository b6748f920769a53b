import { toCorePath } from '../node/diskFileSystem';
import { GitRepository } from '../node/gitRepository';
import type { KubeObject } from '../core/ports';
import { renderAndConnect, type ClusterOptions } from './clusterTarget';
import { fail, failWith, type Io } from './io';
import { runSyncFlow } from './syncFlow';
import { argoTargetFor, runArgoSync } from './argoMode';

export interface SyncCommandOptions extends ClusterOptions {
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly prune?: boolean;
  readonly forceConflicts?: boolean;
  /** `2m`, `90s`, `500ms` or plain seconds. */
  readonly timeout?: string;
  /** Apply directly even where Argo CD manages the app. */
  readonly direct?: boolean;
}

/** Milliseconds of a duration like `2m`, `90s`, `1m30s`, `500ms` or `45`; undefined when unreadable. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  const rest = text.replace(/(\d+(?:\.\d+)?)(ms|s|m|h)/g, (_, n: string, unit: string) => {
    total += Number(n) * (units[unit] ?? 0);
    return '';
  });
  return rest === '' && text !== '' ? total : undefined;
}

export async function runSync(io: Io, dir: string, options: SyncCommandOptions): Promise<number> {
  const timeoutMs = parseDuration(options.timeout ?? '2m');
  if (timeoutMs === undefined) return fail(io, `cannot read --timeout '${options.timeout}' (e.g. 2m, 90s)`);
  const target = await renderAndConnect(dir, options);
  if (!target.ok) return typeof target.error === 'string' ? fail(io, target.error) : failWith(io, target.error, toCorePath('.'));
  const { rendered, kube, trackingId, app } = target.value;
  const argo = options.direct ? undefined : await argoTargetFor(kube, app);
  if (argo) return runArgoSync(io, argo, { ...options, timeoutMs, dir });
  const repo = await GitRepository.open(dir);
  const revision = repo ? (await repo.commitInfo('HEAD'))?.hash : undefined;
  const dirty = repo ? (await repo.dirtyPaths()).length > 0 : false;
  return runSyncFlow(
    io,
    {
      kube,
      desired: rendered.resources.map((r) => r.object as unknown as KubeObject),
      trackingId,
      dir,
      application: app ? { syncOptions: app.syncPolicy.syncOptions, destinationNamespace: app.destination.namespace } : undefined,
      // The working tree is what gets applied: a dirty one is not exactly any commit.
      audit: { action: 'sync', revision: revision && dirty ? `${revision}+dirty` : revision },
    },
    { ...options, timeoutMs },
  );
}
