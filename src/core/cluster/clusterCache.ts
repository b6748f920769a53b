import type { Clock, Disposable, KubeApi, KubeObject, Logger, ObjectRef, Scheduler } from '../ports';
import { defaultRetryPolicy, type RetryPolicy } from './backoff';
import { scopeId, worstState, type CacheChange, type ClusterStatus, type Scope, type ScopeStatus } from './connectionState';
import { Emitter } from './emitter';
import { ScopeWatcher } from './scopeWatcher';

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
}

/**
 * Live objects of one cluster context, kept current by one list+watch per
 * (apiVersion, kind, namespace) scope the repository's desired objects use.
 * Scopes start on first use (`get`, `list`, `watchScopes`); lookups never call the API
 * server after that. Changes and state transitions reach subscribers as events; each
 * subscription returns its Disposable.
 */
export class ClusterCache implements Disposable {
  private readonly scopes = new Map<string, ScopeWatcher>();
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
    const wanted = new Set(scopes.map(scopeId));
    for (const [id, watcher] of this.scopes) {
      if (wanted.has(id)) continue;
      watcher.dispose();
      this.scopes.delete(id);
    }
    for (const scope of scopes) this.ensure(scope);
  }

  /** The live object; waits for its scope's first list. Rejects only while that scope never listed. */
  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const watcher = this.ensure({ apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace });
    await watcher.ready();
    return watcher.store.get(ref.namespace, ref.name);
  }

  /** Every cached object of one scope (all namespaces when undefined), after its first list. */
  async list(apiVersion: string, kind: string, namespace: string | undefined): Promise<KubeObject[]> {
    const watcher = this.ensure({ apiVersion, kind, namespace });
    await watcher.ready();
    return [...watcher.store.values()];
  }

  /** What the cache holds for a scope right now, without starting or waiting for anything. */
  peek(scope: Scope): KubeObject[] {
    const watcher = this.scopes.get(scopeId(scope));
    return watcher ? [...watcher.store.values()] : [];
  }

  /** True when some watched scope is not connected: what the cache holds may be out of date. */
  get stale(): boolean {
    for (const watcher of this.scopes.values()) if (watcher.status.state !== 'connected') return true;
    return false;
  }

  status(): ClusterStatus {
    const scopes = [...this.scopes.values()].map((w) => w.status);
    return { context: this.options.context ?? '', state: worstState(scopes.map((s) => s.state)), scopes };
  }

  /** Objects held across all scopes (a scope per namespace may hold the same object as an all-namespaces one). */
  get size(): number {
    let n = 0;
    for (const watcher of this.scopes.values()) n += watcher.store.size;
    return n;
  }

  private ensure(scope: Scope): ScopeWatcher {
    const id = scopeId(scope);
    let watcher = this.scopes.get(id);
    if (watcher) return watcher;
    if (this.disposed) throw new Error('the cluster cache is disposed');
    const { kube, clock, scheduler, logger } = this.options;
    watcher = new ScopeWatcher(
      { apiVersion: scope.apiVersion, kind: scope.kind, ...(scope.namespace === undefined ? {} : { namespace: scope.namespace }) },
      {
        kube, clock, scheduler, logger,
        random: this.options.random ?? Math.random,
        policy: this.policy,
        changed: (changes) => {
          for (const change of changes) this.changes.fire(change);
        },
        stateChanged: (status) => this.states.fire(status),
      },
    );
    this.scopes.set(id, watcher);
    watcher.start();
    return watcher;
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.scopes.values()) watcher.dispose();
    this.scopes.clear();
    this.changes.clear();
    this.states.clear();
  }
}
