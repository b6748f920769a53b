import { formatFieldPath, isRecord } from '../fieldPath';
import type { KubeObject } from '../ports';
import type { PathSegment, Provenance } from '../provenance';
import type { Resource } from '../kustomize/resource';
import { resourceId } from '../kustomize/resource';
import { assessHealth } from '../health/assessHealth';
import { isBuiltinGroup } from './builtinGroups';
import { compareChild, type TreeWalk } from './compareTree';
import { droppedFields } from './droppedFields';
import { ignoredFields, isIgnoredPath, type IgnoredFields, type IgnoreRule } from './ignoreRules';
import { lastWriterOf } from './managedFields';
import { maskSecretValue } from './maskSecrets';
import { compareBase64Map, compareStringData } from './secretData';
import type { FieldChange, ResourceDiff } from './types';

export interface CompareOptions {
  /** The renderer's provenance, to find the line behind each desired value. */
  readonly provenance: Provenance;
  /** Argo CD ignoreDifferences plus the user's global rules. */
  readonly ignoreRules?: readonly IgnoreRule[];
  /**
   * Field managers whose applies a sync would repeat: a live field they own but
   * the desired object no longer sets would be removed by the next sync.
   */
  readonly applierManagers?: ReadonlySet<string>;
}

export const defaultApplierManagers: ReadonlySet<string> = new Set(['driftline', 'argocd-controller']);

// Metadata the server writes; a manifest may carry it (`creationTimestamp: null`) but it is never drift.
const serverMetadata: ReadonlySet<string> = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);

interface Difference {
  readonly desiredPath: readonly PathSegment[];
  readonly livePath: readonly PathSegment[];
  readonly desired: unknown;
  readonly live: unknown;
  /** Set for live-only fields, whose path is shown as it is live. */
  readonly dropped?: boolean;
}

/**
 * Compares a desired object with its live counterpart with server-side apply's
 * eyes: every field the desired object sets must hold the same value live, and
 * a live field the applier owns but Git dropped is drift too.
 */
export function compare(desired: Resource, live: KubeObject | undefined, options: CompareOptions): ResourceDiff {
  const id = resourceId(desired);
  const base = { group: id.group, version: id.version, kind: id.kind, namespace: id.namespace, name: id.name, source: desired.origin };
  if (!live) return { ...base, status: 'Missing', health: { status: 'Missing', message: '' }, changes: [] };
  const builtin = isBuiltinGroup(id.group);
  const found: Difference[] = [];
  const walk: TreeWalk = {
    builtin,
    desiredPath: [],
    livePath: [],
    record: (desiredPath, livePath, d, l) => found.push({ desiredPath: desiredPath.slice(), livePath: livePath.slice(), desired: d, live: l }),
  };
  compareRoot(desired.object, live, id.group === '' && id.kind, walk);
  for (const d of droppedFields(desired.object, live, options.applierManagers ?? defaultApplierManagers, builtin)) found.push({ ...d, desired: undefined, dropped: true });
  const rules = options.ignoreRules ?? [];
  // Resolving rules walks both objects: only pay for it when some rule exists.
  const ignored = found.length > 0 && rules.length > 0 ? ignoredFields(rules, id, [desired.object, live]) : undefined;
  const changes: FieldChange[] = [];
  for (const difference of found) {
    const change = toChange(difference, desired.object, live, options.provenance, id.kind === 'Secret' && id.group === '', ignored);
    if (change) changes.push(change);
  }
  return { ...base, status: changes.length > 0 ? 'OutOfSync' : 'Synced', health: assessHealth(live), changes };
}

/** Top-level fields: status is the server's, metadata partly so, and Secrets store data their own way. */
function compareRoot(desired: Record<string, unknown>, live: KubeObject, coreKind: string | false, walk: TreeWalk): void {
  for (const key in desired) {
    if (key === 'status') continue;
    if (coreKind === 'Secret' && key === 'stringData') compareStringData(desired[key], live['data'], walk);
    else if (coreKind === 'Secret' && key === 'data') compareBase64Map('data', desired[key], live['data'], desired['stringData'], walk);
    else if (coreKind === 'ConfigMap' && key === 'binaryData') compareBase64Map('binaryData', desired[key], live['binaryData'], undefined, walk);
    else if (key === 'metadata' && isRecord(desired[key])) compareMetadata(desired[key], live.metadata, walk);
    else compareChild(desired, live, key, walk);
  }
}

function compareMetadata(desired: Record<string, unknown>, live: Record<string, unknown>, walk: TreeWalk): void {
  walk.desiredPath.push('metadata');
  walk.livePath.push('metadata');
  for (const key in desired) if (!serverMetadata.has(key)) compareChild(desired, live, key, walk);
  walk.desiredPath.pop();
  walk.livePath.pop();
}

function toChange(d: Difference, desired: Record<string, unknown>, live: KubeObject, provenance: Provenance, isSecret: boolean, ignored: IgnoredFields | undefined): FieldChange | undefined {
  const path = d.dropped ? formatFieldPath(live, d.livePath) : formatFieldPath(desired, d.desiredPath);
  if (ignored && isIgnoredPath(ignored, path)) return undefined;
  const lastWriter = lastWriterOf(live, live.metadata.managedFields, d.livePath);
  if (lastWriter && ignored?.managers.has(lastWriter.manager)) return undefined;
  const chain = provenance.at(desired, d.desiredPath);
  // Any change under a Secret's data, seen from either side (a whole `data` map dropped from Git included).
  const masked = isSecret && (isSecretValuePath(d.desiredPath) || isSecretValuePath(d.livePath));
  return {
    path,
    desired: masked ? maskSecretValue(d.desired, d.live, 'desired') : d.desired,
    live: masked ? maskSecretValue(d.desired, d.live, 'live') : d.live,
    origin: chain[0],
    originChain: chain,
    lastWriter,
  };
}

function isSecretValuePath(path: readonly PathSegment[]): boolean {
  return path.length === 0 || path[0] === 'data' || path[0] === 'stringData';
}
