import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRenderer } from '../src/core/kustomize/renderer';
import type { EntryKind, FileSystem } from '../src/core/ports';
import { DiskFileSystem } from '../src/node/diskFileSystem';
import { ensureKubectl } from '../test/support/kubectlTool';
import { timeMs, type BenchRow } from './table';

/** The disk, except that one file's text changes on every keystroke, as an unsaved editor buffer does. */
class TypingFileSystem implements FileSystem {
  private readonly disk = new DiskFileSystem();
  keystrokes = 0;
  constructor(private readonly edited: string) {}
  async readFile(path: string): Promise<string | undefined> {
    const text = await this.disk.readFile(path);
    return path === this.edited && text !== undefined ? `${text}# keystroke ${this.keystrokes}\n` : text;
  }
  stat(path: string): Promise<EntryKind | undefined> {
    return this.disk.stat(path);
  }
  readDirectory(path: string): Promise<string[]> {
    return this.disk.readDirectory(path);
  }
}

/**
 * A keystroke in the example production overlay's kustomization: the incremental renderer
 * re-renders that overlay with every other file's parse cached, against a `kubectl kustomize`
 * process on the same overlay.
 */
export async function benchRenderWarm(repoRoot: string): Promise<BenchRow> {
  const dir = join(repoRoot, 'examples/apps/guestbook/overlays/production');
  const fs = new TypingFileSystem(join(dir, 'kustomization.yaml'));
  const renderer = createRenderer(fs);
  const keystroke = async (): Promise<void> => {
    fs.keystrokes++;
    renderer.invalidate([join(dir, 'kustomization.yaml')]);
    const result = await renderer.render(dir);
    if (!result.ok) throw new Error('render failed');
  };
  await timeMs(200, keystroke); // warm the JIT and the parse cache
  const { kubectl } = await ensureKubectl();
  execFileSync(kubectl, ['kustomize', dir]);
  const ours = await timeMs(1000, keystroke);
  const peer = await timeMs(20, () => execFileSync(kubectl, ['kustomize', dir]));
  return { name: 'keystroke → re-render one overlay (warm parse cache)', ours, unit: 'ms', peer: { value: peer, name: '`kubectl kustomize` process' }, budget: '≥ 50× faster', pass: peer / ours >= 50 };
}
