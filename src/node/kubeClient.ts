import type { KubeConfig } from '@kubernetes/client-node/dist/config.js';
import type { ApplyOptions, DeleteOptions, Disposable, KubeApi, KubeObject, ListOptions, ListResult, ObjectRef, PatchOptions, WatchHandlers, WatchOptions } from '../core/ports';
import { HttpTransport } from './httpTransport';
import { KubeApiError } from './kubeApiError';
import { ResourceResolver, type ApiResource } from './resourceResolver';
import { openWatchStream } from './watchStream';

/**
 * The KubeApi port on @kubernetes/client-node's kubeconfig handling (certs, tokens,
 * exec plugins, proxies); objects travel as raw JSON so that no field the client's
 * models do not know is ever dropped from a diff.
 */
export class KubeClient implements KubeApi {
  private readonly transport: HttpTransport;
  private readonly resources: ResourceResolver;

  constructor(kc: KubeConfig) {
    this.transport = new HttpTransport(kc);
    this.resources = new ResourceResolver((path) => this.transport.json('GET', path));
  }

  get server(): string {
    return this.transport.config.getCurrentCluster()?.server ?? '';
  }

  get contextName(): string {
    return this.transport.config.getCurrentContext();
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const resource = await this.resources.resolve(ref.apiVersion, ref.kind);
    try {
      return (await this.request(ref.apiVersion, 'GET', objectPath(resource, ref.namespace, ref.name))) as KubeObject;
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
    return (await this.request(object.apiVersion, 'PATCH', path, JSON.stringify(object), 'application/apply-patch+yaml')) as KubeObject;
  }

  /** JSON merge patch; a resourceVersion in the body makes the server refuse a stale write with 409. */
  async patch(ref: ObjectRef, body: Record<string, unknown>, options: PatchOptions): Promise<KubeObject> {
    const resource = await this.resources.resolve(ref.apiVersion, ref.kind);
    const metadata = { ...(body['metadata'] as Record<string, unknown> | undefined), ...(options.resourceVersion ? { resourceVersion: options.resourceVersion } : {}) };
    const payload = Object.keys(metadata).length > 0 ? { ...body, metadata } : body;
    const query = options.fieldManager ? `?${new URLSearchParams({ fieldManager: options.fieldManager })}` : '';
    const path = `${objectPath(resource, ref.namespace, ref.name)}${query}`;
    return (await this.request(ref.apiVersion, 'PATCH', path, JSON.stringify(payload), 'application/merge-patch+json')) as KubeObject;
  }

  async delete(ref: ObjectRef, options: DeleteOptions): Promise<boolean> {
    const resource = await this.resources.resolve(ref.apiVersion, ref.kind);
    const query = new URLSearchParams({ propagationPolicy: 'Background' });
    if (options.dryRun) query.set('dryRun', 'All');
    try {
      await this.request(ref.apiVersion, 'DELETE', `${objectPath(resource, ref.namespace, ref.name)}?${query}`);
      return true;
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) return false;
      throw e;
    }
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined, options: ListOptions = {}): Promise<ListResult> {
    const resource = await this.resources.resolve(apiVersion, kind);
    const query = new URLSearchParams();
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.continue) query.set('continue', options.continue);
    const path = `${collectionPath(resource, namespace)}${query.size > 0 ? `?${query}` : ''}`;
    const list = (await this.listRequest(apiVersion, path)) as { items?: KubeObject[]; metadata?: { resourceVersion?: string; continue?: string } };
    const items = list.items ?? [];
    // Items of built-in lists omit kind and apiVersion; set in place (20,000 copies add up).
    for (const item of items) {
      item.apiVersion ||= apiVersion;
      item.kind ||= kind;
    }
    const next = list.metadata?.continue;
    return { items, resourceVersion: list.metadata?.resourceVersion ?? '', ...(next ? { continue: next } : {}) };
  }

  watch(apiVersion: string, kind: string, namespace: string | undefined, options: WatchOptions, handlers: WatchHandlers): Disposable {
    let stream: Disposable | undefined;
    let disposed = false;
    const onClose = (error?: { code?: number; message: string; retryAfterSeconds?: number }): void => {
      if (error?.code === 404) this.resources.invalidate(apiVersion);
      // The next attempt must not reuse a token the server refused.
      if (error?.code === 401 && this.transport.hasRenewableCredentials()) this.transport.renewCredentials();
      handlers.onClose(error);
    };
    this.resources.resolve(apiVersion, kind).then(
      (resource) => {
        if (disposed) return;
        stream = openWatchStream(this.transport, collectionPath(resource, namespace), { apiVersion, kind }, options, { ...handlers, onClose });
      },
      (e: unknown) => {
        if (!disposed) onClose({ ...(e instanceof KubeApiError ? { code: e.code } : {}), message: e instanceof Error ? e.message : String(e) });
      },
    );
    return {
      dispose: () => {
        disposed = true;
        stream?.dispose();
      },
    };
  }

  /** A 404 where the resource type should be (a list, or an apply, which creates) means its CRD changed: forget its discovery. */
  private async request(apiVersion: string, method: string, path: string, body?: string, contentType?: string): Promise<unknown> {
    try {
      return await this.transport.json(method, path, body, contentType);
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404 && method !== 'GET') this.resources.invalidate(apiVersion);
      throw e;
    }
  }

  private async listRequest(apiVersion: string, path: string): Promise<unknown> {
    try {
      return await this.transport.json('GET', path);
    } catch (e) {
      if (e instanceof KubeApiError && e.code === 404) this.resources.invalidate(apiVersion);
      throw e;
    }
  }
}

function collectionPath(resource: ApiResource, namespace: string | undefined): string {
  const ns = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${resource.groupVersionPath}${ns}/${resource.plural}`;
}

function objectPath(resource: ApiResource, namespace: string | undefined, name: string): string {
  return `${collectionPath(resource, namespace ?? (resource.namespaced ? 'default' : undefined))}/${encodeURIComponent(name)}`;
}
