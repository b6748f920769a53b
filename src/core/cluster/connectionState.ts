import type { KubeApiFailure, KubeObject } from '../ports';

/**
 * What a scope's link to the API server looks like. `connecting` is the time before the
 * first list answers; every state but `connected` means what the cache holds may be old.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorised' | 'forbidden' | 'offline';

/** Worst first: the order a context's summary state is picked in. */
const severity: readonly ConnectionState[] = ['unauthorised', 'forbidden', 'offline', 'reconnecting', 'connecting', 'connected'];

export function worstState(states: Iterable<ConnectionState>): ConnectionState {
  let worst: ConnectionState = 'connected';
  for (const state of states) if (severity.indexOf(state) < severity.indexOf(worst)) worst = state;
  return worst;
}

/** One list+watch: every object of one kind in one namespace (all namespaces when undefined). */
export interface Scope {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
}

export function scopeId(scope: Scope): string {
  return `${scope.apiVersion}|${scope.kind}|${scope.namespace ?? ''}`;
}

export interface ScopeStatus {
  readonly scope: Scope;
  readonly state: ConnectionState;
  /** The most recent failure, kept after recovery so a hover can say what happened. */
  readonly lastError?: KubeApiFailure;
  /** When `state` last changed. */
  readonly since: Date;
  /** The scope has listed at least once: its objects are usable, if maybe old. */
  readonly synced: boolean;
  /** A watch across all namespaces that keeps only some: how many. */
  readonly namespaces?: number;
}

export interface ClusterStatus {
  readonly context: string;
  /** The worst state of any scope (connected when none is watched). */
  readonly state: ConnectionState;
  readonly scopes: readonly ScopeStatus[];
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CacheChange {
  readonly type: ChangeType;
  readonly scope: Scope;
  /** For DELETED: the object as last seen. */
  readonly object: KubeObject;
}

/** The state a failure leaves a scope in: auth problems are told apart from a server that cannot be reached. */
export function stateAfter(failure: KubeApiFailure): ConnectionState {
  if (failure.code === 401) return 'unauthorised';
  if (failure.code === 403) return 'forbidden';
  if (failure.code === undefined) return 'offline';
  return 'reconnecting';
}

/** A thrown value as a failure; the adapter's errors carry `code` (and `retryAfterSeconds`) already. */
export function failureOf(error: unknown): KubeApiFailure {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { code, message, retryAfterSeconds } = error as { code?: unknown; message?: unknown; retryAfterSeconds?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'number' ? { code } : {}),
    ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
  };
}

/** Rejections of `get`/`list` on a scope that never synced carry its state. */
export class ScopeUnavailableError extends Error {
  constructor(readonly status: ScopeStatus) {
    super(`${status.scope.kind} in ${status.scope.namespace ?? 'all namespaces'} is ${status.state}${status.lastError ? `: ${status.lastError.message}` : ''}`);
  }
}
