// Discovery documents: aggregated (apidiscovery.k8s.io/v2, what kubectl asks for first) and
// the legacy per-group-version lists (what @kubernetes/client-node reads), plus /version.
import type { JsonObject } from './objects';
import type { ResourceRegistry } from './resourceRegistry';
import { groupVersionOf, resourceVerbs, subresourcesOf, type ResourceType } from './resourceTable';

export const aggregatedDiscoveryContentType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export const serverVersion = {
  major: '1',
  minor: '35',
  gitVersion: 'v1.35.2',
  gitCommit: 'fc3b8a6ec4b1c3cdc4cc4c1a5b7c0d1e3a2b6f80',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T00:00:00Z',
  goVersion: 'go1.25.7',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Does the Accept header ask for aggregated discovery (v2 or v2beta1)? */
export function wantsAggregatedDiscovery(accept: string): boolean {
  return accept.split(',').some((part) => part.includes('g=apidiscovery.k8s.io') && part.includes('as=APIGroupDiscoveryList'));
}

function typesOf(registry: ResourceRegistry, group: string, version?: string): ResourceType[] {
  return registry.all().filter((t) => t.group === group && (version === undefined || t.version === version));
}

function subresourceKind(type: ResourceType, subresource: string): JsonObject {
  return subresource === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { group: type.group, version: type.version, kind: type.kind };
}

function aggregatedResource(type: ResourceType): JsonObject {
  const resource: JsonObject = {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: [...resourceVerbs],
  };
  if (type.shortNames?.length) resource['shortNames'] = type.shortNames;
  if (type.categories?.length) resource['categories'] = type.categories;
  const subresources = subresourcesOf(type).map((subresource) => ({
    subresource, responseKind: subresourceKind(type, subresource), verbs: ['get', 'patch', 'update'],
  }));
  if (subresources.length > 0) resource['subresources'] = subresources;
  return resource;
}

function groupNames(registry: ResourceRegistry): string[] {
  return [...new Set(registry.all().filter((t) => t.group !== '').map((t) => t.group))];
}

function aggregatedGroup(registry: ResourceRegistry, group: string): JsonObject {
  const versions = [...new Set(typesOf(registry, group).map((t) => t.version))];
  return {
    metadata: { name: group, creationTimestamp: null },
    versions: versions.map((version) => ({ version, resources: typesOf(registry, group, version).map(aggregatedResource), freshness: 'Current' })),
  };
}

export function aggregatedDiscovery(registry: ResourceRegistry, legacy: boolean): JsonObject {
  const items = legacy ? [aggregatedGroup(registry, '')] : groupNames(registry).map((g) => aggregatedGroup(registry, g));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export function coreApiVersions(serverAddress: string): JsonObject {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroup(registry: ResourceRegistry, group: string): JsonObject | undefined {
  const versions = registry.groupVersions().filter((gv) => gv.group === group).map((gv) => ({ groupVersion: `${group}/${gv.version}`, version: gv.version }));
  const preferred = versions[0];
  if (!preferred) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions, preferredVersion: preferred };
}

export function apiGroupList(registry: ResourceRegistry): JsonObject {
  const groups = groupNames(registry).map((group) => {
    const { kind: _kind, apiVersion: _apiVersion, ...rest } = apiGroup(registry, group) ?? {};
    return rest;
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** APIResourceList; a resource comes before its subresources (client-node takes the first kind match). */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): JsonObject | undefined {
  const types = typesOf(registry, group, version);
  if (types.length === 0) return undefined;
  const resources: JsonObject[] = [];
  for (const type of types) {
    const resource: JsonObject = { name: type.plural, singularName: type.singular, namespaced: type.namespaced, kind: type.kind, verbs: [...resourceVerbs] };
    if (type.shortNames?.length) resource['shortNames'] = type.shortNames;
    if (type.categories?.length) resource['categories'] = type.categories;
    resources.push(resource);
  }
  for (const type of types) {
    for (const subresource of subresourcesOf(type)) {
      const kind = subresourceKind(type, subresource);
      const entry: JsonObject = { name: `${type.plural}/${subresource}`, singularName: '', namespaced: type.namespaced, kind: kind['kind'] ?? type.kind, verbs: ['get', 'patch', 'update'] };
      if (subresource === 'scale') Object.assign(entry, { group: 'autoscaling', version: 'v1' });
      resources.push(entry);
    }
  }
  const groupVersion = types[0] ? groupVersionOf(types[0]) : version;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}
