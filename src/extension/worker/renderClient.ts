import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderResult } from '../../core/kustomize/render';
import type { Logger } from '../../core/ports';
import type { Diagnostic } from '../../core/result';
import type { RepoModel } from '../../core/repo/model';
import type { DiscoveryOptions, FromWorker, ToWorker } from './renderProtocol';
import { fromWire } from './wireRender';

/** One root's render, back on the main thread. */
export interface RenderedOverlay {
  readonly rendered: RenderResult | undefined;
  readonly errors: readonly Diagnostic[];
  readonly inputs: ReadonlySet<string>;
  readonly trackingId: string;
}

type Pending = { resolve(reply: FromWorker): void; reject(error: Error): void };

/**
 * The main thread's side of the render worker (renderWorker.ts, bundled next to this code as
 * dist/renderWorker.js): discovery and rendering run there; only the results come back, one
 * message per overlay, so the main thread's work per message stays a few milliseconds.
 * One per window (services.ts): the drift controller and the repo model share its parses.
 */
export class RenderClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(logger: Logger, script = join(__dirname, 'renderWorker.js')) {
    this.worker = new Worker(script);
    this.worker.on('message', (reply: FromWorker) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.kind === 'failed') waiting?.reject(new Error(reply.message));
      else waiting?.resolve(reply);
    });
    this.worker.on('error', (e) => {
      logger.error(`the render worker failed: ${e.message}`);
      for (const waiting of this.pending.values()) waiting.reject(e);
      this.pending.clear();
    });
    // Only a worker with requests in flight keeps the process alive.
    this.worker.unref();
  }

  /** The unsaved text of an open editor; undefined once it is saved or closed. */
  setBuffer(path: string, text: string | undefined): void {
    this.post({ kind: 'buffer', path, text });
  }

  invalidate(paths: readonly string[]): void {
    this.post({ kind: 'invalidate', paths });
  }

  clear(): void {
    this.post({ kind: 'clear' });
  }

  /** The deployable kustomizations (those nothing else includes) under `folders`. */
  async roots(folders: readonly string[]): Promise<string[]> {
    const reply = await this.request((id) => ({ kind: 'roots', id, folders }));
    return reply.kind === 'roots' ? [...reply.roots] : [];
  }

  /** discoverRepo() of `root`, run in the worker over the same buffers the renders see. */
  async discoverRepo(root: string, options: DiscoveryOptions): Promise<RepoModel> {
    const reply = await this.request((id) => ({ kind: 'discover', id, root, options }));
    if (reply.kind !== 'discover') throw new Error(`the render worker answered ${reply.kind} to discover`);
    return reply.model;
  }

  /**
   * The root's render. `known`: the caller holds the last one returned for `dir`, and gets
   * undefined when nothing it read has changed since. `urgent`: before any queued scan.
   */
  async render(dir: string, options: { readonly known: boolean; readonly urgent: boolean }): Promise<RenderedOverlay | undefined> {
    const reply = await this.request((id) => ({ kind: 'render', id, dir, ...options }));
    if (reply.kind !== 'render' || !reply.rendered) return undefined;
    const { result, inputs, trackingId } = reply.rendered;
    return {
      rendered: result.ok ? fromWire(result.value) : undefined,
      errors: result.ok ? [] : result.error,
      inputs: new Set(inputs),
      trackingId,
    };
  }

  dispose(): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error('the render worker was stopped'));
    this.pending.clear();
    void this.worker.terminate();
  }

  private request(message: (id: number) => ToWorker): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.post(message(id));
    });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
