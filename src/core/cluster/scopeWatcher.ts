import type { Clock, Disposable, KubeApi, KubeApiFailure, KubeObject, ListResult, Logger, Scheduler, WatchEventType } from '../ports';
import { Backoff, type RetryPolicy } from './backoff';
import { failureOf, stateAfter, ScopeUnavailableError, type CacheChange, type ConnectionState, type Scope, type ScopeStatus } from './connectionState';
import { listAllPages } from './pagedList';
import { ScopeStore } from './scopeStore';

export interface ScopeWatcherDeps {
  readonly kube: KubeApi;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly random: () => number;
  readonly policy: RetryPolicy;
  readonly changed: (changes: readonly CacheChange[]) => void;
  readonly stateChanged: (status: ScopeStatus) => void;
  /** After every list that completed (the store now reflects it). */
  readonly listed?: () => void;
}

/**
 * One scope's reflector: list (in pages), then watch from the list's resourceVersion. A watch that
 * ends cleanly resumes from the last version seen; 410 Gone relists (and diffs); any other
 * failure waits a jittered backoff, then resumes (or relists when nothing was ever listed).
 * A watch silent for longer than the stall timeout is restarted: half-open TCP connections
 * otherwise look healthy forever. Every async callback carries the generation it was
 * started in, so nothing from a superseded or disposed attempt touches the store.
 */
export class ScopeWatcher implements Disposable {
  readonly store: ScopeStore;
  private readonly backoff: Backoff;
  private generation = 0;
  private resourceVersion = '';
  private stream: Disposable | undefined;
  private retryTimer: Disposable | undefined;
  private stallTimer: Disposable | undefined;
  private lastActivity = 0;
  private connectedAt: number | undefined;
  private current: ScopeStatus;
  private waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private disposedFlag = false;
  /** The namespaces the last completed list kept (a watch across all namespaces with a `keep` set). */
  private listedNamespaces: ReadonlySet<string> | undefined;

  /**
   * `keep`: for a scope across all namespaces, the namespaces whose objects are held; the rest of
   * what the list and watch return is dropped, so memory follows what the repository deploys.
   */
  constructor(
    readonly scope: Scope,
    private readonly deps: ScopeWatcherDeps,
    private keep?: ReadonlySet<string>,
  ) {
    this.store = new ScopeStore(scope);
    this.backoff = new Backoff(deps.policy, deps.random);
    this.current = { scope, state: 'connecting', since: deps.clock.now(), synced: false };
  }

  get status(): ScopeStatus {
    return this.keep ? { ...this.current, namespaces: this.keep.size } : this.current;
  }

  start(): void {
    void this.relist();
  }

  get disposed(): boolean {
    return this.disposedFlag;
  }

  /** The namespaces this watcher is asked to hold (undefined: every object of its scope). */
  get namespaces(): ReadonlySet<string> | undefined {
    return this.keep;
  }

  /** Whether, once ready, this watcher holds every object of `namespace` (a relist for a namespace just added has not). */
  covers(namespace: string): boolean {
    if (!this.keep) return true;
    return (this.current.synced ? this.listedNamespaces : this.keep)?.has(namespace) ?? false;
  }

  /** Holds `namespaces` from now on: one relist when any of them is new, otherwise it only forgets. */
  keepNamespaces(namespaces: ReadonlySet<string>): void {
    const before = this.keep;
    this.keep = namespaces;
    this.store.retain((o) => this.keeps(o));
    if (this.listedNamespaces) this.listedNamespaces = new Set([...this.listedNamespaces].filter((ns) => namespaces.has(ns)));
    if (before && [...namespaces].every((ns) => before.has(ns))) return;
    // A list in flight (or the first one) used the old set: start over with the new one.
    if (!this.disposedFlag) void this.relist();
  }

  private keeps(object: KubeObject): boolean {
    return !this.keep || this.keep.has(object.metadata.namespace ?? '');
  }

  /** Resolves once the scope has listed; rejects while a scope that never listed is failing. */
  ready(): Promise<void> {
    if (this.current.synced) return Promise.resolve();
    if (this.current.state !== 'connecting' || this.disposed) return Promise.reject(new ScopeUnavailableError(this.current));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private async relist(): Promise<void> {
    if (this.disposed) return;
    const generation = this.supersede();
    const isCurrent = (): boolean => generation === this.generation;
    let listed: ListResult | undefined;
    try {
      listed = await listAllPages(this.scope, {
        kube: this.deps.kube,
        isCurrent,
        yieldToEventLoop: () => new Promise((resolve) => this.deps.scheduler.schedule(resolve, 0)),
        onRestart: (message) => this.deps.logger.warn(`${this.describe()}: the list's continue token expired: ${message}`),
      });
    } catch (error) {
      if (isCurrent()) this.fail(failureOf(error));
      return;
    }
    if (!listed || !isCurrent()) return;
    const keep = this.keep;
    const changes = this.store.replace(keep ? listed.items.filter((o) => this.keeps(o)) : listed.items);
    this.listedNamespaces = keep;
    this.resourceVersion = listed.resourceVersion;
    this.markConnected();
    if (changes.length > 0) this.deps.changed(changes);
    this.deps.listed?.();
    this.openWatch();
  }

  private openWatch(): void {
    // A subscriber may have disposed the cache from inside a callback of this attempt.
    if (this.disposed) return;
    const generation = this.supersede();
    const { apiVersion, kind, namespace } = this.scope;
    const openedAt = this.now();
    this.touch();
    this.armStallTimer(generation);
    const timeoutSeconds = Math.round(this.deps.policy.watchTimeoutSeconds * (1 + this.deps.random()));
    const stream = this.deps.kube.watch(apiVersion, kind, namespace, { resourceVersion: this.resourceVersion, allowBookmarks: true, timeoutSeconds }, {
      onOpen: () => {
        if (generation !== this.generation) return;
        this.touch();
        this.markConnected();
      },
      onEvent: (type, object) => {
        if (generation === this.generation) this.onEvent(type, object);
      },
      onClose: (error) => {
        if (generation === this.generation) this.onClose(error, this.now() - openedAt);
      },
    });
    // A fake (or a failing adapter) may close synchronously, superseding this stream already.
    if (generation === this.generation) this.stream = stream;
    else stream.dispose();
  }

  private onEvent(type: WatchEventType, object: KubeObject): void {
    this.touch();
    const rv = object.metadata['resourceVersion'];
    if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
    if (this.current.state !== 'connected') this.markConnected();
    if (type === 'BOOKMARK' || !this.keeps(object)) return;
    const change = this.store.apply(type, object);
    if (change) this.deps.changed([change]);
  }

  private onClose(error: KubeApiFailure | undefined, livedMs: number): void {
    this.stopStream();
    if (!error && livedMs >= this.deps.policy.minWatchMs) {
      // The server's timeoutSeconds ran out: the normal life of a watch.
      this.openWatch();
    } else if (error?.code === 410 && livedMs >= this.deps.policy.minWatchMs) {
      // Our resourceVersion was compacted away: only a fresh list can say what we missed.
      this.resourceVersion = '';
      this.setState('reconnecting', error);
      void this.relist();
    } else {
      if (error?.code === 410) this.resourceVersion = '';
      this.fail(error ?? { message: `the watch of ${this.scope.kind} closed after ${Math.round(livedMs)} ms` });
    }
  }

  private fail(failure: KubeApiFailure): void {
    this.stopStream();
    const now = this.now();
    if (this.connectedAt !== undefined && now - this.connectedAt >= this.deps.policy.resetAfterMs) this.backoff.reset();
    this.connectedAt = undefined;
    const delay = this.backoff.next(failure.retryAfterSeconds);
    this.setState(stateAfter(failure), failure);
    this.deps.logger.warn(`${this.describe()}: ${failure.code ?? 'no answer'} ${failure.message}; retrying in ${Math.round(delay)} ms`);
    if (!this.current.synced) this.settle(new ScopeUnavailableError(this.current));
    if (this.disposed) return;
    const generation = this.generation;
    this.retryTimer = this.deps.scheduler.schedule(() => {
      this.retryTimer = undefined;
      if (generation !== this.generation) return;
      if (this.resourceVersion === '') void this.relist();
      else this.openWatch();
    }, delay);
  }

  /** Re-arms lazily: events only stamp `lastActivity`, so a busy watch costs no timer churn. */
  private armStallTimer(generation: number): void {
    const { stallTimeoutMs } = this.deps.policy;
    const wait = Math.max(0, this.lastActivity + stallTimeoutMs - this.now());
    this.stallTimer = this.deps.scheduler.schedule(() => {
      this.stallTimer = undefined;
      if (generation !== this.generation) return;
      if (this.now() - this.lastActivity < stallTimeoutMs) return this.armStallTimer(generation);
      const failure = { message: `no event or bookmark for ${Math.round(stallTimeoutMs / 1000)} s: restarting the watch` };
      this.deps.logger.warn(`${this.describe()}: ${failure.message}`);
      this.stopStream();
      this.setState('reconnecting', failure);
      this.openWatch();
    }, wait);
  }

  private markConnected(): void {
    this.connectedAt ??= this.now();
    const firstSync = !this.current.synced;
    if (this.current.state !== 'connected' || firstSync) {
      this.current = { ...this.current, state: 'connected', since: this.deps.clock.now(), synced: true };
      this.deps.stateChanged(this.current);
    }
    if (firstSync) this.settle();
  }

  private setState(state: ConnectionState, lastError: KubeApiFailure): void {
    const since = state === this.current.state ? this.current.since : this.deps.clock.now();
    this.current = { ...this.current, state, lastError, since };
    this.deps.stateChanged(this.current);
  }

  private settle(error?: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (error) w.reject(error);
      else w.resolve();
    }
  }

  /** Invalidates every callback of earlier attempts and cancels their timers. */
  private supersede(): number {
    this.stopStream();
    this.retryTimer?.dispose();
    this.retryTimer = undefined;
    return ++this.generation;
  }

  private stopStream(): void {
    this.stream?.dispose();
    this.stream = undefined;
    this.stallTimer?.dispose();
    this.stallTimer = undefined;
  }

  private touch(): void {
    this.lastActivity = this.now();
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private describe(): string {
    return `watch of ${this.scope.kind} (${this.scope.apiVersion}) in ${this.scope.namespace ?? 'all namespaces'}`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposedFlag = true;
    this.supersede();
    this.settle(new ScopeUnavailableError({ ...this.current, lastError: { message: 'the cache was disposed' } }));
  }
}
