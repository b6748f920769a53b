import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { isClusterScoped } from '../naming/clusterScope';
import { resourceId, type Resource } from '../resource';
import { originalId } from '../naming/nameHistory';
import type { Kustomization } from '../kustomization';
import { matchesSelector, parseSelector, type Selector } from '../../labelSelector';

// A patch `target` (api/types/selector.go, resmap Select): group, version, kind, name and
// namespace are anchored regular expressions; name and namespace may match the
// resource's original or current value; an empty namespace is `default`.

export interface PatchTarget {
  readonly matches: (r: Resource) => boolean;
}

const idFields = ['group', 'version', 'kind', 'name', 'namespace'] as const;

/** kustomize's EffectiveNamespace: cluster-scoped kinds have none at all. */
export function effectiveNamespace(gvk: { readonly group: string; readonly kind: string }, namespace: string | undefined): string {
  if (isClusterScoped(gvk)) return '_non_namespaceable_';
  return namespace === undefined || namespace === '' ? 'default' : namespace;
}

export function parseTarget(k: Kustomization, target: unknown, at: { line: number; column: number }): PatchTarget {
  if (!isRecord(target)) throw new RenderError(diagnostic(k.file, 'a patch target must be a mapping', at));
  const text = (field: string): string | undefined => {
    const v = target[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') throw new RenderError(diagnostic(k.file, `target ${field} must be a string`, k.at(target, field)));
    return v;
  };
  const patterns = new Map<string, RegExp>();
  for (const field of idFields) {
    const pattern = text(field);
    if (pattern === undefined) continue;
    try {
      patterns.set(field, new RegExp(`^(?:${pattern})$`));
    } catch {
      throw new RenderError(diagnostic(k.file, `target ${field} '${pattern}' is not a valid regular expression`, k.at(target, field)));
    }
  }
  const selector = (field: string): Selector | undefined => {
    const value = text(field);
    if (value === undefined) return undefined;
    try {
      return parseSelector(value);
    } catch (e) {
      throw new RenderError(diagnostic(k.file, e instanceof Error ? e.message : String(e), k.at(target, field)));
    }
  };
  const labels = selector('labelSelector');
  const annotations = selector('annotationSelector');
  const test = (field: string, ...values: string[]): boolean => {
    const pattern = patterns.get(field);
    return pattern === undefined || values.some((v) => pattern.test(v));
  };
  return {
    matches(r) {
      const id = resourceId(r);
      const original = originalId(r);
      return (
        test('namespace', effectiveNamespace(id, original.namespace), effectiveNamespace(id, id.namespace), effectiveNamespace(id, r.originalNamespace)) &&
        test('name', original.name, id.name, r.originalName) &&
        test('group', id.group) &&
        test('version', id.version) &&
        test('kind', id.kind) &&
        (labels === undefined || matchesSelector(labels, mapField(r.object.metadata['labels']))) &&
        (annotations === undefined || matchesSelector(annotations, mapField(r.object.metadata['annotations'])))
      );
    },
  };
}

function mapField(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
