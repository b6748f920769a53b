import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { splitApiVersion, type Resource } from '../resource';
import { listField } from '../kustomization';
import type { TransformerInput } from '../transformers/pipeline';
import { idsOf, isSelectedBy } from '../replacements/selectResources';
import { isClusterScoped } from '../naming/clusterScope';
import { varsOf, type VarDefinition } from './varSet';

/**
 * Adds this kustomization's `vars` to the build's var set and binds each to the one
 * resource it names among those accumulated so far, by current or original id
 * (ResAccumulator.MergeVars). Runs after every transformer of the layer, as kustomize does.
 */
export function mergeVars({ ctx, kustomization: k, resources }: TransformerInput): void {
  const entries = listField(k, 'vars');
  if (entries.length === 0) return;
  ctx.warnings.push(diagnostic(k.file, "'vars' is deprecated; use 'replacements'", k.at(k.data, 'vars'), 'warning'));
  const set = varsOf(ctx);
  for (const [index, entry] of entries.entries()) {
    const at = k.at(entries, index);
    if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'] === '') throw new RenderError(diagnostic(k.file, 'a vars entry needs a name', at));
    const definition = toDefinition(entry, entry['name'], k.at(entry, 'name'));
    const earlier = set.get(definition.name);
    if (earlier) {
      throw new RenderError(diagnostic(k.file, `var '${definition.name}' already encountered (first defined ${earlier.at.file === k.file ? `on line ${earlier.at.line}` : `at ${earlier.at.file}:${earlier.at.line}`})`, definition.at));
    }
    const matched = resources.filter((r) => matchesVar(r, definition));
    if (matched.length > 1) {
      throw new RenderError(diagnostic(k.file, `var '${definition.name}' matches ${matched.length} resources (unable to disambiguate); add objref.namespace`, definition.at));
    }
    definition.bound = matched[0]?.object;
    set.set(definition.name, definition);
  }
}

/** Exact group, version, kind and name; the namespace only when the var names one. */
export function matchesVar(r: Resource, v: VarDefinition): boolean {
  const namespaced = !isClusterScoped({ group: v.group, kind: v.kind });
  return idsOf(r).some(
    (id) =>
      id.group === v.group &&
      id.version === v.version &&
      id.kind === v.kind &&
      id.name === v.objectName &&
      (!namespaced || v.namespace === '' || isSelectedBy(id, { namespace: v.namespace })),
  );
}

function toDefinition(entry: Record<string, unknown>, name: string, at: VarDefinition['at']): VarDefinition {
  const objref = isRecord(entry['objref']) ? entry['objref'] : {};
  const fieldref = isRecord(entry['fieldref']) ? entry['fieldref'] : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const apiVersion = str(objref['apiVersion']);
  const gv = apiVersion ? splitApiVersion(apiVersion) : { group: str(objref['group']), version: str(objref['version']) };
  return {
    name,
    group: gv.group,
    version: gv.version,
    kind: str(objref['kind']),
    objectName: str(objref['name']),
    namespace: str(objref['namespace']),
    fieldPath: str(fieldref['fieldPath']) || 'metadata.name',
    at,
  };
}
