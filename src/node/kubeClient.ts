import { request as httpsRequest, type RequestOptions } from 'node:https';
import { request as httpRequest } from 'node:http';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import type { ApplyOptions, Disposable, KubeApi, KubeObject, ObjectRef, WatchHandlers } from '../core/ports';
import { ResourceResolver, type ApiResource } from './resourceResolver';
import { KubeApiError } from './kubeApiError';

/**
 * The KubeApi port on @kubernetes/client-node: its kubeconfig handling (certs,
 * tokens, exec plugins) and its Watch; objects travel as raw JSON so that no
 * field the client's models do not know is ever dropped from a diff.
 */
export class KubeClient implements KubeApi {
  private readonly resources: ResourceResolver;

  constructor(private readonly kc: KubeConfig) {
    this.resources = new ResourceResolver((path) => this.requestJson('GET', path));
  }

  get server(): string {
    return this.kc.getCurrentCluster()?.server ?? '';
  }

  get contextName(): string {
    return this.kc.getCurrentContext();
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const resource = await this.resources.resolve(ref.apiVersion, ref.kind);
    try {
      return (await this.requestJson('GET', objectPath(resource, ref.namespace, ref.name))) as KubeObject;
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) return undefined;
      throw e;
    }
  }

  async apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const resource = await this.resources.resolve(object.apiVersion, object.kind);
    const query = new URLSearchParams({ fieldManager: options.fieldManager, force: String(options.force) });
    if (options.dryRun) query.set('dryRun', 'All');
    const path = `${objectPath(resource, object.metadata.namespace, object.metadata.name)}?${query}`;
    return (await this.requestJson('PATCH', path, JSON.stringify(object), 'application/apply-patch+yaml')) as KubeObject;
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined): Promise<{ items: KubeObject[]; resourceVersion: string }> {
    const resource = await this.resources.resolve(apiVersion, kind);
    const list = (await this.requestJson('GET', collectionPath(resource, namespace))) as { items?: KubeObject[]; metadata?: { resourceVersion?: string } };
    // Items of a list omit kind and apiVersion.
    const items = (list.items ?? []).map((item) => ({ ...item, apiVersion, kind }));
    return { items, resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  async watch(apiVersion: string, kind: string, namespace: string | undefined, handlers: WatchHandlers): Promise<Disposable> {
    const resource = await this.resources.resolve(apiVersion, kind);
    const { items, resourceVersion } = await this.list(apiVersion, kind, namespace);
    for (const object of items) handlers.onEvent({ type: 'ADDED', object });
    let stopped = false;
    let controller: AbortController | undefined;
    const start = async (rv: string): Promise<void> => {
      let lastRv = rv;
      controller = await new Watch(this.kc).watch(
        collectionPath(resource, namespace),
        { resourceVersion: lastRv, allowWatchBookmarks: true },
        (type, raw) => {
          const object = raw as KubeObject;
          const eventRv = object?.metadata?.['resourceVersion'];
          if (typeof eventRv === 'string') lastRv = eventRv;
          if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') handlers.onEvent({ type, object: { ...object, apiVersion, kind } });
        },
        (error: unknown) => {
          if (stopped) return;
          if (error) handlers.onError(error instanceof Error ? error : new Error(String(error)));
          else void start(lastRv).catch((e: unknown) => handlers.onError(e instanceof Error ? e : new Error(String(e))));
        },
      );
    };
    await start(resourceVersion);
    return {
      dispose: () => {
        stopped = true;
        controller?.abort();
      },
    };
  }

  private async requestJson(method: string, path: string, body?: string, contentType = 'application/json'): Promise<unknown> {
    const server = new URL(this.server);
    const options: RequestOptions = {
      method,
      protocol: server.protocol,
      hostname: server.hostname,
      port: server.port,
      path: `${server.pathname.replace(/\/$/, '')}${path}`,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': contentType } : {}) },
    };
    await this.kc.applyToHTTPSOptions(options);
    const send = server.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      const req = send(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? {} : JSON.parse(text);
          } catch {
            parsed = { message: text.slice(0, 200) };
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(parsed);
          else reject(new KubeApiError(status, statusMessage(parsed, status)));
        });
      });
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`request to ${server.host} timed out`)));
      if (body) req.write(body);
      req.end();
    });
  }
}

function statusMessage(body: unknown, code: number): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : `the server answered ${code}`;
}

function collectionPath(resource: ApiResource, namespace: string | undefined): string {
  const ns = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${resource.groupVersionPath}${ns}/${resource.plural}`;
}

function objectPath(resource: ApiResource, namespace: string | undefined, name: string): string {
  return `${collectionPath(resource, namespace ?? (resource.namespaced ? 'default' : undefined))}/${encodeURIComponent(name)}`;
}
