// Server-side apply: merge an applied configuration into the live object field by field
// (SMD TypedValue.Merge), prune what the applier stopped setting, and settle ownership.
import { ApiError } from './apiErrors';
import { listItemElement, removePath } from './fieldWalk';
import { pathToString, type FieldSet } from './fieldSet';
import { isAtomicMap, listTypeAt, type ListType } from './fieldTypes';
import { appliedFieldSet, conflictMessage, decodeManagers, describeManager, managerIdentity, recordApply, type Manager } from './managedFields';
import { clone, isObject, type JsonObject, type JsonValue } from './objects';
import type { ResourceType } from './resourceTable';

function mergeValue(type: ResourceType, live: JsonValue | undefined, config: JsonValue, names: string[]): JsonValue {
  if (live === undefined) return clone(config);
  if (isObject(live) && isObject(config) && !(names.length > 0 && isAtomicMap(type, names))) {
    const out: JsonObject = { ...live };
    for (const [key, value] of Object.entries(config)) {
      if (value !== undefined) out[key] = mergeValue(type, live[key], value, [...names, key]);
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(config)) {
    const list = listTypeAt(type, names);
    if (list.type !== 'atomic') return mergeList(type, live, config, list, names);
  }
  return clone(config);
}

/**
 * Associative lists keep live-only items where they are and take the config's order for
 * the items it names (the two-cursor walk of SMD's mergingWalker.visitListItems).
 */
function mergeList(type: ResourceType, live: JsonValue[], config: JsonValue[], list: ListType, names: string[]): JsonValue[] {
  const liveKeys = live.map((item, i) => listItemElement(list, item, i));
  const configKeys = config.map((item, i) => listItemElement(list, item, i));
  const liveByKey = new Map(liveKeys.map((k, i) => [k, live[i] as JsonValue] as const));
  const configByKey = new Map(configKeys.map((k, i) => [k, config[i] as JsonValue] as const));
  const sharedOrder = configKeys.filter((k) => liveByKey.has(k));
  let nextShared = sharedOrder.shift();
  const merged = new Set<string>();
  const out: JsonValue[] = [];
  const mergeItem = (key: string): void => {
    merged.add(key);
    const l = liveByKey.get(key);
    const c = configByKey.get(key) as JsonValue;
    const whole = list.type !== 'map' || list.atomicItems === true;
    out.push(whole ? clone(c) : mergeValue(type, l, c, names));
    if (nextShared === key) nextShared = sharedOrder.shift();
  };
  let li = 0;
  let ci = 0;
  while (li < live.length || ci < config.length) {
    const lk = liveKeys[li];
    const ck = configKeys[ci];
    if (lk !== undefined && ck !== undefined) {
      if (lk === ck) {
        mergeItem(ck);
        li++;
        ci++;
        continue;
      }
      if (configByKey.has(lk) && nextShared !== undefined && nextShared !== lk) {
        li++;
        continue;
      }
    }
    if (lk !== undefined) {
      if (!configByKey.has(lk)) {
        out.push(live[li] as JsonValue);
        li++;
        continue;
      }
      if (merged.has(lk)) {
        li++;
        continue;
      }
    }
    if (ck !== undefined) {
      mergeItem(ck);
      ci++;
    }
  }
  return out;
}

/** Removes fields the applier owned last time and no longer sets, unless someone else owns them. */
function prune(type: ResourceType, object: JsonObject, lastSet: FieldSet, configSet: FieldSet, others: Manager[]): void {
  for (const path of lastSet.difference(configSet).paths()) {
    if (others.some((m) => m.set.hasAtOrBelow(path))) continue;
    // Never strip a key field out of a list item that survives.
    const parent = path[path.length - 2];
    const leaf = path[path.length - 1] ?? '';
    if (parent?.startsWith('k:') && Object.hasOwn(JSON.parse(parent.slice(2)) as object, leaf.slice(2))) continue;
    removePath(type, object, path);
  }
}

export interface ApplyRequest {
  type: ResourceType;
  /** The live object, or the empty object of the kind when creating. */
  live: JsonObject;
  config: JsonObject;
  manager: string;
  force: boolean;
  now: Date;
  /** 'status' for applies to /status (controllers reporting conditions). */
  subresource?: string;
}

export interface ApplyResult {
  object: JsonObject;
  managers: Manager[];
}

export function serverSideApply(request: ApplyRequest): ApplyResult {
  const { type, live, config } = request;
  if (isObject(config['metadata']) && config['metadata']['managedFields'] !== undefined) {
    throw new ApiError(400, 'BadRequest', 'metadata.managedFields must be nil');
  }
  const apiVersion = typeof config['apiVersion'] === 'string' ? config['apiVersion'] : '';
  const managers = isObject(live['metadata']) ? decodeManagers({ ...live, metadata: live['metadata'] }) : [];
  const { subresource } = request;
  const configSet = appliedFieldSet(type, config, subresource);
  const identity = managerIdentity({ manager: request.manager, operation: 'Apply', apiVersion, subresource });
  const previous = managers.find((m) => managerIdentity(m) === identity);
  const merged = mergeValue(type, live, config, []) as JsonObject;
  const others = managers.filter((m) => m !== previous);
  if (previous) prune(type, merged, previous.set, configSet, others);
  const ownershipRequest = { type, live, merged, configSet, managers, manager: request.manager, apiVersion, force: request.force, now: request.now };
  const ownership = recordApply(subresource ? { ...ownershipRequest, subresource } : ownershipRequest);
  if (!ownership.ok) {
    throw new ApiError(409, 'Conflict', conflictMessage(ownership.conflicts), {
      causes: ownership.conflicts.map((c) => ({
        type: 'FieldManagerConflict',
        message: `conflict with ${describeManager(c.manager)}`,
        field: pathToString(c.path),
      })),
    });
  }
  return { object: merged, managers: ownership.managers };
}
