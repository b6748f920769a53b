import type { KubeObject, ObjectRef } from '../ports';
import { compareSyncOrder } from './kindOrder';
import { pruneScopes } from './pruneScopes';
import { hasOption, hookPhases, objectSyncOptions, syncWave } from './syncAnnotations';
import { ignoresExtraneous, isTrackedBy } from './tracking';
import { withTracking } from './trackedObject';
import { groupOf, identityKey, refOfObject } from './objectRef';

/** Where live objects come from: the API server (CLI) or a watch cache (editor). */
export interface LiveReader {
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Every live object of a kind in a namespace; without it nothing can be pruned. Rejects for kinds the server lacks. */
  list?(apiVersion: string, kind: string, namespace: string | undefined): Promise<readonly KubeObject[]>;
}

export interface SyncPlanOptions {
  /** How this app marks the live objects it owns (see tracking.ts). */
  readonly trackingId: string;
  readonly argoAppName?: string;
  /** Delete tracked objects Git no longer has. Off unless asked, as in Argo CD. */
  readonly prune?: boolean;
  /** The Application's syncOptions, e.g. `CreateNamespace=true`. */
  readonly syncOptions?: readonly string[];
  /** The Application's destination namespace: the one `CreateNamespace=true` creates. */
  readonly destinationNamespace?: string;
  /** Selective sync: only resources this accepts are planned. */
  readonly select?: (ref: ObjectRef) => boolean;
}

export interface PlanEntry {
  readonly ref: ObjectRef;
  readonly wave: number;
}

export interface ApplyStep extends PlanEntry {
  readonly action: 'create' | 'update';
  /** The object as it will be applied (tracking annotation included). */
  readonly object: KubeObject;
  readonly live: KubeObject | undefined;
  /** Why the server cannot dry-run it before the rest of the plan exists; undefined when it can. */
  readonly dryRunSkip: string | undefined;
  /** `CreateNamespace` for the namespace Driftline adds itself. */
  readonly origin: 'git' | 'CreateNamespace';
}

export interface PruneStep extends PlanEntry {
  readonly action: 'prune';
  readonly live: KubeObject;
}

export interface HookNote extends PlanEntry {
  /** PreSync, PostSync…: Driftline notes hooks but does not run them. */
  readonly phases: readonly string[];
}

export interface SyncPlan {
  /** In apply order: wave, then Argo CD kind order, then name. */
  readonly applies: readonly ApplyStep[];
  /** In delete order (the reverse of apply order); empty unless prune was asked. */
  readonly prunes: readonly PruneStep[];
  /** Tracked objects Git no longer has that this plan leaves alone (prune not asked, or `Prune=false`). */
  readonly unpruned: readonly PlanEntry[];
  readonly hooks: readonly HookNote[];
}

/** What a sync of `desired` would do to the cluster `live` describes. Reads only; changes nothing. */
export async function planSync(desired: readonly KubeObject[], live: LiveReader, options: SyncPlanOptions): Promise<SyncPlan> {
  const hooks: HookNote[] = [];
  const objects: { object: KubeObject; origin: ApplyStep['origin'] }[] = [];
  for (const object of desired.filter((o) => options.select?.(refOfObject(o)) ?? true)) {
    const phases = hookPhases(object);
    if (phases.length > 0) hooks.push({ ref: refOfObject(object), wave: syncWave(object), phases });
    else objects.push({ object: withTracking(object, options.trackingId), origin: 'git' });
  }
  const namespace = options.destinationNamespace;
  const rendersIt = objects.some(({ object: o }) => o.kind === 'Namespace' && o.metadata.name === namespace);
  if (namespace && hasOption(options.syncOptions ?? [], 'CreateNamespace=true') && !rendersIt) {
    // Not tracked: Argo CD does not prune the namespace it created either.
    objects.unshift({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, origin: 'CreateNamespace' });
  }
  // A kind the server does not serve yet (its CRD comes later) reads as absent; the dry run says the rest.
  const lives = await Promise.all(objects.map(({ object }) => live.get(refOfObject(object)).catch(() => undefined)));
  const created = objects.filter((_, i) => lives[i] === undefined).map(({ object }) => object);
  const applies = objects.map(({ object, origin }, i): ApplyStep => ({
    ref: refOfObject(object),
    wave: syncWave(object),
    action: lives[i] === undefined ? 'create' : 'update',
    object,
    live: lives[i],
    dryRunSkip: dryRunSkipReason(object, created),
    origin,
  }));
  const extra = await findExtra(objects.map((o) => o.object), live, options);
  const prunable = options.prune ? extra.filter((o) => !hasOption(objectSyncOptions(o), 'Prune=false')) : [];
  const prunes = prunable
    .map((o): PruneStep => ({ ref: refOfObject(o), wave: syncWave(o), action: 'prune', live: o }))
    .sort((a, b) => -compareSyncOrder(orderKey(a), orderKey(b)));
  const unpruned = extra.filter((o) => !prunable.includes(o)).map((o) => ({ ref: refOfObject(o), wave: syncWave(o) }));
  return { applies: orderWithDependencies(applies), prunes, unpruned, hooks };
}

const orderKey = (e: PlanEntry): { wave: number; kind: string; name: string } => ({ wave: e.wave, kind: e.ref.kind, name: e.ref.name });

interface CrdSpec {
  group?: unknown;
  names?: { kind?: unknown };
}

/**
 * The server cannot dry-run an object whose namespace or CRD this same sync creates:
 * Argo CD skips those, and so does Driftline (the real apply still checks them).
 */
function dryRunSkipReason(object: KubeObject, created: readonly KubeObject[]): string | undefined {
  for (const other of created) {
    if (other.kind === 'Namespace' && groupOf(other.apiVersion) === '' && object.metadata.namespace === other.metadata.name) {
      return `namespace ${other.metadata.name} is created by this sync`;
    }
    const spec = other['spec'] as CrdSpec | undefined;
    if (other.kind === 'CustomResourceDefinition' && spec?.group === groupOf(object.apiVersion) && spec.names?.kind === object.kind) {
      return `its CustomResourceDefinition ${other.metadata.name} is created by this sync`;
    }
  }
  return undefined;
}

/** Sorts, then pulls namespaces and CRDs to the wave of their first dependant (gitops-engine `adjustDeps`). */
function orderWithDependencies(steps: readonly ApplyStep[]): ApplyStep[] {
  const earliest = new Map<string, number>();
  const note = (key: string, wave: number): void => {
    earliest.set(key, Math.min(earliest.get(key) ?? wave, wave));
  };
  for (const s of steps) {
    if (s.ref.namespace) note(`ns|${s.ref.namespace}`, s.wave);
    note(`gk|${groupOf(s.ref.apiVersion)}/${s.ref.kind}`, s.wave);
  }
  const keyed = steps.map((s) => {
    const spec = s.object['spec'] as CrdSpec | undefined;
    const dependency = s.ref.kind === 'Namespace' ? `ns|${s.ref.name}` : s.ref.kind === 'CustomResourceDefinition' ? `gk|${String(spec?.group)}/${String(spec?.names?.kind)}` : undefined;
    const wave = dependency === undefined ? s.wave : Math.min(s.wave, earliest.get(dependency) ?? s.wave);
    return { step: s, key: { wave, kind: s.ref.kind, name: s.ref.name } };
  });
  return keyed.sort((a, b) => compareSyncOrder(a.key, b.key)).map((k) => k.step);
}

/** Live objects tracked as this app's that are not desired; matched by group, kind, namespace and name (any version). */
async function findExtra(desired: readonly KubeObject[], live: LiveReader, options: SyncPlanOptions): Promise<KubeObject[]> {
  if (!live.list) return [];
  const wanted = new Set(desired.map((o) => identityKey(refOfObject(o))));
  // A namespaced object rendered without a namespace lives in "default".
  for (const o of desired) if (!o.metadata.namespace) wanted.add(identityKey({ ...refOfObject(o), namespace: 'default' }));
  const seen = new Set<string>();
  const extra: KubeObject[] = [];
  // Listed even without --prune: the preview says what a prune would delete.
  const scopes = pruneScopes(desired, options.destinationNamespace);
  const list = live.list.bind(live);
  // In parallel: a sync lists a dozen kinds; one after another that is most of its time.
  // A kind the cluster does not serve simply has nothing to prune.
  const listed = await Promise.all(scopes.map((s) => list(s.apiVersion, s.kind, s.namespace).catch((): readonly KubeObject[] => [])));
  for (const [i, scope] of scopes.entries()) {
    for (const object of listed[i] ?? []) {
      const full = { ...object, apiVersion: scope.apiVersion, kind: scope.kind };
      const key = identityKey(refOfObject(full));
      if (wanted.has(key) || seen.has(key) || !isTrackedBy(full, options.trackingId, options.argoAppName) || ignoresExtraneous(full)) continue;
      if (options.select && !options.select(refOfObject(full))) continue;
      seen.add(key);
      extra.push(full);
    }
  }
  return extra;
}
