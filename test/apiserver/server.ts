// startApiServer: HTTPS on 127.0.0.1 with a fresh CA, bearer-token auth, and a kubeconfig.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asApiError, unauthorized, unknownPath } from './apiErrors';
import { generateServingCertificates } from './certificates';
import { ClusterState } from './clusterState';
import { readBody, sendJson } from './httpIo';
import { writeKubeconfig } from './kubeconfig';
import { parseResourcePath } from './requestInfo';
import { serveNonResource } from './nonResourceRoutes';
import type { RequestContext, Reply } from './requestContext';
import { deleteCollection, deleteObject } from './deleteHandlers';
import { getObject, listObjects } from './readHandlers';
import { apiResourceList } from './discovery';
import { booleanParam } from './httpIo';
import { serveScale } from './scaleSubresource';
import { serveWatch, WatchRegistry, type WatchSettings } from './watchStream';
import { createObject, patchObject, updateObject } from './writeHandlers';

export interface ApiServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where to write the kubeconfig; default a temp file removed on close. */
  kubeconfigPath?: string;
  /** Events kept for watch resumption; older resourceVersions get 410 Expired. */
  watchHistoryLimit?: number;
  /** How often watches that allow bookmarks receive one. */
  bookmarkIntervalMs?: number;
  /** Log each request to stderr (also DRIFTLINE_APISERVER_LOG=1). */
  log?: boolean;
}

export interface ApiServer {
  url: string;
  kubeconfigPath: string;
  token: string;
  caPem: string;
  state: ClusterState;
  /** Watch streams currently open (tests poll this instead of sleeping). */
  openWatchCount(): number;
  close(): Promise<void>;
}

function authorized(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
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

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const certificates = generateServingCertificates();
  const token = randomBytes(24).toString('hex');
  const state = new ClusterState(options.watchHistoryLimit === undefined ? {} : { watchHistoryLimit: options.watchHistoryLimit });
  const watches = new WatchRegistry();
  const watchSettings: WatchSettings = { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 30_000 };
  const log = options.log ?? process.env['DRIFTLINE_APISERVER_LOG'] === '1';
  let serverAddress = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    if (log) process.stderr.write(`apiserver: ${method} ${url.pathname}${url.search} accept=${request.headers.accept ?? ''} content-type=${request.headers['content-type'] ?? ''}\n`);
    try {
      if (!authorized(request, token)) throw unauthorized();
      const accept = request.headers.accept ?? '';
      if (method === 'GET' && serveNonResource(url.pathname, accept, serverAddress, response)) return;
      const parsed = parseResourcePath(url.pathname);
      if (parsed.kind === 'groupVersion' && method === 'GET') {
        const list = apiResourceList(parsed.group, parsed.version);
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
      if (method === 'GET' && context.request.name === undefined && booleanParam(url.searchParams, 'watch')) {
        return serveWatch(context, response, watches, watchSettings);
      }
      const reply = dispatch(context, method);
      if (!reply) throw unknownPath();
      sendJson(response, reply.code, reply.body, reply.contentType);
    } catch (error) {
      const apiError = asApiError(error);
      if (log) process.stderr.write(`apiserver:   -> ${apiError.status.code} ${apiError.message}\n`);
      if (response.headersSent) response.end();
      else sendJson(response, apiError.status.code, apiError.status);
    }
  };

  const server = createServer({ cert: certificates.certPem, key: certificates.keyPem }, (request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  serverAddress = `127.0.0.1:${port}`;
  const url = `https://127.0.0.1:${port}`;
  const tempDir = options.kubeconfigPath ? undefined : await mkdtemp(join(tmpdir(), 'driftline-apiserver-'));
  const kubeconfigPath = options.kubeconfigPath ?? join(tempDir ?? '', 'kubeconfig');
  await writeKubeconfig(kubeconfigPath, { url, caPem: certificates.caPem, token });

  let closing: Promise<void> | undefined;
  return {
    url, kubeconfigPath, token, caPem: certificates.caPem, state,
    openWatchCount: () => watches.size,
    close: () => {
      closing ??= (async () => {
        watches.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (tempDir) await rm(tempDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
