import type { KubeObject, ObjectRef } from '../ports';
import { hookNote, hookSteps } from './hookSteps';
import { compareSyncOrder } from './kindOrder';
import type { ApplyStep, HookNote, HookStep, PlanEntry, PlanStep, PruneStep } from './planSteps';
import { sequenceSteps } from './planSequence';
import { pruneRunWaves } from './pruneWaves';
import { pruneScopes } from './pruneScopes';
import { hasOption, hookPhases, isHook, isSkipped, objectSyncOptions, syncWave } from './syncAnnotations';
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
  /** The commit being synced: part of a generateName hook's name. */
  readonly revision?: string;
  /** When the sync started (ms since the epoch; default now): part of a generateName hook's name. */
  readonly startedAtMs?: number;
}

export type { ApplyStep, HookNote, HookStep, PlanEntry, PlanStep, PruneStep } from './planSteps';

export interface SyncPlan {
  /** In apply order: wave, then Argo CD kind order, then name. */
  readonly applies: readonly ApplyStep[];
  /** In delete order; empty unless prune was asked. Each runs in its `runWave` (see pruneWaves.ts). */
  readonly prunes: readonly PruneStep[];
  /** Tracked objects Git no longer has that this plan leaves alone (prune not asked, or `Prune=false`). */
  readonly unpruned: readonly PlanEntry[];
  /** Every hook the app renders, as annotated. */
  readonly hooks: readonly HookNote[];
  /** What runs, in order: PreSync hooks, then each Sync wave (prunes, then hooks and applies), then PostSync hooks. */
  readonly sequence: readonly PlanStep[];
  /** SyncFail hooks: run only when the sync fails. */
  readonly syncFail: readonly HookStep[];
}

/** What a sync of `desired` would do to the cluster `live` describes. Reads only; changes nothing. */
export async function planSync(desired: readonly KubeObject[], live: LiveReader, options: SyncPlanOptions): Promise<SyncPlan> {
  const hooks: HookNote[] = [];
  const hookObjects: KubeObject[] = [];
  const objects: { object: KubeObject; origin: ApplyStep['origin'] }[] = [];
  for (const object of desired.filter((o) => options.select?.(refOfObject(o)) ?? true)) {
    if (hookPhases(object).length > 0) hooks.push(hookNote(object));
    if (isHook(object)) hookObjects.push(object);
    else if (!isSkipped(object)) objects.push({ object: withTracking(object, options.trackingId), origin: 'git' });
  }
  const namespace = options.destinationNamespace;
  const rendersIt = objects.some(({ object: o }) => o.kind === 'Namespace' && o.metadata.name === namespace);
  if (namespace && hasOption(options.syncOptions ?? [], 'CreateNamespace=true') && !rendersIt) {
    // Not tracked: Argo CD does not prune the namespace it created either.
    objects.unshift({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, origin: 'CreateNamespace' });
  }
  // A kind the server does not serve yet (its CRD comes later) reads as absent; the dry run says the rest.
  const readLive = (o: KubeObject): Promise<KubeObject | undefined> => live.get(refOfObject(o)).catch(() => undefined);
  const lives = await Promise.all(objects.map(({ object }) => readLive(object)));
  const created = objects.filter((_, i) => lives[i] === undefined).map(({ object }) => object);
  const applies = orderWithDependencies(objects.map(({ object, origin }, i) => ({
    ref: refOfObject(object),
    wave: syncWave(object),
    phase: 'Sync' as const,
    runWave: syncWave(object),
    action: lives[i] === undefined ? ('create' as const) : ('update' as const),
    object,
    live: lives[i],
    dryRunSkip: dryRunSkipReason(object, created),
    origin,
  })));
  const naming = { revision: options.revision, startedAtMs: options.startedAtMs ?? Date.now() };
  const hookRuns = await Promise.all(hookObjects.flatMap((o) => hookSteps(o, naming)).map(async (h): Promise<HookStep> => ({ ...h, live: await readLive(h.object) })));
  const extra = await findExtra(objects.map((o) => o.object), live, options);
  const prunable = options.prune ? extra.filter((o) => !hasOption(objectSyncOptions(o), 'Prune=false')) : [];
  const pruneLastAll = hasOption(options.syncOptions ?? [], 'PruneLast=true');
  const pruneInputs = prunable.map((o) => ({ object: o, wave: syncWave(o), pruneLast: pruneLastAll || hasOption(objectSyncOptions(o), 'PruneLast=true') }));
  const syncWaves = [...applies.map((a) => a.runWave), ...hookRuns.filter((h) => h.phase === 'Sync').map((h) => h.runWave)];
  const runWaves = pruneRunWaves(pruneInputs, Math.max(0, ...syncWaves));
  const prunes = pruneInputs.map((p, i): PruneStep => ({ ref: refOfObject(p.object), wave: p.wave, phase: 'Sync', runWave: runWaves[i] ?? p.wave, action: 'prune', live: p.object, pruneLast: p.pruneLast }));
  const unpruned = extra.filter((o) => !prunable.includes(o)).map((o) => ({ ref: refOfObject(o), wave: syncWave(o) }));
  const sequence = sequenceSteps([...applies, ...prunes, ...hookRuns.filter((h) => h.phase !== 'SyncFail')]);
  return {
    applies,
    prunes: sequence.filter((s): s is PruneStep => s.action === 'prune'),
    unpruned,
    hooks,
    sequence,
    syncFail: sequenceSteps(hookRuns.filter((h) => h.phase === 'SyncFail')) as HookStep[],
  };
}

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
    return { step: { ...s, runWave: wave }, key: { wave, kind: s.ref.kind, name: s.ref.name } };
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
