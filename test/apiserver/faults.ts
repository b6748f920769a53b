// Fault injection for the API emulator: make the "cluster" misbehave on purpose so clients
// (ClusterCache, the CLI, the demo) can be tested against failures a real apiserver produces.
//
// In process: `server.faults` (a FaultInjector).
//   dropWatches({ abrupt? })        end every open watch; returns how many. Clean end (as at
//                                   timeoutSeconds) by default; abrupt: true destroys the socket.
//   expireWatches()                 every open watch gets an ERROR event {code: 410, reason:
//                                   "Expired", message: "too old resource version: <last> (<oldest>)"}
//                                   and ends; history is compacted so every resourceVersion a
//                                   client holds is too old: re-watching from it gets 410 too,
//                                   a fresh list works. Returns how many watches were expired.
//   delay({ ms, verb?, resource? }) hold matching requests ms before answering (watches: before
//                                   their headers). Standing until changed; ms: 0 removes it.
//   fail({ code, count?, verb?, resource?, retryAfterSeconds? })
//                                   answer the next `count` (default 1) matching requests with
//                                   500 (Status InternalError), 503 (Status ServiceUnavailable) or
//                                   429 (text/plain "Too many requests, please try again later."
//                                   with Retry-After, as priority-and-fairness sends it; default 1 s).
//   reset({ after, count?, verb?, resource? })
//                                   handle the next `count` matching requests, then destroy the
//                                   connection after the headers ('headers') or after half the body
//                                   ('body'; watches: after the initial events).
//   clear()                         disarm everything (delay included).
//   armed()                         what is still armed, for debugging.
// Filters: `verb` is the authorizer's verb (get, list, watch, create, update, patch, delete,
// deletecollection; non-resource paths use the lower-cased method), `resource` a plural name
// ('deployments') or 'plural/subresource'. No filter matches every request, discovery included.
// Faults never touch /_driftline/*.
//
// Out of process: POST /_driftline/faults with a JSON body {"action": <method name>, ...its
// options}, e.g. {"action":"fail","code":503,"count":2,"verb":"list"}; the answer is JSON
// {"action": ..., "result": <return value>}. GET lists the armed faults; DELETE clears them.
// Only the admin token (the kubeconfig's default user) may call it (adminRoutes.ts).
import type { ServerResponse } from 'node:http';
import type { RequestAttributes } from './authorization';
import type { ClusterState } from './clusterState';
import { ApiError } from './apiErrors';
import { sendJson } from './httpIo';
import type { WatchRegistry } from './watchStream';

export interface FaultFilter {
  verb?: string;
  resource?: string;
}

export interface FailFault extends FaultFilter {
  code: 500 | 503 | 429;
  count?: number;
  retryAfterSeconds?: number;
}

export interface ResetFault extends FaultFilter {
  after: 'headers' | 'body';
  count?: number;
}

export interface DelayFault extends FaultFilter {
  ms: number;
}

export interface ArmedFaults {
  delay?: DelayFault;
  fail: (FailFault & { remaining: number })[];
  reset: (ResetFault & { remaining: number })[];
}

function matches(filter: FaultFilter, attributes: RequestAttributes): boolean {
  if (filter.verb !== undefined && filter.verb !== attributes.verb) return false;
  if (filter.resource === undefined) return true;
  const resource = attributes.resource;
  if (!resource) return false;
  return filter.resource === (resource.subresource ? `${resource.plural}/${resource.subresource}` : resource.plural);
}

function positive(count: number | undefined): number {
  const n = count ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`count must be a positive integer, got ${String(count)}`);
  return n;
}

export class FaultInjector {
  private delaying: DelayFault | undefined;
  private failing: (FailFault & { remaining: number })[] = [];
  private resetting: (ResetFault & { remaining: number })[] = [];

  constructor(private readonly state: ClusterState, private readonly watches: WatchRegistry) {}

  dropWatches(options: { abrupt?: boolean } = {}): number {
    const open = this.watches.all();
    for (const watch of open) {
      if (options.abrupt) watch.drop();
      else watch.close();
    }
    return open.length;
  }

  expireWatches(): number {
    const oldest = this.state.store.compact();
    const open = this.watches.all();
    for (const watch of open) watch.expire(oldest);
    return open.length;
  }

  delay(fault: DelayFault): void {
    if (!(fault.ms >= 0)) throw new Error(`ms must be >= 0, got ${String(fault.ms)}`);
    this.delaying = fault.ms === 0 ? undefined : { ...fault };
  }

  fail(fault: FailFault): void {
    if (![500, 503, 429].includes(fault.code)) throw new Error(`code must be 500, 503 or 429, got ${String(fault.code)}`);
    this.failing.push({ ...fault, remaining: positive(fault.count) });
  }

  reset(fault: ResetFault): void {
    if (fault.after !== 'headers' && fault.after !== 'body') throw new Error(`after must be "headers" or "body", got ${String(fault.after)}`);
    this.resetting.push({ ...fault, remaining: positive(fault.count) });
  }

  clear(): void {
    this.delaying = undefined;
    this.failing = [];
    this.resetting = [];
  }

  armed(): ArmedFaults {
    const armed: ArmedFaults = { fail: this.failing.map((f) => ({ ...f })), reset: this.resetting.map((f) => ({ ...f })) };
    if (this.delaying) armed.delay = { ...this.delaying };
    return armed;
  }

  /** Milliseconds to hold this request. */
  delayFor(attributes: RequestAttributes): number {
    return this.delaying && matches(this.delaying, attributes) ? this.delaying.ms : 0;
  }

  /** Answers the request with an injected failure, if one is armed for it; true when it did. */
  failIfArmed(attributes: RequestAttributes, response: ServerResponse): boolean {
    const fault = this.take(this.failing, attributes);
    if (!fault) return false;
    const retryAfter = fault.retryAfterSeconds ?? (fault.code === 429 ? 1 : undefined);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (fault.code === 429) {
      const text = 'Too many requests, please try again later.\n';
      response.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
      return true;
    }
    const error = fault.code === 503
      ? new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request')
      : new ApiError(500, 'InternalError', 'Internal error occurred: fault injected by the API emulator', { causes: [{ message: 'fault injected by the API emulator' }] });
    if (retryAfter !== undefined && error.status.details === undefined) error.status.details = { retryAfterSeconds: retryAfter };
    sendJson(response, error.status.code, error.status);
    return true;
  }

  /** The reset armed for this request, consumed; the server applies it to the response. */
  takeReset(attributes: RequestAttributes): ResetFault['after'] | undefined {
    return this.take(this.resetting, attributes)?.after;
  }

  private take<T extends FaultFilter & { remaining: number }>(list: T[], attributes: RequestAttributes): T | undefined {
    const fault = list.find((f) => matches(f, attributes));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) list.splice(list.indexOf(fault), 1);
    return fault;
  }
}

/**
 * Writes a JSON reply but destroys the connection after the headers or half of the body.
 * Chunked, as Go's server sends a response whose headers left before its end was known.
 */
export function sendTruncated(response: ServerResponse, code: number, body: unknown, after: ResetFault['after'], contentType = 'application/json'): void {
  const text = Buffer.from(JSON.stringify(body));
  response.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private' });
  if (after === 'headers') response.flushHeaders();
  else response.write(text.subarray(0, Math.floor(text.length / 2)));
  // Let the bytes leave before the reset, so the client sees a response cut short.
  setImmediate(() => response.socket?.destroy());
}
