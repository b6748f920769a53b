import type { FileSystem } from '../ports';
import type { Provenance } from '../provenance';
import { resolve } from '../paths';
import { parseTrackedCached, type ParseCache } from '../yaml/parseCache';
import { isRecord } from '../fieldPath';
import { RenderError, diagnostic, type Diagnostic } from '../result';
import { asObject, formatResourceId, resourceId, sameId, type Resource } from './resource';
import { listField, loadLayer, type Kustomization } from './kustomization';
import { applyTransformers } from './transformers/pipeline';
import { runGenerators } from './generators/runGenerators';
import { accumulateComponents, checkRole, type KustomizationRole } from './components/accumulateComponents';
import { checkFileWithinRoot, cycleError, cycleWith } from './validation/loadRules';

export interface BuildContext {
  readonly fs: FileSystem;
  readonly provenance: Provenance;
  readonly warnings: Diagnostic[];
  /** Directories being built, to report cycles instead of recursing forever. */
  readonly stack: string[];
  /** Parses kept between renders (createRenderer); absent for a one-off render. */
  readonly parseCache?: ParseCache;
}

/** Builds the kustomization in `dir`: its resources, transformed by its own transformers. */
export async function buildKustomization(ctx: BuildContext, dir: string, into: Resource[] = [], role: KustomizationRole = 'root'): Promise<{ kustomization: Kustomization; resources: Resource[] }> {
  const k = await loadLayer(ctx, dir);
  if (!k) {
    throw new RenderError(diagnostic(dir, "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory"));
  }
  checkRole(k, role);
  if (ctx.stack.includes(dir)) {
    throw new RenderError(diagnostic(k.file, `cycle in resources: ${[...ctx.stack, dir].join(' -> ')}`));
  }
  ctx.stack.push(dir);
  try {
    const resources = into;
    // kustomize appends the deprecated `bases` after `resources`.
    for (const field of ['resources', 'bases']) {
      const entries = listField(k, field);
      if (field === 'bases' && entries.length > 0) {
        ctx.warnings.push(diagnostic(k.file, "'bases' is deprecated; list the directories under 'resources'", k.at(k.data, field), 'warning'));
      }
      for (const [index, entry] of entries.entries()) {
        for (const r of await loadEntry(ctx, k, entries, index, entry)) addResource(resources, r, k, k.at(entries, index));
      }
    }
    // Generators, then components, then this layer's transformers (api/internal/target/kusttarget.go).
    await runGenerators(ctx, k, resources);
    await accumulateComponents(ctx, k, resources, buildKustomization);
    await applyTransformers(ctx, k, resources);
    return { kustomization: k, resources };
  } finally {
    ctx.stack.pop();
  }
}

async function loadEntry(ctx: BuildContext, k: Kustomization, list: unknown[], index: number, entry: unknown): Promise<Resource[]> {
  const at = k.at(list, index);
  if (typeof entry !== 'string' || entry === '') throw new RenderError(diagnostic(k.file, 'a resource entry must be a non-empty path', at));
  if (isRemote(entry)) {
    throw new RenderError(diagnostic(k.file, `remote resource '${entry}' is not rendered in-process; enable the external renderer`, at));
  }
  const path = resolve(k.dir, entry);
  const kind = await ctx.fs.stat(path);
  if (kind === 'directory') {
    const visited = cycleWith(ctx.stack, path);
    if (visited) throw cycleError(k, entry, visited, at);
    return (await buildKustomization(ctx, path, [], 'resource')).resources;
  }
  if (kind === 'file') checkFileWithinRoot(k, path, entry, at);
  if (kind === 'file') return loadResourceFile(ctx, path, k, at);
  throw new RenderError(diagnostic(k.file, `resource '${entry}' not found`, at));
}

function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@') || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry);
}

async function loadResourceFile(ctx: BuildContext, path: string, k: Kustomization, at: { line: number; column: number }): Promise<Resource[]> {
  const text = await ctx.fs.readFile(path);
  if (text === undefined) throw new RenderError(diagnostic(k.file, `cannot read ${path}`, at));
  const parsed = parseTrackedCached(ctx.parseCache, path, text, ctx.provenance, 'resource', 'resource');
  if (!parsed.ok) throw new RenderError(parsed.error[0] ?? diagnostic(path, 'invalid YAML'));
  const out: Resource[] = [];
  const lists: Resource[] = [];
  for (const doc of parsed.value) {
    if (doc.value === null) continue;
    const items = isRecord(doc.value) ? doc.value['items'] : undefined;
    if (isRecord(doc.value) && String(doc.value['kind']).endsWith('List') && Array.isArray(items)) {
      // List items come after the file's other documents, as in kustomize's resource factory.
      for (const item of items) {
        const itemObject = asObject(item);
        if (!itemObject) throw new RenderError(diagnostic(path, 'a List item must be an object with metadata', doc.location));
        lists.push(toResource(itemObject, doc.location));
      }
      continue;
    }
    const object = asObject(doc.value);
    // kustomize requires a kind and a name, not an apiVersion (kubectl-verified).
    if (!object || typeof object['kind'] !== 'string' || object['kind'] === '' || (object['apiVersion'] !== undefined && typeof object['apiVersion'] !== 'string')) {
      throw new RenderError(diagnostic(path, 'a resource needs a kind and metadata', doc.location));
    }
    out.push(toResource(object, doc.location));
  }
  for (const r of [...out, ...lists]) {
    if (typeof r.object.metadata['name'] !== 'string' || r.object.metadata['name'] === '') {
      throw new RenderError(diagnostic(path, `missing metadata.name in object ${String(r.object['kind'])}`, r.origin));
    }
  }
  return [...out, ...lists];
}

function toResource(object: Resource['object'], origin: Resource['origin']): Resource {
  const ns = object.metadata['namespace'];
  stringifyNullMetadata(object.metadata);
  return {
    object,
    origin,
    originalName: String(object.metadata['name'] ?? ''),
    originalNamespace: typeof ns === 'string' ? ns : undefined,
  };
}

/** Labels and annotations are string maps in kustomize: a YAML null value becomes the string "null". */
function stringifyNullMetadata(metadata: Record<string, unknown>): void {
  for (const field of ['labels', 'annotations']) {
    const map = metadata[field];
    if (!isRecord(map)) continue;
    for (const [key, value] of Object.entries(map)) if (value === null) map[key] = 'null';
  }
}

function addResource(into: Resource[], r: Resource, k: Kustomization, at: { line: number; column: number }): void {
  const id = resourceId(r);
  if (into.some((existing) => sameId(resourceId(existing), id))) {
    throw new RenderError(diagnostic(k.file, `may not add resource with an already registered id: ${formatResourceId(id)}`, at));
  }
  into.push(r);
}
