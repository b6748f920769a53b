// One HTTP request through the emulator, in the real server's filter order: authentication,
// then (as priority-and-fairness would) injected delays and failures, then authorization,
// then discovery/OpenAPI or the resource handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveAdmin, type AdminTargets } from './adminRoutes';
import { asApiError, unauthorized, unknownPath } from './apiErrors';
import { authorize, forbidden, type RequestAttributes, type ServedUser } from './authorization';
import type { ClusterState } from './clusterState';
import { deleteCollection, deleteObject } from './deleteHandlers';
import { apiResourceList } from './discovery';
import { sendTruncated } from './faults';
import { booleanParam, readBody, sendJson } from './httpIo';
import { serveNonResource } from './nonResourceRoutes';
import { getObject, listObjects } from './readHandlers';
import type { Reply, RequestContext } from './requestContext';
import { parseResourcePath, resourceVerb, type ParsedPath } from './requestInfo';
import { serveScale } from './scaleSubresource';
import { serveWatch, type WatchRegistry, type WatchSettings } from './watchStream';
import { createObject, patchObject, updateObject } from './writeHandlers';

export interface HandlerDependencies extends AdminTargets {
  state: ClusterState;
  admin: ServedUser;
  watches: WatchRegistry;
  watchSettings: WatchSettings;
  log: boolean;
  /** host:port, for /api's serverAddressByClientCIDRs. */
  serverAddress: () => string;
}

function dispatch(context: RequestContext, method: string): Reply | undefined {
  const { name, subresource } = context.request;
  if (subresource !== undefined && !['GET', 'PUT', 'PATCH'].includes(method)) return undefined;
  if (subresource === 'scale') return serveScale(context, method);
  if (method === 'GET') return name === undefined ? listObjects(context) : getObject(context);
  if (method === 'POST' && name === undefined) return createObject(context);
  if (method === 'PUT' && name !== undefined) return updateObject(context);
  if (method === 'PATCH' && name !== undefined) return patchObject(context);
  if (method === 'DELETE') return name === undefined ? deleteCollection(context) : deleteObject(context);
  return undefined;
}

function attributesOf(method: string, pathname: string, parsed: ParsedPath, query: URLSearchParams): RequestAttributes {
  if (parsed.kind !== 'resource') return { verb: method.toLowerCase(), path: pathname };
  const { type, namespace, name, subresource } = parsed.request;
  const resource: RequestAttributes['resource'] = { group: type.group, plural: type.plural };
  if (subresource !== undefined) resource.subresource = subresource;
  if (namespace !== undefined) resource.namespace = namespace;
  if (name !== undefined) resource.name = name;
  return { verb: resourceVerb(method, parsed.request, query), path: pathname, resource };
}

export function createRequestHandler(deps: HandlerDependencies): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { state, faults } = deps;
  return async (request, response) => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    if (deps.log) process.stderr.write(`apiserver: ${method} ${url.pathname}${url.search} accept=${request.headers.accept ?? ''} content-type=${request.headers['content-type'] ?? ''}\n`);
    try {
      const user = deps.auth.authenticate(request.headers.authorization);
      if (!user) throw unauthorized();
      if (url.pathname.startsWith('/_driftline/')) {
        if (user !== deps.admin) throw forbidden(user, { verb: method.toLowerCase(), path: url.pathname });
        return serveAdmin(url.pathname, method, await readBody(request), deps, response);
      }
      const parsed = parseResourcePath(url.pathname, state.registry);
      const attributes = attributesOf(method, url.pathname, parsed, url.searchParams);
      const delayMs = faults.delayFor(attributes);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      // The client may have given up while the request was held: serve nothing (and open no watch) for it.
      if (response.destroyed || request.destroyed) return;
      if (faults.failIfArmed(attributes, response)) return;
      authorize(user, attributes);
      const accept = request.headers.accept ?? '';
      if (method === 'GET' && serveNonResource(state.registry, url.pathname, accept, deps.serverAddress(), response)) return;
      if (parsed.kind === 'groupVersion' && method === 'GET') {
        const list = apiResourceList(state.registry, parsed.group, parsed.version);
        if (!list) throw unknownPath();
        return sendJson(response, 200, list);
      }
      if (parsed.kind !== 'resource') throw unknownPath();
      const context: RequestContext = {
        state, request: parsed.request, query: url.searchParams,
        headers: { accept, contentType: request.headers['content-type'] ?? '', userAgent: request.headers['user-agent'] ?? '' },
        body: method === 'GET' ? '' : await readBody(request),
        now: new Date(),
      };
      const reset = faults.takeReset(attributes);
      if (method === 'GET' && context.request.name === undefined && booleanParam(url.searchParams, 'watch')) {
        if (reset === 'headers') {
          response.writeHead(200, { 'Content-Type': 'application/json' });
          response.flushHeaders();
        } else {
          serveWatch(context, response, deps.watches, deps.watchSettings);
        }
        if (reset) setImmediate(() => response.socket?.destroy());
        return;
      }
      const reply = dispatch(context, method);
      if (!reply) throw unknownPath();
      if (reset) sendTruncated(response, reply.code, reply.body, reset, reply.contentType);
      else sendJson(response, reply.code, reply.body, reply.contentType);
    } catch (error) {
      const apiError = asApiError(error);
      if (deps.log) process.stderr.write(`apiserver:   -> ${apiError.status.code} ${apiError.message}\n`);
      if (response.headersSent) response.end();
      else sendJson(response, apiError.status.code, apiError.status);
    }
  };
}
