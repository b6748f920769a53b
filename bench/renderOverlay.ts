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
  await timeMs(50, () => render(fs, dir)); // warm the JIT and the page cache
  execFileSync(kubectl, ['kustomize', dir]);
  const ours = await timeMs(500, async () => {
    const result = await render(fs, dir);
    if (!result.ok) throw new Error('render failed');
  });
  const peer = await timeMs(20, () => execFileSync(kubectl, ['kustomize', dir]));
  return { name: 'render one seed-sized overlay', ours, unit: 'ms', peer: { value: peer, name: '`kubectl kustomize` process' }, budget: '≥ 50× faster', pass: peer / ours >= 50 };
}
