import type { FileSystem } from '../ports';
import { join } from '../paths';
import { kustomizationFileNames } from '../kustomize/kustomization';

/** What one pass over the repository tree finds. */
export interface RepoTree {
  /** Every directory visited, the root first, sorted depth-first. */
  readonly dirs: readonly string[];
  /** YAML files outside chart templates (those are Go templates, not YAML). */
  readonly yamlFiles: readonly string[];
  readonly kustomizationFiles: readonly string[];
  /** JSON files, which the Git files generator reads too. */
  readonly jsonFiles: readonly string[];
  /** Directories holding a Chart.yaml. */
  readonly chartDirs: readonly string[];
}

// Hidden directories hold tooling (.git, .github, .vscode); node_modules and vendor are not
// manifests. Skipping them keeps discovery fast on big repos.
const skipped = new Set(['node_modules', 'vendor']);

export async function walkRepo(fs: FileSystem, root: string): Promise<RepoTree> {
  const dirs: string[] = [];
  const yamlFiles: string[] = [];
  const kustomizationFiles: string[] = [];
  const chartDirs: string[] = [];
  const jsonFiles: string[] = [];
  const visit = async (dir: string, inChart: boolean): Promise<void> => {
    dirs.push(dir);
    const names = await fs.readDirectory(dir);
    const isChart = names.includes('Chart.yaml');
    if (isChart) chartDirs.push(dir);
    const subdirs: string[] = [];
    for (const name of names) {
      const path = join(dir, name);
      const kind = await fs.stat(path);
      if (kind === 'directory') {
        if (!name.startsWith('.') && !skipped.has(name)) subdirs.push(name);
        continue;
      }
      if ((kustomizationFileNames as readonly string[]).includes(name)) kustomizationFiles.push(path);
      if (/\.ya?ml$/.test(name) && !inChart) yamlFiles.push(path);
      if (name.endsWith('.json') && !inChart) jsonFiles.push(path);
    }
    for (const name of subdirs) {
      // A chart's templates/ and charts/ are Helm's business; values files stay visible.
      await visit(join(dir, name), inChart || (isChart && (name === 'templates' || name === 'charts')));
    }
  };
  await visit(root, false);
  return { dirs, yamlFiles, kustomizationFiles, jsonFiles, chartDirs };
}
