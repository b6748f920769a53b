// Summarises a .cpuprofile (see test/extensionHost/cpuProfile.ts) as its long tasks: stretches
// where the main thread never went idle for longer than a threshold, each with the functions
// that took its time (self and inclusive). Usage: npx tsx bench/support/longTasks.ts <file> [ms] [dist]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

interface Frame { functionName: string; url: string; lineNumber: number; columnNumber?: number }

/** Source maps of the bundles in `mapDir` (dist/ as the profiled run built it), by bundle file name. */
const maps = new Map<string, SourceMap | undefined>();
let mapDir: string | undefined;

function located(frame: Frame): string {
  const file = basename(frame.url);
  if (mapDir && file.endsWith('.js')) {
    if (!maps.has(file)) {
      const path = join(mapDir, `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : undefined);
    }
    const entry = maps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as { originalSource?: string; originalLine?: number } | undefined;
    if (entry?.originalSource) return `${entry.originalSource.replace(/^.*?(src|node_modules)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
  }
  return `${file}:${frame.lineNumber + 1}`;
}

const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${located(n.callFrame)}`;

function top(counts: Map<string, number>, k: number): string {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`).join('\n');
}

export function longTasks(profile: Profile, thresholdMs: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number): boolean => byId.get(id)?.callFrame.functionName === '(idle)';
  const out: string[] = [];
  let at = profile.startTime;
  let i = 0;
  while (i < profile.samples.length) {
    at += profile.timeDeltas[i] ?? 0;
    if (idle(profile.samples[i]!)) { i++; continue; }
    const start = at;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let j = i;
    let end = at;
    while (j < profile.samples.length && !idle(profile.samples[j]!)) {
      const dt = profile.timeDeltas[j + 1] ?? 0;
      const id = profile.samples[j]!;
      const node = byId.get(id)!;
      self.set(label(node), (self.get(label(node)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const l = label(byId.get(p)!);
        if (seen.has(l)) continue;
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
      }
      end += dt;
      j++;
      if (j < profile.samples.length) at += profile.timeDeltas[j] ?? 0;
    }
    const ms = (end - start) / 1000;
    if (ms >= thresholdMs) out.push(`long task ${ms.toFixed(1)} ms at +${((start - profile.startTime) / 1000).toFixed(0)} ms\n  self:\n${top(self, 12)}\n  inclusive:\n${top(inclusive, 25)}`);
    i = j;
  }
  return out.join('\n\n');
}

if (process.argv[1]?.endsWith('longTasks.ts')) {
  const [file, threshold, dist] = process.argv.slice(2);
  if (!file) throw new Error('usage: longTasks.ts <file.cpuprofile> [thresholdMs] [dist dir with the source maps]');
  mapDir = dist;
  process.stdout.write(`${longTasks(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(threshold ?? 30))}\n`);
}
