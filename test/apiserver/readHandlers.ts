// get and list, as JSON objects or as the Tables `kubectl get` asks for.
import { notFound } from './apiErrors';
import { listPage } from './listPage';
import type { KubeObject } from './objects';
import type { Reply, RequestContext } from './requestContext';
import { groupVersionOf, type ResourceType } from './resourceTable';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { requestedTableVersion, toTable, type IncludeObject } from './tables';

export function includeObjectParam(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

export function getObject(context: RequestContext): Reply {
  const { type, namespace, name = '' } = context.request;
  const object = context.state.store.get(type, namespace, name);
  if (!object) throw notFound(type, name);
  const tableVersion = requestedTableVersion(context.headers.accept);
  if (tableVersion) {
    return { code: 200, body: toTable(type, [object], { apiVersion: tableVersion, includeObject: includeObjectParam(context.query), now: context.now }) };
  }
  return { code: 200, body: object };
}

export function selectObjects(context: RequestContext): KubeObject[] {
  const { type, namespace } = context.request;
  return context.state.store.list(type, namespace).filter(selectorOf(context));
}

function selectorOf(context: RequestContext): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(context.query.get('labelSelector'));
  const fields = parseFieldSelector(context.query.get('fieldSelector'));
  return (o) => labels(o.metadata.labels ?? {}) && fields(o);
}

/** Items of built-in lists carry no kind/apiVersion (typed Go lists); custom resources keep them. */
export function listItem(type: ResourceType, object: KubeObject): KubeObject {
  if (!type.builtin) return object;
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest as KubeObject;
}

export function listObjects(context: RequestContext): Reply {
  const { type, namespace } = context.request;
  const filtered = Boolean(context.query.get('labelSelector') || context.query.get('fieldSelector'));
  const { items, metadata } = listPage(context.state.store, { type, namespace, query: context.query, matches: selectorOf(context), filtered });
  const tableVersion = requestedTableVersion(context.headers.accept);
  if (tableVersion) {
    const table = toTable(type, items, { apiVersion: tableVersion, includeObject: includeObjectParam(context.query), resourceVersion: metadata.resourceVersion, now: context.now });
    return { code: 200, body: { ...table, metadata } };
  }
  return {
    code: 200,
    body: { kind: `${type.kind}List`, apiVersion: groupVersionOf(type), metadata, items: items.map((o) => listItem(type, o)) },
  };
}
