import { toCorePath } from '../node/diskFileSystem';
import { diffRendered, type LiveSource } from '../core/diff/diffRendered';
import { predictDesired } from '../core/diff/serverSideDiff';
import { ignoreRulesFrom } from '../core/diff/ignoreRulesFrom';
import type { ResourceDiff } from '../core/diff/types';
import { relative } from '../core/paths';
import { renderAndConnect, type ClusterOptions } from './clusterTarget';
import { formatDiffText } from './diffText';
import { argoTargetFor } from './argoMode';
import { readApplicationStatus, summarizeStatus } from '../core/argo/applicationStatus';
import { ExitCode, fail, failWith, type Io } from './io';

export interface DiffCommandOptions extends ClusterOptions {
  readonly output: string;
  readonly serverSide?: boolean;
}

export async function runDiff(io: Io, dir: string, options: DiffCommandOptions): Promise<number> {
  if (options.output !== 'text' && options.output !== 'json') return fail(io, `unknown output format '${options.output}' (text or json)`);
  const target = await renderAndConnect(dir, options);
  if (!target.ok) return typeof target.error === 'string' ? fail(io, target.error) : failWith(io, target.error, toCorePath('.'));
  const { kube, trackingId, app } = target.value;
  const live: LiveSource = { get: (ref) => kube.get(ref), list: async (...scope) => (await kube.list(...scope)).items };
  let diffs: ResourceDiff[];
  try {
    const rendered = options.serverSide ? await predictDesired(target.value.rendered, kube, trackingId, live) : target.value.rendered;
    diffs = await diffRendered(rendered, live, {
      tracking: { id: trackingId, ...(app ? { argoAppName: app.name } : {}) },
      ignoreRules: ignoreRulesFrom(app?.ignoreDifferences ?? []),
    });
  } catch (e) {
    return fail(io, `cannot read the cluster (${kube.contextName}): ${e instanceof Error ? e.message : String(e)}`);
  }
  const cwd = toCorePath('.');
  if (options.output === 'text') {
    // Where Argo CD manages the app, what Argo CD thinks goes beside the local diff.
    const argo = await argoTargetFor(kube, app);
    if (argo) io.stdout(`${summarizeStatus(readApplicationStatus(argo.application), diffs.reduce((n, d) => n + d.changes.length, 0))}\n`);
  }
  io.stdout(options.output === 'json' ? `${JSON.stringify(toJson(diffs, cwd), null, 2)}\n` : formatDiffText(diffs, cwd, io.color));
  return diffs.every((d) => d.status === 'Synced') ? ExitCode.Ok : ExitCode.Drift;
}

function toJson(diffs: readonly ResourceDiff[], cwd: string): unknown {
  return {
    resources: diffs.map((d) => ({
      group: d.group,
      version: d.version,
      kind: d.kind,
      namespace: d.namespace ?? '',
      name: d.name,
      status: d.status,
      health: d.health?.status ?? null,
      changes: d.changes.map((c) => ({
        path: c.path,
        desired: c.desired ?? null,
        live: c.live ?? null,
        origin: c.origin ? { file: relative(cwd, c.origin.file), line: c.origin.line, column: c.origin.column } : null,
        lastWriter: c.lastWriter ? { manager: c.lastWriter.manager, operation: c.lastWriter.operation, time: c.lastWriter.time ?? null } : null,
      })),
    })),
  };
}
