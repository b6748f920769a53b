import { formatFieldPath, isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';
import type { PathSegment, Provenance } from '../provenance';
import type { Resource } from '../kustomize/resource';
import { resourceId } from '../kustomize/resource';
import { lastWriterOf } from './managedFields';
import { listItemKey } from './listKeys';
import { maskSecretValue } from './maskSecrets';
import type { FieldChange, ResourceDiff } from './types';
import { base64FromText } from '../encoding/base64';

export interface CompareOptions {
  /** The renderer's provenance, to find the line behind each desired value. */
  readonly provenance: Provenance;
}

// Fields the server owns; a desired manifest may carry them but they never count as drift.
const serverMetadata = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);

/**
 * Compares a desired object with its live counterpart with server-side apply's
 * eyes: every field the desired object sets must hold the same value live.
 */
export function compare(desired: Resource, live: KubeObject | undefined, options: CompareOptions): ResourceDiff {
  const id = resourceId(desired);
  const base = { group: id.group, version: id.version, kind: id.kind, namespace: id.namespace, name: id.name, source: desired.origin };
  if (!live) return { ...base, status: 'Missing', health: 'Missing', changes: [] };
  const changes: FieldChange[] = [];
  const isSecret = id.kind === 'Secret' && id.group === '';
  const record = (path: PathSegment[], desiredValue: unknown, liveValue: unknown, liveFieldPath?: PathSegment[]): void => {
    const chain = options.provenance.at(desired.object, path);
    const masked = isSecret && (path[0] === 'data' || path[0] === 'stringData');
    changes.push({
      path: formatFieldPath(desired.object, path),
      desired: masked ? maskSecretValue(desiredValue, liveValue, 'desired') : desiredValue,
      live: masked ? maskSecretValue(desiredValue, liveValue, 'live') : liveValue,
      origin: chain[0],
      originChain: chain,
      lastWriter: lastWriterOf(live, live.metadata.managedFields, liveFieldPath ?? livePath(live, desired.object, path)),
    });
  };
  if (isSecret) compareStringData(desired.object, live, record);
  compareNode(desired.object, live, [], record);
  return { ...base, status: changes.length > 0 ? 'OutOfSync' : 'Synced', health: 'Unknown', changes };
}

type Recorder = (path: PathSegment[], desired: unknown, live: unknown, liveFieldPath?: PathSegment[]) => void;

function compareNode(desired: unknown, live: unknown, path: PathSegment[], record: Recorder): void {
  if (isRecord(desired)) {
    if (!isRecord(live)) {
      if (!isEmpty(desired)) record(path, desired, live);
      return;
    }
    for (const [key, value] of Object.entries(desired)) {
      if (skipField(path, key)) continue;
      compareNode(value, live[key], [...path, key], record);
    }
    return;
  }
  if (Array.isArray(desired)) {
    compareList(desired, live, path, record);
    return;
  }
  if (desired === null || desired === undefined) return;
  if (!sameScalar(desired, live)) record(path, desired, live);
}

/** Lists whose items carry a key field are matched by key; other lists are atomic. */
function compareList(desired: unknown[], live: unknown, path: PathSegment[], record: Recorder): void {
  if (!Array.isArray(live)) {
    if (desired.length > 0) record(path, desired, live);
    return;
  }
  const keyed = desired.every((item) => listItemKey(item) !== undefined);
  if (!keyed || desired.length === 0) {
    if (!deepEqual(desired, live)) record(path, desired, live);
    return;
  }
  desired.forEach((item, index) => {
    const key = listItemKey(item);
    const match = live.find((candidate) => listItemKey(candidate) === key);
    if (match === undefined) record([...path, index], item, undefined);
    else compareNode(item, match, [...path, index], record);
  });
}

/** Maps a path through the desired object to the same field of the live object (list items by key). */
function livePath(live: unknown, desired: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let d: unknown = desired;
  let l: unknown = live;
  for (const segment of path) {
    if (typeof segment === 'number' && Array.isArray(d) && Array.isArray(l)) {
      const key = listItemKey(d[segment]);
      const at = key === undefined ? segment : l.findIndex((item) => listItemKey(item) === key);
      out.push(at < 0 ? segment : at);
      d = d[segment];
      l = at < 0 ? undefined : l[at];
    } else {
      out.push(segment);
      d = isRecord(d) || Array.isArray(d) ? (d as Record<PathSegment, unknown>)[segment] : undefined;
      l = isRecord(l) || Array.isArray(l) ? (l as Record<PathSegment, unknown>)[segment] : undefined;
    }
  }
  return out;
}

/**
 * The API server folds a Secret's write-only `stringData` into base64 `data`:
 * compare each stringData key with its live data counterpart.
 */
function compareStringData(desired: Record<string, unknown>, live: KubeObject, record: Recorder): void {
  const stringData = desired['stringData'];
  if (!isRecord(stringData)) return;
  const liveData = isRecord(live['data']) ? live['data'] : {};
  for (const [key, value] of Object.entries(stringData)) {
    if (typeof value !== 'string') continue;
    const encoded = base64FromText(value);
    if (liveData[key] !== encoded) record(['stringData', key], encoded, liveData[key], ['data', key]);
  }
}

function skipField(path: readonly PathSegment[], key: string): boolean {
  if (path.length === 0) return key === 'status' || key === 'stringData';
  if (path.length === 1 && path[0] === 'metadata') return serverMetadata.has(key);
  return false;
}

function isEmpty(v: unknown): boolean {
  return (isRecord(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0) || v === '';
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // int-or-string fields: `8080` in YAML and "8080" from the server are one value.
  return (typeof a === 'number' || typeof a === 'string') && (typeof b === 'number' || typeof b === 'string') && String(a) === String(b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = Object.keys(a).filter((k) => a[k] !== null && a[k] !== undefined);
    return keys.every((k) => deepEqual(a[k], b[k]));
  }
  return sameScalar(a, b);
}
