// Ownership bookkeeping for writes, after k8s.io/apiserver's fieldmanager:
// Update operations take every field they change; Apply operations own their config.
import { compareObjects, toFieldSet, type Comparison } from './fieldWalk';
import { FieldSet, fieldElement, fromFieldsV1, pathToString, toFieldsV1, type FieldPath } from './fieldSet';
import { clone, rfc3339, type JsonObject, type KubeObject, type ManagedFieldsEntry } from './objects';
import type { ResourceType } from './resourceTable';

export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  set: FieldSet;
}

export interface Conflict {
  manager: Manager;
  path: FieldPath;
}

/** Fields nobody owns (stripmeta), plus status when it is written through /status only. */
export function ignoredPrefixes(type: ResourceType, subresource?: string): FieldPath[] {
  const meta = ['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields',
    'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
  const prefixes: FieldPath[] = [[fieldElement('apiVersion')], [fieldElement('kind')],
    ...meta.map((m) => [fieldElement('metadata'), fieldElement(m)])];
  if (type.statusSubresource && subresource !== 'status') prefixes.push([fieldElement('status')]);
  // Writes to /status keep the live spec (the status strategies' reset fields).
  if (subresource === 'status') prefixes.push([fieldElement('spec')]);
  return prefixes;
}

export function decodeManagers(object: KubeObject): Manager[] {
  return (object.metadata.managedFields ?? []).map((entry) => {
    const manager: Manager = {
      manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, time: entry.time,
      set: fromFieldsV1(entry.fieldsV1),
    };
    if (entry.subresource) manager.subresource = entry.subresource;
    return manager;
  });
}

/** Sorted as the server does: Apply before Update, then time, manager, apiVersion. */
export function encodeManagers(managers: readonly Manager[]): ManagedFieldsEntry[] {
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return managers
    .filter((m) => !m.set.isEmpty())
    .sort((a, b) => compare(a.operation, b.operation) || compare(a.time, b.time) || compare(a.manager, b.manager)
      || compare(a.apiVersion, b.apiVersion) || compare(a.subresource ?? '', b.subresource ?? ''))
    .map((m) => {
      const entry: ManagedFieldsEntry = {
        manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time,
        fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(m.set),
      };
      if (m.subresource) entry.subresource = m.subresource;
      return entry;
    });
}

/** The identity the server keys managers by (time and fields left out); Apply drops apiVersion. */
export function managerIdentity(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const identity: JsonObject = { manager: m.manager, operation: m.operation };
  if (m.operation === 'Update') identity['apiVersion'] = m.apiVersion;
  if (m.subresource) identity['subresource'] = m.subresource;
  return JSON.stringify(identity);
}

/** `"kubectl-set" using apps/v1`, or just `"kubectl"` for an applier (conflict.go printManager). */
export function describeManager(m: Manager): string {
  let text = JSON.stringify(m.manager);
  if (m.subresource) text += ` with subresource ${JSON.stringify(m.subresource)}`;
  return m.operation === 'Update' ? `${text} using ${m.apiVersion}` : text;
}

function compareIgnoring(type: ResourceType, before: JsonObject, after: JsonObject, subresource?: string): Comparison {
  const raw = compareObjects(type, before, after);
  const ignored = ignoredPrefixes(type, subresource);
  return {
    added: raw.added.withoutPrefixes(ignored),
    modified: raw.modified.withoutPrefixes(ignored),
    removed: raw.removed.withoutPrefixes(ignored),
  };
}

/** The shape `new(Kind)` serializes to: the "before" of a create. */
export function emptyObject(type: ResourceType): JsonObject {
  return clone(type.emptyShape ?? {});
}

export interface UpdateOptions {
  type: ResourceType;
  before: JsonObject;
  after: JsonObject;
  managers: Manager[];
  manager: string;
  apiVersion: string;
  now: Date;
  subresource?: string;
}

/** An Update operation: the writer takes what it changed; removed fields leave every owner. */
export function recordUpdate(options: UpdateOptions): Manager[] {
  const { added, modified, removed } = compareIgnoring(options.type, options.before, options.after, options.subresource);
  const taken = added.union(modified);
  const lost = taken.union(removed);
  const managers = options.managers.map((m) => ({ ...m, set: m.set.difference(lost) }));
  if (taken.isEmpty()) return managers.filter((m) => !m.set.isEmpty());
  const identity = managerIdentity({ manager: options.manager, operation: 'Update', apiVersion: options.apiVersion, subresource: options.subresource });
  const previous = managers.find((m) => managerIdentity(m) === identity);
  const others = managers.filter((m) => m !== previous && !m.set.isEmpty());
  const entry: Manager = {
    manager: options.manager, operation: 'Update', apiVersion: options.apiVersion, time: rfc3339(options.now),
    set: previous ? previous.set.union(taken) : taken,
  };
  if (options.subresource) entry.subresource = options.subresource;
  return [...others, entry];
}

export interface ApplyOwnershipOptions {
  type: ResourceType;
  live: JsonObject;
  merged: JsonObject;
  configSet: FieldSet;
  managers: Manager[];
  manager: string;
  apiVersion: string;
  force: boolean;
  now: Date;
  subresource?: string;
}

export type ApplyOwnership = { ok: true; managers: Manager[] } | { ok: false; conflicts: Conflict[] };

/** An Apply operation: conflicts where others own a changed field, unless forced. */
export function recordApply(options: ApplyOwnershipOptions): ApplyOwnership {
  const { added, modified, removed } = compareIgnoring(options.type, options.live, options.merged, options.subresource);
  const changed = added.union(modified);
  const identity = managerIdentity({ manager: options.manager, operation: 'Apply', apiVersion: options.apiVersion, subresource: options.subresource });
  const others = options.managers.filter((m) => managerIdentity(m) !== identity);
  const conflicts: Conflict[] = others
    .sort((a, b) => (managerIdentity(a) < managerIdentity(b) ? -1 : 1))
    .flatMap((m) => m.set.intersection(changed).paths().map((path) => ({ manager: m, path })));
  if (conflicts.length > 0 && !options.force) return { ok: false, conflicts };
  const applier: Manager = {
    manager: options.manager, operation: 'Apply', apiVersion: options.apiVersion, time: rfc3339(options.now), set: options.configSet,
  };
  if (options.subresource) applier.subresource = options.subresource;
  const rest = others.map((m) => ({ ...m, set: m.set.difference(changed).difference(removed) })).filter((m) => !m.set.isEmpty());
  return { ok: true, managers: [applier, ...rest] };
}

/** Fields an applied config sets, minus the ones nobody may own. */
export function appliedFieldSet(type: ResourceType, config: JsonObject, subresource?: string): FieldSet {
  return toFieldSet(type, config).withoutPrefixes(ignoredPrefixes(type, subresource));
}

/** conflict.go getConflictMessage. */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  const first = conflicts[0];
  if (conflicts.length === 1 && first) {
    return `Apply failed with 1 conflict: conflict with ${describeManager(first.manager)}: ${pathToString(first.path)}`;
  }
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const key = managerIdentity(c.manager);
    byManager.set(key, [...(byManager.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  for (const key of [...byManager.keys()].sort()) {
    const group = byManager.get(key) ?? [];
    const head = group[0];
    if (!head) continue;
    lines.push(`conflicts with ${describeManager(head.manager)}:`);
    for (const c of group) lines.push(`- ${pathToString(c.path)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
