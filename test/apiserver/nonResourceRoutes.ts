// Paths outside /api/v1/... and /apis/<g>/<v>/...: discovery roots, /version, OpenAPI, health.
import type { ServerResponse } from 'node:http';
import {
  aggregatedDiscovery, aggregatedDiscoveryContentType, apiGroup, apiGroupList, coreApiVersions, serverVersion, wantsAggregatedDiscovery,
} from './discovery';
import { sendJson, sendText } from './httpIo';
import { openApiDocument, openApiRoot } from './openapi';
import type { ResourceRegistry } from './resourceRegistry';

/** Answers the request and returns true when the path is one of these; false otherwise. */
export function serveNonResource(registry: ResourceRegistry, pathname: string, accept: string, serverAddress: string, response: ServerResponse): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/version') {
    sendJson(response, 200, serverVersion);
    return true;
  }
  if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    sendText(response, 200, 'ok');
    return true;
  }
  if (path === '/api' || path === '/apis') {
    const legacy = path === '/api';
    // kubectl decides between aggregated and legacy discovery by the response Content-Type.
    if (wantsAggregatedDiscovery(accept)) sendJson(response, 200, aggregatedDiscovery(registry, legacy), aggregatedDiscoveryContentType);
    else sendJson(response, 200, legacy ? coreApiVersions(serverAddress) : apiGroupList(registry));
    return true;
  }
  const groupMatch = /^\/apis\/([^/]+)$/.exec(path);
  if (groupMatch) {
    const group = apiGroup(registry, groupMatch[1] ?? '');
    if (!group) return false;
    sendJson(response, 200, group);
    return true;
  }
  if (path === '/openapi/v3') {
    sendJson(response, 200, openApiRoot(registry));
    return true;
  }
  const openApiMatch = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (openApiMatch) {
    const doc = openApiMatch[1] !== undefined ? openApiDocument(registry, '', openApiMatch[1]) : openApiDocument(registry, openApiMatch[2] ?? '', openApiMatch[3] ?? '');
    if (!doc) return false;
    sendJson(response, 200, doc);
    return true;
  }
  return false;
}
