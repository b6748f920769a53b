import { diffRendered } from '../core/diff/diffRendered';
import type { FieldChange, ResourceDiff } from '../core/diff/types';
import { relative } from '../core/paths';
import { toCorePath } from '../node/diskFileSystem';
import { renderAndConnect, type ClusterOptions } from './clusterTarget';
import { ExitCode, fail, failWith, type Io } from './io';

export async function runDiff(io: Io, dir: string, options: ClusterOptions & { output: string }): Promise<number> {
  if (options.output !== 'text' && options.output !== 'json') return fail(io, `unknown output format '${options.output}' (text or json)`);
  const target = await renderAndConnect(dir, options);
  if (!target.ok) return typeof target.error === 'string' ? fail(io, target.error) : failWith(io, target.error, toCorePath('.'));
  let diffs: ResourceDiff[];
  try {
    diffs = await diffRendered(target.value.rendered, (ref) => target.value.kube.get(ref));
  } catch (e) {
    return fail(io, `cannot read the cluster (${target.value.kube.contextName}): ${e instanceof Error ? e.message : String(e)}`);
  }
  const cwd = toCorePath('.');
  io.stdout(options.output === 'json' ? `${JSON.stringify(toJson(diffs, cwd), null, 2)}\n` : toText(diffs, cwd));
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
      health: d.health,
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

function toText(diffs: readonly ResourceDiff[], cwd: string): string {
  const lines: string[] = [];
  for (const d of diffs) {
    const apiVersion = d.group ? `${d.group}/${d.version}` : d.version;
    lines.push(`${d.status.padEnd(10)} ${apiVersion} ${d.kind} ${d.namespace ? `${d.namespace}/` : ''}${d.name}`);
    for (const c of d.changes) lines.push(...changeLines(c, cwd));
  }
  const drifted = diffs.filter((d) => d.status !== 'Synced').length;
  lines.push(drifted === 0 ? `${diffs.length} resources in sync` : `${drifted} of ${diffs.length} resources out of sync`);
  return `${lines.join('\n')}\n`;
}

function changeLines(c: FieldChange, cwd: string): string[] {
  const origin = c.origin ? `  (${relative(cwd, c.origin.file)}:${c.origin.line}:${c.origin.column})` : '';
  const writer = c.lastWriter ? `  (${c.lastWriter.manager}, ${c.lastWriter.operation}${c.lastWriter.time ? `, ${c.lastWriter.time}` : ''})` : '';
  return [`  ${c.path}`, `    desired: ${show(c.desired)}${origin}`, `    live:    ${show(c.live)}${writer}`];
}

function show(v: unknown): string {
  if (v === undefined) return '<absent>';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
