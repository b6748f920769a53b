import type { FileSystem } from '../ports';
import { dirname, join, relative } from '../paths';

/** The nearest directory at or above `dir` holding `.git`; `dir` itself when there is none. */
export async function findRepoRoot(fs: FileSystem, dir: string): Promise<string> {
  for (let current = dir; ; current = dirname(current)) {
    if ((await fs.stat(join(current, '.git'))) !== undefined) return current;
    if (dirname(current) === current) return dir;
  }
}

/**
 * The id Driftline writes on every object it syncs for an overlay: the overlay's
 * path inside its repository, the same from the CLI and from the editor.
 */
export async function trackingIdFor(fs: FileSystem, overlayDir: string): Promise<string> {
  const root = await findRepoRoot(fs, overlayDir);
  return root === overlayDir && (await fs.stat(join(root, '.git'))) === undefined ? overlayDir : relative(root, overlayDir);
}
