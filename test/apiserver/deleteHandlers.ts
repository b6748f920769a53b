// delete and deletecollection. Deletion is immediate (no finalizers, no graceful period);
// deleting a namespace deletes what it holds first, as the namespace controller would, and
// deleting a CRD deletes its custom resources first (the customresourcecleanup finalizer).
import { notFound } from './apiErrors';
import { clone, type JsonObject, type KubeObject } from './objects';
import { listItem, selectObjects } from './readHandlers';
import { isDryRun, type Reply, type RequestContext } from './requestContext';
import { isCrdType } from './crdTypes';
import { groupVersionOf, type ResourceType } from './resourceTable';

function removeObject(context: RequestContext, type: ResourceType, object: KubeObject): KubeObject {
  const { store, registry } = context.state;
  const name = object.metadata.name ?? '';
  if (isDryRun(context)) return object;
  if (type.kind === 'Namespace' && type.group === '') {
    for (const namespaced of registry.all().filter((t) => t.namespaced)) {
      for (const child of store.list(namespaced, name)) store.remove(namespaced, name, child.metadata.name ?? '');
    }
  }
  if (isCrdType(type)) {
    for (const custom of registry.servedBy(name)) {
      for (const child of store.list(custom)) store.remove(custom, child.metadata.namespace, child.metadata.name ?? '');
    }
  }
  return store.remove(type, object.metadata.namespace, name) ?? object;
}

function successStatus(type: ResourceType, object: KubeObject): JsonObject {
  const details: JsonObject = { name: object.metadata.name ?? '' };
  if (type.group !== '') details['group'] = type.group;
  details['kind'] = type.plural;
  details['uid'] = object.metadata.uid ?? '';
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details };
}

export function deleteObject(context: RequestContext): Reply {
  const { type, namespace, name = '' } = context.request;
  const existing = context.state.store.get(type, namespace, name);
  if (!existing) throw notFound(type, name);
  const deleted = removeObject(context, type, existing);
  // Pods answer with the object (graceful deletion); most resources with a Success Status.
  if (type.kind === 'Pod') return { code: 200, body: deleted };
  return { code: 200, body: successStatus(type, deleted) };
}

export function deleteCollection(context: RequestContext): Reply {
  const { type } = context.request;
  const deleted = selectObjects(context).map((o) => removeObject(context, type, clone(o)));
  return {
    code: 200,
    body: {
      kind: `${type.kind}List`, apiVersion: groupVersionOf(type),
      metadata: { resourceVersion: String(context.state.store.currentResourceVersion) },
      items: deleted.map((o) => listItem(type, o)),
    },
  };
}
