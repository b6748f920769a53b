import type { Disposable, KubeApi, KubeObject, Logger, ObjectRef } from '../ports';

/**
 * Live objects, kept current by one list+watch per (apiVersion, kind, namespace)
 * that the rendered overlays use. Lookups never hit the API server once the
 * watch is up; `onChange` fires for every event so drift follows the cluster.
 */
export class LiveCache implements Disposable {
  private readonly objects = new Map<string, KubeObject>();
  private readonly watches = new Map<string, Promise<Disposable | undefined>>();
  private readonly failed = new Set<string>();
  private disposed = false;

  constructor(
    private readonly kube: KubeApi,
    private readonly logger: Logger,
    private readonly onChange: () => void,
  ) {}

  /** True when some watch failed: what the cache holds may be out of date. */
  get stale(): boolean {
    return this.failed.size > 0;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    await this.ensureWatch(ref.apiVersion, ref.kind, ref.namespace);
    return this.objects.get(objectKey(ref.apiVersion, ref.kind, ref.namespace, ref.name));
  }

  private ensureWatch(apiVersion: string, kind: string, namespace: string | undefined): Promise<Disposable | undefined> {
    const key = `${apiVersion}|${kind}|${namespace ?? ''}`;
    let pending = this.watches.get(key);
    if (pending) return pending;
    pending = this.kube
      .watch(apiVersion, kind, namespace, {
        onEvent: ({ type, object }) => {
          const k = objectKey(apiVersion, kind, object.metadata.namespace, object.metadata.name);
          if (type === 'DELETED') this.objects.delete(k);
          else this.objects.set(k, object);
          this.failed.delete(key);
          this.onChange();
        },
        onError: (error) => {
          this.logger.warn(`watch of ${kind} in ${namespace ?? 'all namespaces'} broke: ${error.message}`);
          this.failed.add(key);
          this.watches.delete(key);
          this.onChange();
        },
      })
      .catch((error: unknown) => {
        this.watches.delete(key);
        throw error;
      });
    this.watches.set(key, pending);
    return pending;
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.watches.values()) void pending.then((w) => w?.dispose(), () => undefined);
    this.watches.clear();
    this.objects.clear();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }
}

function objectKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  return `${apiVersion}|${kind}|${namespace ?? ''}|${name}`;
}
