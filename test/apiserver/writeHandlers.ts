// create (POST), update (PUT) and patch (PATCH, including server-side apply).
import { randomBytes } from 'node:crypto';
import {
  alreadyExists, badRequest, invalid, invalidPatchOptions, namespaceNotFound, notFound, unsupportedMediaType,
} from './apiErrors';
import { booleanParam, mediaType, parseJsonBody, parseYamlBody } from './httpIo';
import { jsonMergePatch, jsonPatch } from './jsonPatches';
import { emptyObject } from './managedFields';
import { clone, isObject, type JsonValue, type KubeObject } from './objects';
import { isDryRun, updateManager, type Reply, type RequestContext } from './requestContext';
import { groupVersionOf } from './resourceTable';
import { serverSideApply } from './serverSideApply';
import { strategicMergePatch } from './strategicMergePatch';
import { commitWrite } from './writePipeline';

function asObject(value: JsonValue): KubeObject {
  if (!isObject(value)) throw badRequest('the body of the request was not a JSON object');
  const metadata = isObject(value['metadata']) ? value['metadata'] : {};
  return { ...value, metadata: { ...metadata } } as KubeObject;
}

function requireNamespace(context: RequestContext): void {
  const namespace = context.request.namespace;
  const namespaceType = context.state.registry.require('v1', 'Namespace');
  if (namespace !== undefined && !context.state.store.get(namespaceType, undefined, namespace)) {
    throw namespaceNotFound(namespace);
  }
}

function checkNamespace(context: RequestContext, object: KubeObject): void {
  const { type, namespace } = context.request;
  if (!type.namespaced) {
    delete object.metadata.namespace;
    return;
  }
  if (object.metadata.namespace !== undefined && object.metadata.namespace !== '' && object.metadata.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (namespace !== undefined) object.metadata.namespace = namespace;
}

/** Kubernetes' names.SimpleNameGenerator: five characters from a vowel-free alphabet. */
function generateName(prefix: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return prefix + [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function createObject(context: RequestContext): Reply {
  const { type } = context.request;
  const object = asObject(parseJsonBody(context.body));
  checkNamespace(context, object);
  if (!object.metadata.name && object.metadata.generateName) object.metadata.name = generateName(object.metadata.generateName);
  const name = object.metadata.name;
  if (!name) {
    throw invalid(type, '', [{ type: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
  }
  requireNamespace(context);
  if (context.state.store.get(type, context.request.namespace, name)) throw alreadyExists(type, name);
  const result = commitWrite({
    state: context.state, type, before: undefined, after: object,
    ownership: { operation: 'Update', manager: updateManager(context) }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: 201, body: result.object };
}

function requireExisting(context: RequestContext): KubeObject {
  const { type, namespace, name = '' } = context.request;
  const existing = context.state.store.get(type, namespace, name);
  if (!existing) throw notFound(type, name);
  return existing;
}

function checkName(context: RequestContext, object: KubeObject): void {
  const urlName = context.request.name ?? '';
  if (object.metadata.name !== undefined && object.metadata.name !== urlName) {
    throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${urlName})`);
  }
  object.metadata.name = urlName;
}

export function updateObject(context: RequestContext): Reply {
  const before = requireExisting(context);
  const object = asObject(parseJsonBody(context.body));
  checkName(context, object);
  checkNamespace(context, object);
  const result = commitWrite({
    state: context.state, type: context.request.type, before, after: object, ...subresourceOf(context),
    ownership: { operation: 'Update', manager: updateManager(context) }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: 200, body: result.object };
}

function subresourceOf(context: RequestContext): { subresource?: string } {
  return context.request.subresource ? { subresource: context.request.subresource } : {};
}

export function patchObject(context: RequestContext): Reply {
  const contentType = mediaType(context.headers.contentType);
  const { type } = context.request;
  const forceParam = context.query.get('force');
  if (contentType === 'application/apply-patch+yaml') return applyObject(context);
  if (forceParam !== null) throw invalidPatchOptions('force', 'Forbidden', 'may not be specified for non-apply patch');
  const before = requireExisting(context);
  const patch = parseJsonBody(context.body);
  let patched: JsonValue;
  switch (contentType) {
    case 'application/merge-patch+json':
      patched = jsonMergePatch(before, patch);
      break;
    case 'application/json-patch+json':
      patched = jsonPatch(before, patch);
      break;
    case 'application/strategic-merge-patch+json':
      if (!type.builtin) throw unsupportedMediaType();
      if (!isObject(patch)) throw badRequest('the body of the request was not a JSON object');
      patched = strategicMergePatch(type, before, patch);
      break;
    default:
      throw unsupportedMediaType();
  }
  const object = asObject(patched);
  checkName(context, object);
  checkNamespace(context, object);
  const result = commitWrite({
    state: context.state, type, before, after: object, ...subresourceOf(context),
    ownership: { operation: 'Update', manager: updateManager(context) }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: 200, body: result.object };
}

function applyObject(context: RequestContext): Reply {
  const { type, namespace, name = '' } = context.request;
  const manager = context.query.get('fieldManager');
  if (!manager) throw invalidPatchOptions('fieldManager', 'Required', 'is required for apply patch');
  const config = asObject(parseYamlBody(context.body));
  const expected = groupVersionOf(type);
  if (config.apiVersion !== expected || config.kind !== type.kind) {
    throw badRequest(`the API version in the data (${String(config.apiVersion)}) does not match the expected API version (${expected})`);
  }
  checkName(context, config);
  checkNamespace(context, config);
  const existing = context.state.store.get(type, namespace, name);
  if (!existing && context.request.subresource) throw notFound(type, name);
  if (!existing) requireNamespace(context);
  const live = existing ?? { ...emptyObject(type), metadata: {} };
  const applyRequest = { type, live, config, manager, force: booleanParam(context.query, 'force'), now: context.now };
  const applied = serverSideApply({ ...applyRequest, ...subresourceOf(context) });
  const after = clone(applied.object) as KubeObject;
  const result = commitWrite({
    state: context.state, type, before: existing, after, ...subresourceOf(context),
    ownership: { operation: 'Apply', managers: applied.managers }, dryRun: isDryRun(context), now: context.now,
  });
  return { code: result.created ? 201 : 200, body: result.object };
}
