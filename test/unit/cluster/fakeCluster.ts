// A KubeApi, clock and scheduler the tests drive one step at a time.
import type { Clock, Disposable, KubeApi, KubeApiFailure, KubeObject, ListOptions, ListResult, Logger, Scheduler, WatchHandlers, WatchOptions } from '../../../src/core/ports';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/** Virtual time: nothing runs until `advance`. */
export class FakeTime implements Clock, Scheduler {
  private current = 1_700_000_000_000;
  private seq = 0;
  private timers: Timer[] = [];

  now(): Date {
    return new Date(this.current);
  }

  get ms(): number {
    return this.current;
  }

  schedule(callback: () => void, ms: number): Disposable {
    const timer: Timer = { at: this.current + ms, seq: this.seq++, callback, cancelled: false };
    this.timers.push(timer);
    return { dispose: () => (timer.cancelled = true) };
  }

  /** Timers still waiting to run. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** The delay until the next timer, or undefined. */
  nextDelay(): number | undefined {
    const next = this.live().at(0);
    return next ? next.at - this.current : undefined;
  }

  /** Moves time forward, running due timers in order (and the microtasks they start). */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const next = this.live().at(0);
      if (!next || next.at > target) break;
      this.current = next.at;
      next.cancelled = true;
      next.callback();
      await flush();
    }
    this.current = target;
    await flush();
  }

  private live(): Timer[] {
    this.timers = this.timers.filter((t) => !t.cancelled);
    return this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

export interface WatchCall {
  readonly scope: string;
  readonly options: WatchOptions;
  readonly handlers: WatchHandlers;
  disposed: boolean;
}

type ListAnswer = ListResult | KubeApiFailure;

/** Lists answer from a queue (or the current objects); watches are recorded for the test to drive. */
export class FakeKubeApi implements KubeApi {
  readonly objects = new Map<string, KubeObject>();
  resourceVersion = 1;
  readonly watches: WatchCall[] = [];
  readonly listAnswers: ListAnswer[] = [];
  listCalls = 0;
  readonly listOptions: ListOptions[] = [];
  /** When set, list() waits for the test to call `release`. */
  holdLists = false;
  private held: Array<() => void> = [];

  async get(): Promise<KubeObject | undefined> {
    throw new Error('not used');
  }

  async apply(): Promise<KubeObject> {
    throw new Error('not used');
  }

  /** The namespace each list asked for ('' for all namespaces). */
  readonly listNamespaces: string[] = [];

  async list(_apiVersion: string, _kind: string, namespace: string | undefined, options: ListOptions = {}): Promise<ListResult> {
    this.listCalls++;
    this.listOptions.push(options);
    this.listNamespaces.push(namespace ?? '');
    if (this.holdLists) await new Promise<void>((resolve) => this.held.push(resolve));
    const answer = this.listAnswers.shift() ?? this.page(options, namespace);
    if ('items' in answer) return answer;
    throw Object.assign(new Error(answer.message), answer);
  }

  /** The current objects, a `limit` at a time when asked; a token is "<list resourceVersion>:<offset>". */
  private page(options: ListOptions, namespace: string | undefined): ListResult {
    const all = [...this.objects.values()].filter((o) => namespace === undefined || o.metadata.namespace === namespace).map((o) => structuredClone(o));
    const [rv = String(this.resourceVersion), offset = '0'] = options.continue?.split(':') ?? [];
    const start = Number(offset);
    const end = options.limit ? start + options.limit : all.length;
    return { items: all.slice(start, end), resourceVersion: rv, ...(end < all.length ? { continue: `${rv}:${end}` } : {}) };
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }

  watch(apiVersion: string, kind: string, namespace: string | undefined, options: WatchOptions, handlers: WatchHandlers): Disposable {
    const call: WatchCall = { scope: `${apiVersion}|${kind}|${namespace ?? ''}`, options, handlers, disposed: false };
    this.watches.push(call);
    return { dispose: () => (call.disposed = true) };
  }

  get lastWatch(): WatchCall {
    const last = this.watches.at(-1);
    if (!last) throw new Error('no watch was opened');
    return last;
  }

  get openWatches(): WatchCall[] {
    return this.watches.filter((w) => !w.disposed);
  }

  /** Writes an object on the "server", stamping the next resourceVersion. */
  put(name: string, data: Record<string, unknown> = {}, namespace = 'default'): KubeObject {
    const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, resourceVersion: String(++this.resourceVersion) }, ...data };
    this.objects.set(`${namespace}/${name}`, object);
    return structuredClone(object);
  }

  remove(name: string, namespace = 'default'): KubeObject | undefined {
    const object = this.objects.get(`${namespace}/${name}`);
    this.objects.delete(`${namespace}/${name}`);
    if (object) object.metadata['resourceVersion'] = String(++this.resourceVersion);
    return object && structuredClone(object);
  }
}

export const silentLogger: Logger & { readonly lines: string[] } = {
  lines: [],
  debug() {},
  info() {},
  warn(message) {
    this.lines.push(message);
  },
  error(message) {
    this.lines.push(message);
  },
};

export const configMaps = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default' } as const;
