import { isRecord } from '../../fieldPath';
import { RenderError, diagnostic } from '../../result';
import { formatResourceId, resourceId, type Resource } from '../resource';
import { stringField } from '../kustomization';
import { gvkOf, type FieldSpec } from '../fieldSpecs/fieldSpec';
import { layerConfig } from '../fieldSpecs/layerConfig';
import { walkFieldSpec } from '../fieldSpecs/walkFieldSpec';
import { isClusterScoped } from '../naming/clusterScope';
import { effectiveNamespace, noteRenamed, storePreviousId } from '../naming/nameHistory';
import type { TransformerInput } from './pipeline';

// kustomize's namespace transformer (api/filters/namespace, v5.7.1): metadata.namespace of
// every namespaced kind, the name of `v1` Namespaces, the namespace fields of the config
// table (APIService service, CRD conversion webhook), and RoleBinding/ClusterRoleBinding
// subjects named `default` only; other subjects follow their ServiceAccount through the
// root's name-reference step.

// Re-exported for callers that imported it from here before it moved to naming/clusterScope.ts.
export { isClusterScoped };

const roleBindingKinds = new Set(['RoleBinding', 'ClusterRoleBinding']);

export async function transformNamespace({ ctx, kustomization: k, resources }: TransformerInput): Promise<void> {
  const namespace = stringField(k, 'namespace');
  if (namespace === undefined || namespace === '') return;
  const config = await layerConfig(ctx, k);
  const where = k.at(k.data, 'namespace');
  const write = { ...where, operation: 'namespace' };
  const set = (parent: Record<string, unknown>, key: string): void => {
    parent[key] = namespace;
    ctx.provenance.record(parent, key, write);
  };
  const onError = (message: string): never => {
    throw new RenderError(diagnostic(k.file, `namespace transformation failed: ${message}`, where));
  };
  for (const r of resources) {
    storePreviousId(r);
    const gvk = gvkOf(r.object);
    if (!isClusterScoped(gvk)) set(r.object.metadata, 'namespace');
    if (roleBindingKinds.has(gvk.kind)) setDefaultSubjects(r, set);
    for (const spec of specsFor(config.namespace, r)) walkFieldSpec(r.object, spec, { createKind: 'scalar', onError }, set);
    noteRenamed(r);
    const clashes = resources.filter((other) => sameEffectiveId(other, r));
    if (clashes.length > 1) {
      const before = clashes.map((c) => formatResourceId(c.naming?.previousIds.at(-1) ?? resourceId(c))).join(' and ');
      throw new RenderError(diagnostic(k.file, `namespace transformation produces ID conflict: ${before} would both be ${formatResourceId(resourceId(r))}`, where));
    }
  }
}

/** metadata/namespace is handled above; metadata/name entries apply to `apiVersion: v1` only. */
function specsFor(specs: readonly FieldSpec[], r: Resource): FieldSpec[] {
  const isV1 = r.object['apiVersion'] === 'v1';
  const kind = gvkOf(r.object).kind;
  return specs.filter(
    (s) => s.path !== 'metadata/namespace' && (isV1 || s.path !== 'metadata/name') && !(roleBindingKinds.has(kind) && s.path === 'subjects' && roleBindingKinds.has(s.kind ?? '')),
  );
}

function setDefaultSubjects(r: Resource, set: (parent: Record<string, unknown>, key: string) => void): void {
  const subjects = r.object['subjects'];
  for (const s of Array.isArray(subjects) ? subjects : []) {
    if (isRecord(s) && s['name'] === 'default') set(s, 'namespace');
  }
}

function sameEffectiveId(a: Resource, b: Resource): boolean {
  const x = resourceId(a);
  const y = resourceId(b);
  return x.group === y.group && x.version === y.version && x.kind === y.kind && x.name === y.name && effectiveNamespace(x) === effectiveNamespace(y);
}
