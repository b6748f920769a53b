import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { render } from '../src/core/kustomize/render';
import { DiskFileSystem } from '../src/node/diskFileSystem';
import { ensureKubectl } from '../test/support/kubectlTool';
import { timeMs, type BenchRow } from './table';

/** In-process render of the example production overlay against a `kubectl kustomize` process on the same overlay. */
export async function benchRenderOverlay(repoRoot: string): Promise<BenchRow> {
  const dir = join(repoRoot, 'examples/apps/guestbook/overlays/production');
  const fs = new DiskFileSystem();
  const { kubectl } = await ensureKubectl();
  // The extension renders the same overlays over and over: measure the JIT's steady state, not
  // its first compilations (the first few hundred renders cost about twice as much).
  await timeMs(500, () => render(fs, dir));
  execFileSync(kubectl, ['kustomize', dir]); // warm the page cache for the peer too
  // Interleaved rounds: a load change on the machine weighs on both sides alike.
  let ours = 0;
  let peer = 0;
  const rounds = 10;
  for (let round = 0; round < rounds; round++) {
    ours += await timeMs(50, async () => {
      const result = await render(fs, dir);
      if (!result.ok) throw new Error('render failed');
    });
    peer += await timeMs(2, () => execFileSync(kubectl, ['kustomize', dir]));
  }
  ours /= rounds;
  peer /= rounds;
  return { name: 'render one seed-sized overlay', ours, unit: 'ms', peer: { value: peer, name: '`kubectl kustomize` process' }, budget: '≥ 50× faster', pass: peer / ours >= 50 };
}
