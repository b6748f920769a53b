import { createColors } from 'picocolors';
import type { FieldChange, ResourceDiff, SyncStatus } from '../core/diff/types';
import { relative } from '../core/paths';

type Colors = ReturnType<typeof createColors>;

// Values longer than this are not padded: the annotation just follows them.
const alignUpTo = 48;

/**
 * Human-readable diff, grouped by resource: a status line per resource, then each
 * change with the Git value (and the line that set it) above the live value (and
 * who last wrote it). Colour only when writing to a terminal.
 */
export function formatDiffText(diffs: readonly ResourceDiff[], cwd: string, color: boolean): string {
  const c = createColors(color);
  const lines: string[] = [];
  for (const d of diffs) {
    const details = detailLines(c, d, cwd);
    // A blank line around each block with details keeps resources apart; Synced ones stay compact.
    if (details.length > 0 && lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    lines.push(headerLine(c, d), ...details);
    if (details.length > 0) lines.push('');
  }
  lines.push(summaryLine(c, diffs));
  return `${lines.join('\n')}\n`;
}

function headerLine(c: Colors, d: ResourceDiff): string {
  const apiVersion = d.group ? `${d.group}/${d.version}` : d.version;
  const where = `${d.namespace ? `${d.namespace}/` : ''}${d.name}`;
  const health = d.health && d.status !== 'Missing' ? `  ${paintHealth(c, d.health.status)}${d.health.message ? c.dim(`: ${d.health.message}`) : ''}` : '';
  return `${paintStatus(c, d.status)} ${c.bold(`${d.kind} ${where}`)} ${c.dim(`(${apiVersion})`)}${health}`;
}

function detailLines(c: Colors, d: ResourceDiff, cwd: string): string[] {
  if (d.status === 'Missing') return [`  ${c.dim(`not in the cluster${d.source ? `; declared at ${location(d.source, cwd)}` : ''}`)}`];
  if (d.status === 'Extra') return [`  ${c.dim('in the cluster and tracked by this app, but no longer in Git')}`];
  return d.changes.flatMap((change) => changeLines(c, change, cwd));
}

function changeLines(c: Colors, change: FieldChange, cwd: string): string[] {
  const git = show(change.desired);
  const live = show(change.live);
  const width = Math.min(Math.max(git.length, live.length), alignUpTo);
  const origin = change.origin ? c.dim(`  ${location(change.origin, cwd)}`) : '';
  const w = change.lastWriter;
  const writer = w ? c.dim(`  ${w.manager} (${w.operation})${w.time ? ` ${w.time}` : ''}`) : '';
  return [`  ${change.path}`, `    ${c.green(`git:  ${git.padEnd(width)}`)}${origin}`, `    ${c.red(`live: ${live.padEnd(width)}`)}${writer}`];
}

function summaryLine(c: Colors, diffs: readonly ResourceDiff[]): string {
  const count = (status: SyncStatus): number => diffs.filter((d) => d.status === status).length;
  const parts: string[] = [];
  if (count('OutOfSync') > 0) parts.push(c.yellow(`${count('OutOfSync')} out of sync`));
  if (count('Missing') > 0) parts.push(c.red(`${count('Missing')} missing`));
  if (count('Extra') > 0) parts.push(c.magenta(`${count('Extra')} extra`));
  const of = `${diffs.length} resource${diffs.length === 1 ? '' : 's'}`;
  return parts.length === 0 ? c.green(`${of} in sync`) : `${parts.join(', ')} (of ${of})`;
}

function paintStatus(c: Colors, status: SyncStatus): string {
  const text = status.padEnd(9);
  if (status === 'Synced') return c.green(text);
  if (status === 'OutOfSync') return c.yellow(text);
  if (status === 'Missing') return c.red(text);
  return c.magenta(text);
}

function paintHealth(c: Colors, status: string): string {
  if (status === 'Healthy') return c.green(status);
  if (status === 'Degraded' || status === 'Missing') return c.red(status);
  if (status === 'Progressing' || status === 'Suspended') return c.cyan(status);
  return c.dim(status);
}

function location(at: { file: string; line: number; column: number }, cwd: string): string {
  return `${relative(cwd, at.file)}:${at.line}:${at.column}`;
}

function show(v: unknown): string {
  if (v === undefined) return '<absent>';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
