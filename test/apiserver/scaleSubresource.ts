// /scale: an autoscaling/v1 Scale view of spec.replicas, as `kubectl scale` and HPAs use it;
// custom resources map it through their CRD's specReplicasPath/statusReplicasPath.
import { badRequest, notFound, unsupportedMediaType } from './apiErrors';
import { mediaType, parseJsonBody } from './httpIo';
import { jsonMergePatch, jsonPatch } from './jsonPatches';
import { clone, isObject, objectAt, type JsonObject, type JsonValue, type KubeObject } from './objects';
import { isDryRun, updateManager, type Reply, type RequestContext } from './requestContext';
import type { ResourceType, ScalePaths } from './resourceTable';
import { commitWrite } from './writePipeline';

const builtinPaths: ScalePaths = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' };

function pathOf(path: string): string[] {
  return path.split('.').filter((p) => p !== '');
}

function valueAt(object: JsonObject, path: string): JsonValue | undefined {
  const names = pathOf(path);
  return objectAt(object, ...names.slice(0, -1))?.[names[names.length - 1] ?? ''];
}

function setAt(object: JsonObject, path: string, value: JsonValue): void {
  const names = pathOf(path);
  let node = object;
  for (const name of names.slice(0, -1)) {
    const child = node[name];
    node = isObject(child) ? child : (node[name] = {});
  }
  node[names[names.length - 1] ?? ''] = value;
}

function selectorString(type: ResourceType, object: KubeObject): string {
  if (type.scalePaths) {
    const selector = type.scalePaths.labelSelectorPath ? valueAt(object, type.scalePaths.labelSelectorPath) : undefined;
    return typeof selector === 'string' ? selector : '';
  }
  const matchLabels = objectAt(object, 'spec', 'selector', 'matchLabels') ?? {};
  return Object.keys(matchLabels).sort().map((k) => `${k}=${String(matchLabels[k])}`).join(',');
}

function toScale(type: ResourceType, object: KubeObject): JsonObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const paths = type.scalePaths ?? builtinPaths;
  const replicas = valueAt(object, paths.specReplicasPath) ?? 0;
  const statusReplicas = valueAt(object, paths.statusReplicasPath) ?? 0;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: name ?? '', namespace: namespace ?? '', uid: uid ?? '', resourceVersion: resourceVersion ?? '', creationTimestamp: creationTimestamp ?? null },
    spec: { replicas }, status: { replicas: statusReplicas, selector: selectorString(type, object) },
  };
}

export function serveScale(context: RequestContext, method: string): Reply {
  const { type, namespace, name = '' } = context.request;
  const before = context.state.store.get(type, namespace, name);
  if (!before) throw notFound(type, name);
  if (method === 'GET') return { code: 200, body: toScale(type, before) };
  const current = toScale(type, before);
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
  setAt(after, (type.scalePaths ?? builtinPaths).specReplicasPath, replicas);
  const result = commitWrite({
    state: context.state, type, before, after, subresource: 'scale',
    ownership: { operation: 'Update', manager: updateManager(context) }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: 200, body: toScale(type, result.object) };
}
