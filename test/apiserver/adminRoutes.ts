// /_driftline/*: the emulator's own control endpoints, for tools outside the process (the
// demo, CLI tests). Admin token only. All take and answer JSON:
//   POST   /_driftline/faults     {"action": "dropWatches"|"expireWatches"|"delay"|"fail"|"reset"|"clear", ...}
//                                 (the FaultInjector methods and options; see faults.ts)
//   GET    /_driftline/faults     the armed faults
//   DELETE /_driftline/faults     clear them
//   POST   /_driftline/workloads  {"action": "stick", "kind", "namespace", "name", "mode"?}
//                                 {"action": "unstick", "kind", "namespace", "name"}
//                                 {"action": "rolloutDelay", "ms"}   (see workloadController.ts)
//   POST   /_driftline/users      {"action": "expire", "name"}       the user's token now answers 401
import type { ServerResponse } from 'node:http';
import { badRequest, unknownPath } from './apiErrors';
import type { Authenticator } from './authorization';
import type { DelayFault, FailFault, FaultInjector, ResetFault } from './faults';
import { parseJsonBody, sendJson } from './httpIo';
import { isObject, type JsonObject, type JsonValue } from './objects';
import type { StuckWorkload, WorkloadController } from './workloadController';

export interface AdminTargets {
  faults: FaultInjector;
  workloads: WorkloadController;
  auth: Authenticator;
}

function field<T extends JsonValue>(body: JsonObject, name: string, kind: 'string' | 'number' | 'boolean', optional = false): T | undefined {
  const value = body[name];
  if (value === undefined && optional) return undefined;
  if (typeof value !== kind) throw badRequest(`${name}: expected a ${kind}`);
  return value as T;
}

function filter(body: JsonObject): { verb?: string; resource?: string } {
  const out: { verb?: string; resource?: string } = {};
  const verb = field<string>(body, 'verb', 'string', true);
  const resource = field<string>(body, 'resource', 'string', true);
  if (verb !== undefined) out.verb = verb;
  if (resource !== undefined) out.resource = resource;
  return out;
}

function withCount<T extends object>(body: JsonObject, fault: T): T & { count?: number } {
  const count = field<number>(body, 'count', 'number', true);
  return count === undefined ? fault : { ...fault, count };
}

function faultAction(faults: FaultInjector, action: string, body: JsonObject): JsonValue {
  switch (action) {
    case 'dropWatches': return faults.dropWatches({ abrupt: field<boolean>(body, 'abrupt', 'boolean', true) === true });
    case 'expireWatches': return faults.expireWatches();
    case 'delay': {
      const fault: DelayFault = { ms: field<number>(body, 'ms', 'number') ?? 0, ...filter(body) };
      faults.delay(fault);
      return null;
    }
    case 'fail': {
      const fault: FailFault = withCount(body, { code: (field<number>(body, 'code', 'number') ?? 500) as FailFault['code'], ...filter(body) });
      const retryAfterSeconds = field<number>(body, 'retryAfterSeconds', 'number', true);
      faults.fail(retryAfterSeconds === undefined ? fault : { ...fault, retryAfterSeconds });
      return null;
    }
    case 'reset': {
      const fault: ResetFault = withCount(body, { after: (field<string>(body, 'after', 'string') ?? '') as ResetFault['after'], ...filter(body) });
      faults.reset(fault);
      return null;
    }
    case 'clear':
      faults.clear();
      return null;
    default:
      throw badRequest(`unknown fault action "${action}"`);
  }
}

function workload(body: JsonObject): StuckWorkload {
  const target: StuckWorkload = { kind: field<string>(body, 'kind', 'string') ?? '', name: field<string>(body, 'name', 'string') ?? '' };
  const namespace = field<string>(body, 'namespace', 'string', true);
  const mode = field<string>(body, 'mode', 'string', true);
  if (namespace !== undefined) target.namespace = namespace;
  if (mode !== undefined) {
    if (mode !== 'progressing' && mode !== 'failed') throw badRequest('mode: expected "progressing" or "failed"');
    target.mode = mode;
  }
  return target;
}

function workloadAction(workloads: WorkloadController, action: string, body: JsonObject): JsonValue {
  switch (action) {
    case 'stick': workloads.stick(workload(body)); return null;
    case 'unstick': workloads.unstick(workload(body)); return null;
    case 'rolloutDelay': workloads.rolloutDelayMs = field<number>(body, 'ms', 'number') ?? 0; return null;
    default: throw badRequest(`unknown workload action "${action}"`);
  }
}

/** Serves an admin request (the caller checked the admin token). */
export function serveAdmin(pathname: string, method: string, rawBody: string, targets: AdminTargets, response: ServerResponse): void {
  const resource = pathname.replace(/^\/_driftline\//, '').replace(/\/+$/, '');
  if (resource === 'faults' && method === 'GET') return sendJson(response, 200, targets.faults.armed());
  if (resource === 'faults' && method === 'DELETE') {
    targets.faults.clear();
    return sendJson(response, 200, { action: 'clear', result: null });
  }
  if (method !== 'POST' || !['faults', 'workloads', 'users'].includes(resource)) throw unknownPath();
  const body = parseJsonBody(rawBody);
  if (!isObject(body) || typeof body['action'] !== 'string') throw badRequest('expected a JSON object with an "action"');
  const action = body['action'];
  let result: JsonValue;
  try {
    if (resource === 'faults') result = faultAction(targets.faults, action, body);
    else if (resource === 'workloads') result = workloadAction(targets.workloads, action, body);
    else if (action === 'expire') result = (targets.auth.expire(field<string>(body, 'name', 'string') ?? ''), null);
    else throw badRequest(`unknown users action "${action}"`);
  } catch (error) {
    // FaultInjector validation throws plain Errors: they are the caller's mistake, not ours.
    if (error instanceof Error && !('status' in error)) throw badRequest(error.message);
    throw error;
  }
  sendJson(response, 200, { action, result });
}
