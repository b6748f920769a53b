import type { FileSystem } from '../ports';
import { dirname, resolve } from '../paths';
import { loadKustomization } from '../kustomize/kustomization';
import { RenderError } from '../result';
import type { KustomizationEntry } from './model';
import { rootKustomizations } from './rootKustomizations';

/** Every kustomization with its role: an overlay includes another kustomization of the repo; a base does not. */
export async function catalogKustomizations(fs: FileSystem, kustomizationFiles: readonly string[]): Promise<KustomizationEntry[]> {
  const dirs = [...new Set(kustomizationFiles.map(dirname))].sort();
  const known = new Set(dirs);
  const roots = new Set(await rootKustomizations(fs, kustomizationFiles));
  const out: KustomizationEntry[] = [];
  for (const dir of dirs) {
    let overlay = false;
    try {
      const k = await loadKustomization(fs, dir);
      for (const field of ['resources', 'bases', 'components']) {
        const entries = k?.data[field];
        if (Array.isArray(entries)) overlay ||= entries.some((e) => typeof e === 'string' && known.has(resolve(dir, e)));
      }
    } catch (e) {
      // A broken kustomization still gets listed; rendering it reports why.
      if (!(e instanceof RenderError)) throw e;
    }
    out.push({ dir, role: overlay ? 'overlay' : 'base', root: roots.has(dir) });
  }
  return out;
}
