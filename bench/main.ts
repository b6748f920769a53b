// `npm run bench`: Driftline against its peer, measured in the same run on the
// same machine. Prints a Markdown table; ratios matter, absolute times vary.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { render } from '../src/core/kustomize/render';
import { DiskFileSystem } from '../src/node/diskFileSystem';
import { ensureKubectl } from '../test/support/kubectlTool';

const repoRoot = resolve(__dirname, '..');

interface Row {
  readonly name: string;
  readonly ours: number;
  readonly peer: number;
  readonly peerName: string;
  readonly budget: string;
}

async function timeMs(iterations: number, run: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

async function renderOverlay(): Promise<Row> {
  const dir = join(repoRoot, 'examples/apps/guestbook/overlays/production');
  const fs = new DiskFileSystem();
  const { kubectl } = await ensureKubectl();
  await timeMs(50, () => render(fs, dir)); // warm the JIT and the page cache
  execFileSync(kubectl, ['kustomize', dir]);
  const ours = await timeMs(500, async () => {
    const result = await render(fs, dir);
    if (!result.ok) throw new Error('render failed');
  });
  const peer = await timeMs(20, () => execFileSync(kubectl, ['kustomize', dir]));
  return { name: 'render one seed-sized overlay', ours, peer, peerName: '`kubectl kustomize` process', budget: '≥ 50×' };
}

function format(rows: readonly Row[]): string {
  const lines = ['| Measurement | Driftline | Peer | Speed-up | Budget |', '|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.ours.toFixed(3)} ms | ${r.peer.toFixed(1)} ms (${r.peerName}) | ${(r.peer / r.ours).toFixed(0)}× | ${r.budget} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const rows = [await renderOverlay()];
  process.stdout.write(`${format(rows)}\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
