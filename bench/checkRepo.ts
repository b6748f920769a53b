import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureKubectl } from '../test/support/kubectlTool';
import { generateRepo } from './generateRepo';
import { percentile } from './support/stats';
import { timeMs, type BenchRow } from './table';

/**
 * `driftline check` (the CLI bundle, one process) over a generated repo of 300 overlays,
 * against a shell loop of `kubectl kustomize` over the same directories, in the same run.
 */
export async function benchCheckRepo(repoRoot: string): Promise<BenchRow> {
  const work = mkdtempSync(join(tmpdir(), 'driftline-bench-check-'));
  try {
    const repo = join(work, 'repo');
    const { overlays, objects } = generateRepo(repo, { bases: 100, seed: 7 });
    // Bundled here, not in dist/: other tasks may be rebuilding dist/ meanwhile.
    const cli = join(work, 'cli.js');
    await build({ entryPoints: [join(repoRoot, 'src/cli/bin.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' });
    const { kubectl } = await ensureKubectl();
    const check = (): void => void execFileSync(process.execPath, [cli, 'check', repo], { stdio: 'pipe' });
    check(); // warm the page cache
    // The peer's loop (over a minute) runs in slices with one `check` between slices, so both
    // sample the machine over the same stretch of time; ours is the median of those runs.
    const slices = 4;
    const per = Math.ceil(overlays.length / slices);
    const runs: number[] = [];
    let peer = 0;
    for (let i = 0; i < slices; i++) {
      runs.push(await timeMs(1, check));
      const loop = overlays.slice(i * per, (i + 1) * per).map((o) => `"$K" kustomize ${JSON.stringify(join(repo, o))} > /dev/null || exit 1`).join('\n');
      peer += await timeMs(1, () => execFileSync('sh', ['-c', loop], { env: { ...process.env, K: kubectl }, stdio: 'pipe' }));
    }
    runs.push(await timeMs(1, check));
    const ours = percentile(runs, 50);
    return {
      name: `\`driftline check\`, ${overlays.length} overlays (~${Math.round(objects / overlays.length)} objects each; median of ${runs.length} runs interleaved with the peer's)`,
      ours,
      unit: 'ms',
      peer: { value: peer, name: 'shell loop of `kubectl kustomize`' },
      budget: '≥ 20× faster',
      pass: peer / ours >= 20,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
