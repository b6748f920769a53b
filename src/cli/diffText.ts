import { createColors } from 'picocolors';
import type { FieldChange, ResourceDiff, SyncStatus } from '../core/diff/types';
import { relative } from '../core/paths';

type Colors = ReturnType<typeof createColors>;

/** Human-readable diff, grouped by resource; colour only when writing to a terminal. */
export function formatDiffText(diffs: readonly ResourceDiff[], cwd: string, color: boolean): string {
  const c = createColors(color);
  const lines: string[] = [];
  for (const d of diffs) {
    const apiVersion = d.group ? `${d.group}/${d.version}` : d.version;
    const where = `${d.namespace ? `${d.namespace}/` : ''}${d.name}`;
    const health = d.health && d.status !== 'Missing' ? c.dim(`  ${d.health.status}${d.health.message ? `: ${d.health.message}` : ''}`) : '';
    lines.push(`${paintStatus(c, d.status)} ${c.bold(`${d.kind} ${where}`)} ${c.dim(`(${apiVersion})`)}${health}`);
    for (const change of d.changes) lines.push(...changeLines(c, change, cwd));
  }
  const count = (status: SyncStatus): number => diffs.filter((d) => d.status === status).length;
  const summary = [['OutOfSync', 'out of sync'], ['Missing', 'missing'], ['Extra', 'extra']]
    .map(([status, label]) => [count(status as SyncStatus), label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`);
  lines.push(summary.length === 0 ? c.green(`${diffs.length} resources in sync`) : `${summary.join(', ')} (of ${diffs.length} resources)`);
  return `${lines.join('\n')}\n`;
}

function paintStatus(c: Colors, status: SyncStatus): string {
  const text = status.padEnd(9);
  if (status === 'Synced') return c.green(text);
  if (status === 'OutOfSync') return c.yellow(text);
  if (status === 'Missing') return c.red(text);
  return c.magenta(text);
}

function changeLines(c: Colors, change: FieldChange, cwd: string): string[] {
  const origin = change.origin ? c.dim(`  ${relative(cwd, change.origin.file)}:${change.origin.line}:${change.origin.column}`) : '';
  const writer = change.lastWriter ? c.dim(`  ${change.lastWriter.manager} (${change.lastWriter.operation})${change.lastWriter.time ? ` ${change.lastWriter.time}` : ''}`) : '';
  return [`  ${change.path}`, `    ${c.green(`git:  ${show(change.desired)}`)}${origin}`, `    ${c.red(`live: ${show(change.live)}`)}${writer}`];
}

function show(v: unknown): string {
  if (v === undefined) return '<absent>';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
