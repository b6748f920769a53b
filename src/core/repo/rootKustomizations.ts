import type { FileSystem } from '../ports';
import { dirname, resolve } from '../paths';
import { loadKustomization } from '../kustomize/kustomization';
import { RenderError } from '../result';

/**
 * The kustomizations nothing else includes — overlays and standalone apps, the
 * things that get deployed. `kustomizationFiles` are absolute paths.
 */
export async function rootKustomizations(fs: FileSystem, kustomizationFiles: readonly string[]): Promise<string[]> {
  const dirs = [...new Set(kustomizationFiles.map(dirname))].sort();
  const included = new Set<string>();
  for (const dir of dirs) {
    try {
      const k = await loadKustomization(fs, dir);
      for (const field of ['resources', 'bases', 'components']) {
        const entries = k?.data[field];
        if (!Array.isArray(entries)) continue;
        for (const entry of entries) if (typeof entry === 'string') included.add(resolve(dir, entry));
      }
    } catch (e) {
      // A broken kustomization is still a root: its render reports the problem.
      if (!(e instanceof RenderError)) throw e;
    }
  }
  return dirs.filter((d) => !included.has(d));
}
