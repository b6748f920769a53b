import type { FileSystem } from '../ports';
import { join } from '../paths';

const skipped = new Set(['node_modules', '.git']);

/** Every file under `root` (absolute paths, sorted walk) whose name and path satisfy `predicate`; skips node_modules and .git. */
export async function findFiles(fs: FileSystem, root: string, predicate: (path: string, name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of await fs.readDirectory(dir)) {
      if (skipped.has(name)) continue;
      const path = join(dir, name);
      const kind = await fs.stat(path);
      if (kind === 'directory') await walk(path);
      else if (kind === 'file' && predicate(path, name)) found.push(path);
    }
  };
  await walk(root);
  return found;
}
