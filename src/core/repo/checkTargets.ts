import { parseAllDocuments } from 'yaml';
import type { FileSystem } from '../ports';
import { join, normalize } from '../paths';
import { diagnostic, type Diagnostic } from '../result';
import { isRecord } from '../fieldPath';
import { findKustomizationFile, kustomizationFileNames } from '../kustomize/kustomization';
import { findFiles } from './findFiles';
import { rootKustomizations } from './rootKustomizations';

/** What `driftline check` renders: directories to build, and problems found while looking. */
export interface CheckTargets {
  readonly dirs: string[];
  readonly problems: Diagnostic[];
}

/**
 * The root kustomizations of a repo plus every kustomize directory an Argo CD
 * Application deploys (`spec.source.path`, `spec.sources[].path`, relative to the repo).
 * An Application path that does not exist is a problem; one without a kustomization
 * (plain manifests, a Helm chart) is not ours to render.
 */
export async function findCheckTargets(fs: FileSystem, repo: string): Promise<CheckTargets> {
  const root = normalize(repo);
  const names = new Set<string>(kustomizationFileNames);
  const kustomizations = await findFiles(fs, root, (_path, name) => names.has(name));
  const dirs = new Set(await rootKustomizations(fs, kustomizations));
  const problems: Diagnostic[] = [];
  const manifests = await findFiles(fs, root, (_path, name) => (name.endsWith('.yaml') || name.endsWith('.yml')) && !names.has(name));
  for (const file of manifests) {
    for (const { path, at } of argoSourcePaths((await fs.readFile(file)) ?? '')) {
      const dir = join(root, path);
      const kind = await fs.stat(dir);
      if (kind !== 'directory') {
        problems.push(diagnostic(file, `Argo CD Application source path '${path}' does not exist in the repository`, at));
        continue;
      }
      try {
        if (await findKustomizationFile(fs, dir)) dirs.add(dir);
      } catch {
        dirs.add(dir); // several kustomization files: the render reports it
      }
    }
  }
  return { dirs: [...dirs].sort(), problems };
}

function argoSourcePaths(text: string): { path: string; at: { line: number; column: number } }[] {
  if (!text.includes('argoproj.io')) return [];
  const out: { path: string; at: { line: number; column: number } }[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const locate = (offset: number): { line: number; column: number } => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    if (!isRecord(value) || value['kind'] !== 'Application' || !String(value['apiVersion']).startsWith('argoproj.io/')) continue;
    const spec = isRecord(value['spec']) ? value['spec'] : {};
    const sources = [spec['source'], ...(Array.isArray(spec['sources']) ? spec['sources'] : [])];
    sources.forEach((source, index) => {
      if (!isRecord(source) || typeof source['path'] !== 'string' || source['path'] === '') return;
      const node = doc.getIn(index === 0 ? ['spec', 'source', 'path'] : ['spec', 'sources', index - 1, 'path'], true) as { range?: number[] } | undefined;
      out.push({ path: source['path'], at: locate(node?.range?.[0] ?? 0) });
    });
  }
  return out;
}
