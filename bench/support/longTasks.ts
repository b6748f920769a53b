// Summarises a .cpuprofile (see test/extensionHost/cpuProfile.ts) as its long tasks: stretches
// where the main thread never went idle for longer than a threshold, each with the functions
// that took its time (self and inclusive). Usage: npx tsx bench/support/longTasks.ts <file> [ms]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-1)[0] ?? ''}:${n.callFrame.lineNumber + 1}`;

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
  const [file, threshold] = process.argv.slice(2);
  if (!file) throw new Error('usage: longTasks.ts <file.cpuprofile> [thresholdMs]');
  process.stdout.write(`${longTasks(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(threshold ?? 30))}\n`);
}
