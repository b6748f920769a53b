import type { FileSystem } from '../../ports';
import { join, relative } from '../../paths';
import { Provenance } from '../../provenance';
import type { Diagnostic } from '../../result';
import { parseTracked } from '../../yaml/trackedParse';
import { matchGlob } from '../glob';
import type { ArgoDirectoryOptions } from '../model';
import { countMessage, expandLists, isObjectDoc, type AppRender, type DesiredObject } from './desiredObjects';

async function manifestFiles(fs: FileSystem, dir: string, recurse: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const name of await fs.readDirectory(dir)) {
    const path = join(dir, name);
    const kind = await fs.stat(path);
    if (kind === 'directory') {
      if (recurse && !name.startsWith('.')) out.push(...(await manifestFiles(fs, path, true)));
    } else if (/\.(ya?ml|json)$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * A plain directory of manifests, as Argo CD's directory source reads it: YAML and JSON
 * files (subdirectories only with `recurse`), filtered by `include`/`exclude` globs on the
 * path relative to the app directory. Every field keeps its source position.
 */
export async function renderDirectory(fs: FileSystem, dir: string, options: ArgoDirectoryOptions | undefined): Promise<AppRender> {
  const provenance = new Provenance();
  const objects: DesiredObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of await manifestFiles(fs, dir, options?.recurse ?? false)) {
    const rel = relative(dir, file);
    if (options?.include && !matchGlob(options.include, rel)) continue;
    if (options?.exclude && matchGlob(options.exclude, rel)) continue;
    const parsed = parseTracked(file, (await fs.readFile(file)) ?? '', provenance, 'resource');
    if (!parsed.ok) {
      diagnostics.push(...parsed.error);
      continue;
    }
    for (const doc of parsed.value) {
      if (!isObjectDoc(doc.value)) continue;
      for (const object of expandLists(doc.value)) objects.push({ object, origin: doc.location });
    }
  }
  if (diagnostics.length > 0) return { kind: 'directory', status: 'error', message: diagnostics[0]?.message ?? 'error', objects, provenance, diagnostics };
  return { kind: 'directory', status: 'rendered', message: countMessage(objects.length), objects, provenance, diagnostics };
}
