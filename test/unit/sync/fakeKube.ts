import type { ApplyOptions, DeleteOptions, KubeApi, KubeObject, ListResult, ObjectRef } from '../../../src/core/ports';
import type { LiveReader } from '../../../src/core/sync/syncPlan';

/** An in-memory cluster for sync unit tests: SSA as replace, scripted failures and conflicts. */
export class FakeKube implements KubeApi {
  readonly objects = new Map<string, KubeObject>();
  readonly calls: string[] = [];
  /** Keyed by `Kind/name`: the error a real (not dry-run) apply throws. */
  readonly failures = new Map<string, Error & { code?: number }>();
  /** Keyed by `Kind/name`: an unforced apply (dry run or not) is refused with this 409. */
  readonly conflicts = new Map<string, string>();

  static key(ref: Pick<ObjectRef, 'kind' | 'name' | 'namespace'>): string {
    return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
  }

  put(object: KubeObject): void {
    this.objects.set(FakeKube.key({ kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace }), object);
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.objects.get(FakeKube.key(ref));
  }

  async apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const short = `${object.kind}/${object.metadata.name}`;
    this.calls.push(`${options.dryRun ? 'dry-apply' : options.force ? 'force-apply' : 'apply'} ${short}`);
    const conflict = this.conflicts.get(short);
    if (conflict && !options.force) throw Object.assign(new Error(conflict), { code: 409 });
    const failure = this.failures.get(short);
    if (failure && !options.dryRun) throw failure;
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(this.calls.length) } };
    if (!options.dryRun) this.put(stored);
    return stored;
  }

  async delete(ref: ObjectRef, options: DeleteOptions): Promise<boolean> {
    this.calls.push(`${options.dryRun ? 'dry-delete' : 'delete'} ${ref.kind}/${ref.name}`);
    const had = this.objects.has(FakeKube.key(ref));
    if (!options.dryRun) this.objects.delete(FakeKube.key(ref));
    return had;
  }

  async list(apiVersion: string, kind: string, namespace: string | undefined): Promise<ListResult> {
    const items = [...this.objects.values()].filter((o) => o.kind === kind && o.apiVersion === apiVersion && (namespace === undefined || o.metadata.namespace === namespace));
    return { items, resourceVersion: '1' };
  }

  /** The LiveReader view sync reads through. */
  reader(): LiveReader {
    return { get: (ref) => this.get(ref), list: async (...scope) => (await this.list(...scope)).items };
  }

  watch(): never {
    throw new Error('not used');
  }
}

export function object(kind: string, name: string, extra: { namespace?: string; apiVersion?: string; annotations?: Record<string, string>; spec?: Record<string, unknown> } = {}): KubeObject {
  const apiVersion = extra.apiVersion ?? (['Deployment', 'StatefulSet', 'DaemonSet'].includes(kind) ? 'apps/v1' : 'v1');
  return {
    apiVersion,
    kind,
    metadata: { name, ...(extra.namespace ? { namespace: extra.namespace } : {}), ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    ...(extra.spec ? { spec: extra.spec } : {}),
  };
}
