// URL → what is being asked for, after k8s.io/apiserver's RequestInfoFactory.
import type { ResourceRegistry } from './resourceRegistry';
import { subresourcesOf, type ResourceType } from './resourceTable';

export interface ResourceRequest {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { kind: 'resource'; request: ResourceRequest }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'other' };

/** Subresources of a namespace, which must not be read as a namespaced resource name. */
const namespaceSubresources = new Set(['status', 'finalize']);

export function parseResourcePath(pathname: string, registry: ResourceRegistry): ParsedPath {
  const parts = pathname.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    [group, version, rest] = ['', parts[1] ?? '', parts.slice(2)];
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    [group, version, rest] = [parts[1] ?? '', parts[2] ?? '', parts.slice(3)];
  } else {
    return { kind: 'other' };
  }
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 2 && !namespaceSubresources.has(rest[2] ?? '')) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural = '', name, subresource, ...extra] = rest;
  const type = registry.findResource(group, version, plural);
  if (!type || extra.length > 0) return { kind: 'other' };
  if (namespace !== undefined && !type.namespaced) return { kind: 'other' };
  if (subresource !== undefined && !subresourcesOf(type).includes(subresource)) return { kind: 'other' };
  const request: ResourceRequest = { type };
  if (namespace !== undefined) request.namespace = namespace;
  if (name !== undefined) request.name = name;
  if (subresource !== undefined) request.subresource = subresource;
  return { kind: 'resource', request };
}

/** The authorizer's verb for a resource request (RequestInfoFactory: GET without a name is list or watch). */
export function resourceVerb(method: string, request: ResourceRequest, query: URLSearchParams): string {
  const watch = ['true', '1'].includes(query.get('watch') ?? '');
  switch (method) {
    case 'GET': return request.name !== undefined ? 'get' : watch ? 'watch' : 'list';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return request.name !== undefined ? 'delete' : 'deletecollection';
    default: return method.toLowerCase();
  }
}
