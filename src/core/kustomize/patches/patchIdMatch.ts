import { isRecord } from '../../fieldPath';
import { previousIds } from '../naming/nameHistory';
import { resourceId, splitApiVersion, type Resource, type ResourceId } from '../resource';
import { effectiveNamespace } from './patchTarget';

// A strategic merge patch without a target patches the resource with its id
// (resmap GetById): same group, version and kind, and the name and namespace the
// resource has now, had originally, or had between renames.

export function patchId(patch: Record<string, unknown>): ResourceId {
  const { group, version } = splitApiVersion(typeof patch['apiVersion'] === 'string' ? patch['apiVersion'] : '');
  const metadata = isRecord(patch['metadata']) ? patch['metadata'] : {};
  const namespace = metadata['namespace'];
  return {
    group,
    version,
    kind: typeof patch['kind'] === 'string' ? patch['kind'] : '',
    name: typeof metadata['name'] === 'string' ? metadata['name'] : '',
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : undefined,
  };
}

function idsOf(r: Resource): ResourceId[] {
  const current = resourceId(r);
  return [current, ...previousIds(r), { ...current, name: r.originalName, namespace: r.originalNamespace }];
}

function equalIds(a: ResourceId, b: ResourceId): boolean {
  return (
    a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name &&
    effectiveNamespace(a, a.namespace) === effectiveNamespace(b, b.namespace)
  );
}

/** The resources the patch's id names; kustomize requires exactly one. */
export function resourcesWithId(resources: readonly Resource[], id: ResourceId): Resource[] {
  return resources.filter((r) => idsOf(r).some((other) => equalIds(other, id)));
}
