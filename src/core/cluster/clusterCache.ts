import type { Clock, Disposable, KubeApi, KubeObject, Logger, ObjectRef, Scheduler } from '../ports';
import { defaultRetryPolicy, type RetryPolicy } from './backoff';
import { scopeId, worstState, type CacheChange, type ClusterStatus, type Scope, type ScopeStatus } from './connectionState';
import { Emitter } from './emitter';
import { ScopeWatcher, type ScopeWatcherDeps } from './scopeWatcher';

export interface ClusterCacheOptions {
  readonly kube: KubeApi;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  /** The kubeconfig context the KubeApi talks to: reported in `status()`. */
  readonly context?: string;
  /** 0..1, for backoff jitter and watch timeouts; tests pin it. */
  readonly random?: () => number;
  readonly policy?: Partial<RetryPolicy>;
  /**
   * A namespaced kind that `watchScopes` asks for in this many namespaces or more is watched
   * with one list+watch across all namespaces, as Argo CD's cluster cache does, instead of one
   * per namespace (default 3; Infinity never widens).
   */
  readonly wideAfter?: number;
}

/** apiVersion|kind: what a watch across all namespaces covers. */
const kindKey = (scope: Scope): string => `${scope.apiVersion}|${scope.kind}`;

/**
 * Live objects of one cluster context, kept current by one list+watch per
 * (apiVersion, kind, namespace) scope the repository's desired objects use.
 * Scopes start on first use (`get`, `list`, `watchScopes`); lookups never call the API
 * server after that. Changes and state transitions reach subscribers as events; each
 * subscription returns its Disposable.
 *
 * A kind used in many namespaces is watched once across all of them (`wideAfter`): hundreds
 * of apps in their own namespaces would otherwise open hundreds of lists and long-lived
 * watch connections per kind. Only the wanted namespaces' objects are kept, and changes still
 * name the object's own namespace as their scope. Where RBAC forbids listing a kind across
 * all namespaces, that kind goes back to one watch per namespace.
 */
export class ClusterCache implements Disposable {
  private readonly scopes = new Map<string, ScopeWatcher>();
  /** Watches across all namespaces, by kindKey. */
  private readonly wide = new Map<string, ScopeWatcher>();
  /** Kinds whose list across all namespaces was forbidden. */
  private readonly narrowOnly = new Set<string>();
  private readonly changes: Emitter<CacheChange>;
  private readonly states: Emitter<ScopeStatus>;
  private readonly policy: RetryPolicy;
  private disposed = false;

  constructor(private readonly options: ClusterCacheOptions) {
    const report = (error: unknown): void => options.logger.error(`a cluster cache subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
    this.changes = new Emitter(report);
    this.states = new Emitter(report);
    this.policy = { ...defaultRetryPolicy, ...options.policy };
  }

  /** Every ADDED / MODIFIED / DELETED, after the cache applied it (relist differences included). */
  onChange(listener: (change: CacheChange) => void): Disposable {
    return this.changes.on(listener);
  }

  /** Every state transition of a scope (and each new lastError). */
  onStateChange(listener: (status: ScopeStatus) => void): Disposable {
    return this.states.on(listener);
  }

  /** Starts the scopes not yet watched and stops the ones no longer listed. */
  watchScopes(scopes: readonly Scope[]): void {
    const namespacesOf = new Map<string, { scope: Scope; namespaces: Set<string> }>();
    for (const scope of scopes) {
      if (scope.namespace === undefined) continue;
      const entry = namespacesOf.get(kindKey(scope)) ?? { scope: { apiVersion: scope.apiVersion, kind: scope.kind }, namespaces: new Set<string>() };
      entry.namespaces.add(scope.namespace);
      namespacesOf.set(kindKey(scope), entry);
    }
    for (const [key, watcher] of this.wide) {
      if (namespacesOf.has(key)) continue;
      watcher.dispose();
      this.wide.delete(key);
    }
    for (const [key, { scope, namespaces }] of namespacesOf) {
      // Once wide, a kind stays wide while any namespace still needs it: no churn at the threshold.
      if (!this.narrowOnly.has(key) && (this.wide.has(key) || namespaces.size >= (this.options.wideAfter ?? 3))) this.ensureWide(scope, namespaces);
    }
    const wanted = new Set(scopes.filter((s) => !this.coveredByWide(s, true)).map(scopeId));
    for (const [id, watcher] of this.scopes) {
      // A namespace a watch across all namespaces is about to hold keeps its own until that has listed it.
      if (wanted.has(id) || (this.coveredByWide(watcher.scope, true) && !this.coveredByWide(watcher.scope, false))) continue;
      this.stop(id, watcher);
    }
    for (const scope of scopes) if (wanted.has(scopeId(scope))) this.ensure(scope);
  }

  /** The live object; waits for its scope's first list. Rejects only while that scope never listed. */
  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const watcher = await this.ready({ apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace });
    return watcher.store.get(ref.namespace, ref.name);
  }

  /** Every cached object of one scope (all namespaces when undefined), after its first list. */
  async list(apiVersion: string, kind: string, namespace: string | undefined): Promise<KubeObject[]> {
    const scope = { apiVersion, kind, namespace };
    return this.objectsOf(await this.ready(scope), scope);
  }

  /** What the cache holds for a scope right now, without starting or waiting for anything. */
  peek(scope: Scope): KubeObject[] {
    const watcher = this.scopes.get(scopeId(scope)) ?? (this.coveredByWide(scope, false) ? this.wide.get(kindKey(scope)) : undefined);
    return watcher ? this.objectsOf(watcher, scope) : [];
  }

  /** True when some watched scope is not connected: what the cache holds may be out of date. */
  get stale(): boolean {
    for (const watcher of this.watchers()) if (watcher.status.state !== 'connected') return true;
    return false;
  }

  status(): ClusterStatus {
    const scopes = [...this.watchers()].map((w) => w.status);
    return { context: this.options.context ?? '', state: worstState(scopes.map((s) => s.state)), scopes };
  }

  /** Objects held across all scopes (a scope per namespace may hold the same object as an all-namespaces one). */
  get size(): number {
    let n = 0;
    for (const watcher of this.watchers()) n += watcher.store.size;
    return n;
  }

  private *watchers(): Iterable<ScopeWatcher> {
    yield* this.wide.values();
    yield* this.scopes.values();
  }

  /** A scope's own watcher, else the watch across all namespaces that holds it, else a new watcher of its own. */
  private watcherFor(scope: Scope): ScopeWatcher {
    const own = this.scopes.get(scopeId(scope));
    if (own) return own;
    if (this.coveredByWide(scope, false)) return this.wide.get(kindKey(scope))!;
    return this.ensure(scope);
  }

  /** Whether the kind's watch across all namespaces holds `scope`'s namespace (`asked`: or will, once it has listed). */
  private coveredByWide(scope: Scope, asked: boolean): boolean {
    if (scope.namespace === undefined) return false;
    const wide = this.wide.get(kindKey(scope));
    return wide !== undefined && (asked ? (wide.namespaces?.has(scope.namespace) ?? false) : wide.covers(scope.namespace));
  }

  private async ready(scope: Scope): Promise<ScopeWatcher> {
    for (;;) {
      const watcher = this.watcherFor(scope);
      try {
        await watcher.ready();
        return watcher;
      } catch (error) {
        // Handed over while we waited (a watch across all namespaces took over, or was refused): ask again.
        if (this.disposed || !watcher.disposed) throw error;
      }
    }
  }

  private objectsOf(watcher: ScopeWatcher, scope: Scope): KubeObject[] {
    return [...(watcher.scope.namespace === undefined && scope.namespace !== undefined ? watcher.store.valuesIn(scope.namespace) : watcher.store.values())];
  }

  private ensureWide(scope: Scope, namespaces: ReadonlySet<string>): void {
    const key = kindKey(scope);
    const existing = this.wide.get(key);
    if (existing) return existing.keepNamespaces(namespaces);
    if (this.disposed) throw new Error('the cluster cache is disposed');
    const watcher: ScopeWatcher = new ScopeWatcher(scope, this.deps({
      // Subscribers see each change in the object's own namespace, as a watch per namespace reports it.
      changed: (changes) => {
        for (const change of changes) this.changes.fire({ ...change, scope: { ...scope, namespace: change.object.metadata.namespace } });
      },
      stateChanged: (status) => {
        if (status.state === 'forbidden' && !status.synced) this.narrow(key, watcher);
        else this.states.fire(status);
      },
      listed: () => this.handOver(key),
    }), namespaces);
    this.wide.set(key, watcher);
    watcher.start();
  }

  /** RBAC refused the list across all namespaces: one watch per namespace it was to hold. */
  private narrow(key: string, watcher: ScopeWatcher): void {
    this.narrowOnly.add(key);
    this.wide.delete(key);
    const namespaces = [...(watcher.namespaces ?? [])];
    this.options.logger.info(`listing ${watcher.scope.kind} (${watcher.scope.apiVersion}) in all namespaces is forbidden: watching each of its ${namespaces.length} namespaces instead`);
    watcher.dispose();
    for (const namespace of namespaces) this.ensure({ ...watcher.scope, namespace });
  }

  /** The watch across all namespaces listed: the per-namespace watches it now covers stop. */
  private handOver(key: string): void {
    for (const [id, watcher] of this.scopes) if (kindKey(watcher.scope) === key && this.coveredByWide(watcher.scope, false)) this.stop(id, watcher);
  }

  private stop(id: string, watcher: ScopeWatcher): void {
    watcher.dispose();
    this.scopes.delete(id);
  }

  private deps(events: Pick<ScopeWatcherDeps, 'changed' | 'stateChanged' | 'listed'>): ScopeWatcherDeps {
    const { kube, clock, scheduler, logger } = this.options;
    return { kube, clock, scheduler, logger, random: this.options.random ?? Math.random, policy: this.policy, ...events };
  }

  private ensure(scope: Scope): ScopeWatcher {
    const id = scopeId(scope);
    let watcher = this.scopes.get(id);
    if (watcher) return watcher;
    if (this.disposed) throw new Error('the cluster cache is disposed');
    watcher = new ScopeWatcher(
      { apiVersion: scope.apiVersion, kind: scope.kind, ...(scope.namespace === undefined ? {} : { namespace: scope.namespace }) },
      this.deps({
        changed: (changes) => {
          for (const change of changes) this.changes.fire(change);
        },
        stateChanged: (status) => this.states.fire(status),
      }),
    );
    this.scopes.set(id, watcher);
    watcher.start();
    return watcher;
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.watchers()) watcher.dispose();
    this.scopes.clear();
    this.wide.clear();
    this.changes.clear();
    this.states.clear();
  }
}
