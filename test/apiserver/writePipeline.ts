// The common tail of every write (create, update, patch, apply): system metadata, status
// reset, defaulting, generation, managedFields, settled Pod/PVC status, no-op detection, dry run,
// and finally storage with a new resourceVersion.
import { randomUUID } from 'node:crypto';
import { staleResourceVersion } from './apiErrors';
import type { ClusterState } from './clusterState';
import { applySchemaDefaults } from './crdSchema';
import { isCrdType, validateCrd } from './crdTypes';
import { applyDefaults } from './defaulting';
import { decodeManagers, emptyObject, encodeManagers, recordUpdate, type Manager } from './managedFields';
import { clone, deepEqual, isObject, rfc3339, type JsonObject, type KubeObject } from './objects';
import { groupVersionOf, type ResourceType } from './resourceTable';
import { settleStatus } from './workloadStatus';

export type Ownership =
  | { operation: 'Update'; manager: string }
  | { operation: 'Apply'; managers: Manager[] };

export interface WriteRequest {
  state: ClusterState;
  type: ResourceType;
  /** The live object; undefined when creating. */
  before: KubeObject | undefined;
  /** The object as the request wants it (replaced, patched, or apply-merged). */
  after: KubeObject;
  subresource?: string;
  ownership: Ownership;
  dryRun: boolean;
  now: Date;
}

export interface WriteResult {
  object: KubeObject;
  created: boolean;
}

/** Everything but metadata and status: a change here is a new generation. */
function desiredState(object: JsonObject): JsonObject {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = object;
  return rest;
}

/** managedFields timestamps alone do not make a write (IgnoreManagedFieldsTimestampsTransformer). */
function comparable(object: KubeObject, ignoreStatus: boolean): JsonObject {
  const copy = clone(object) as JsonObject;
  const metadata = copy['metadata'];
  if (isObject(metadata)) {
    delete metadata['resourceVersion'];
    const entries = metadata['managedFields'];
    if (Array.isArray(entries)) for (const entry of entries) if (isObject(entry)) delete entry['time'];
  }
  if (ignoreStatus) delete copy['status'];
  return copy;
}

/** ObjectMeta's maps and lists are omitempty: an emptied `annotations: {}` is not stored. */
function dropEmptyMetadata(metadata: JsonObject): void {
  for (const key of ['labels', 'annotations', 'finalizers', 'ownerReferences']) {
    const value = metadata[key];
    if ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) delete metadata[key];
  }
}

export function commitWrite(request: WriteRequest): WriteResult {
  const { state, type, before, now } = request;
  const apiVersion = groupVersionOf(type);
  const requestedVersion = request.after.metadata.resourceVersion;
  if (before && requestedVersion !== undefined && requestedVersion !== '' && requestedVersion !== before.metadata.resourceVersion) {
    throw staleResourceVersion(type, before.metadata.name ?? '');
  }
  let object: KubeObject = clone(request.after);
  if (request.subresource === 'status' && before) {
    // A status write changes status only.
    object = { ...clone(before), status: clone(request.after['status'] ?? null) };
    if (object['status'] === null) delete object['status'];
    // The Deployment status strategy resets only spec and labels: its controller records
    // the deployment.kubernetes.io/revision annotation through /status.
    if (type.kind === 'Deployment' && type.group === 'apps') {
      const annotations = request.after.metadata.annotations;
      if (annotations) object.metadata.annotations = clone(annotations);
      else delete object.metadata.annotations;
    }
  }
  object.apiVersion = apiVersion;
  object.kind = type.kind;
  const metadata = object.metadata;
  delete metadata.resourceVersion;
  if (before) {
    metadata.uid = before.metadata.uid ?? randomUUID();
    metadata.creationTimestamp = before.metadata.creationTimestamp ?? rfc3339(now);
    if (before.metadata.generation !== undefined) metadata.generation = before.metadata.generation;
  } else {
    metadata.uid = randomUUID();
    metadata.creationTimestamp = rfc3339(now);
    if (type.generation) metadata.generation = 1;
    delete metadata.generateName;
  }
  if (type.statusSubresource && request.subresource !== 'status') {
    if (before?.['status'] !== undefined) object['status'] = clone(before['status']);
    else delete object['status'];
  }
  const keptClusterIp = before ? (isObject(before['spec']) ? before['spec']['clusterIP'] : undefined) : undefined;
  applyDefaults(apiVersion, type.kind, object, {
    allocateClusterIp: () => (typeof keptClusterIp === 'string' ? keptClusterIp : state.allocateClusterIp()),
  });
  dropEmptyMetadata(metadata);
  if (!type.builtin) applySchemaDefaults(type.schema, object);
  if (isCrdType(type)) validateCrd(type, object);
  if (before && type.generation && !deepEqual(desiredState(before), desiredState(object))) {
    metadata.generation = (before.metadata.generation ?? 0) + 1;
  }
  const ownership = request.ownership;
  let managers: Manager[];
  if (ownership.operation === 'Apply') {
    managers = ownership.managers;
  } else {
    const requested = request.after.metadata.managedFields;
    const explicit = requested !== undefined && !deepEqual(requested, before?.metadata.managedFields);
    const current = explicit ? decodeManagers(request.after) : before ? decodeManagers(before) : [];
    const update = {
      type, before: before ?? emptyObject(type), after: object, managers: current, manager: ownership.manager, apiVersion, now,
    };
    managers = recordUpdate(request.subresource ? { ...update, subresource: request.subresource } : update);
  }
  const entries = encodeManagers(managers);
  if (entries.length > 0) metadata.managedFields = entries;
  else delete metadata.managedFields;
  if (request.subresource !== 'status') settleStatus(type.kind, object, rfc3339(now));
  // Status counts as a change only where it may change: on /status, or without a status subresource.
  const ignoreStatus = type.statusSubresource && request.subresource !== 'status';
  if (before && deepEqual(comparable(before, ignoreStatus), comparable(object, ignoreStatus))) {
    return { object: before, created: false };
  }
  if (request.dryRun) {
    if (before?.metadata.resourceVersion) metadata.resourceVersion = before.metadata.resourceVersion;
    return { object, created: !before };
  }
  return { object: state.store.put(type, object), created: !before };
}
