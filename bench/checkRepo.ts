import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureKubectl } from '../test/support/kubectlTool';
import { generateRepo } from './generateRepo';
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
    const ours = await timeMs(3, check);
    const loop = overlays.map((o) => `"$K" kustomize ${JSON.stringify(join(repo, o))} > /dev/null || exit 1`).join('\n');
    const peer = await timeMs(1, () => execFileSync('sh', ['-c', loop], { env: { ...process.env, K: kubectl }, stdio: 'pipe' }));
    return {
      name: `\`driftline check\`, ${overlays.length} overlays (~${Math.round(objects / overlays.length)} objects each)`,
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
