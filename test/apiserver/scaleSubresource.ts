// /scale: an autoscaling/v1 Scale view of spec.replicas, as `kubectl scale` and HPAs use it.
import { badRequest, notFound, unsupportedMediaType } from './apiErrors';
import { mediaType, parseJsonBody } from './httpIo';
import { jsonMergePatch, jsonPatch } from './jsonPatches';
import { clone, isObject, objectAt, type JsonObject, type JsonValue, type KubeObject } from './objects';
import { isDryRun, updateManager, type Reply, type RequestContext } from './requestContext';
import { commitWrite } from './writePipeline';

function selectorString(object: KubeObject): string {
  const matchLabels = objectAt(object, 'spec', 'selector', 'matchLabels') ?? {};
  return Object.keys(matchLabels).sort().map((k) => `${k}=${String(matchLabels[k])}`).join(',');
}

function toScale(object: KubeObject): JsonObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const replicas = objectAt(object, 'spec')?.['replicas'] ?? 0;
  const statusReplicas = objectAt(object, 'status')?.['replicas'] ?? 0;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: name ?? '', namespace: namespace ?? '', uid: uid ?? '', resourceVersion: resourceVersion ?? '', creationTimestamp: creationTimestamp ?? null },
    spec: { replicas }, status: { replicas: statusReplicas, selector: selectorString(object) },
  };
}

export function serveScale(context: RequestContext, method: string): Reply {
  const { type, namespace, name = '' } = context.request;
  const before = context.state.store.get(type, namespace, name);
  if (!before) throw notFound(type, name);
  if (method === 'GET') return { code: 200, body: toScale(before) };
  const current = toScale(before);
  let scale: JsonValue;
  if (method === 'PUT') {
    scale = parseJsonBody(context.body);
  } else {
    const contentType = mediaType(context.headers.contentType);
    const patch = parseJsonBody(context.body);
    if (contentType === 'application/json-patch+json') scale = jsonPatch(current, patch);
    else if (contentType === 'application/merge-patch+json' || contentType === 'application/strategic-merge-patch+json') scale = jsonMergePatch(current, patch);
    else throw unsupportedMediaType();
  }
  const replicas = isObject(scale) ? objectAt(scale, 'spec')?.['replicas'] : undefined;
  if (typeof replicas !== 'number') throw badRequest('Scale.spec.replicas must be a number');
  const after = clone(before);
  after['spec'] = { ...(objectAt(after, 'spec') ?? {}), replicas };
  const result = commitWrite({
    state: context.state, type, before, after, subresource: 'scale',
    ownership: { operation: 'Update', manager: updateManager(context) }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: 200, body: toScale(result.object) };
}
