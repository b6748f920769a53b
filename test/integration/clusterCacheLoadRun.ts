// One bounded load run of the ClusterCache against the emulator (loopback only): seed
// `objects` ConfigMaps, sync, then `writesPerSecond` writes for `seconds`. Shared by the
// integration test (small) and `npm run bench` (20,000 objects, 1,000 writes/s, 30 s).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { ClusterCache } from '../../src/core/cluster/clusterCache';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { eventually, loadNamespace, quietLogger, realTime, type WorkerCommand, type WorkerReply } from './clusterCacheSupport';

export interface LoadOptions {
  readonly objects: number;
  readonly writesPerSecond: number;
  readonly seconds: number;
  /** Times a peer's first sync of the same objects (the bench runs client-node's informer); ms. */
  readonly peerFirstSync?: (kubeconfigPath: string, path: string) => Promise<number>;
}

export interface LoadReport extends LoadOptions {
  readonly writes: number;
  readonly timeToFirstSyncMs: number;
  /** Main-thread heap after a GC, with the cache synced and after the writes. */
  readonly heapUsedMb: number;
  /** Heap the cache added over the baseline before it started. */
  readonly cacheHeapMb: number;
  /** Write (in the server) → change event (in the cache), over every event seen. */
  readonly lagP50Ms: number;
  readonly lagP99Ms: number;
  readonly lagMaxMs: number;
  /** The last write → the cache holding it. */
  readonly catchUpMs: number;
  readonly relists: number;
  /** The cache equals a fresh snapshot of the server at the end. */
  readonly converged: boolean;
  /** A second, fresh cache's first sync after the writes: same conditions as the peer's. */
  readonly warmFirstSyncMs: number;
  readonly peerFirstSyncMs?: number;
}

/** A GC on demand without a command-line flag (the bench and the test runner start node themselves). */
function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const heapMb = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export async function runClusterCacheLoad(options: LoadOptions): Promise<LoadReport> {
  const workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-load-'));
  // History for ~3 s of writes: a cache that falls further behind relists (and says so).
  const historyLimit = Math.max(2_000, options.writesPerSecond * 3);
  // Node 20 will not load a .ts worker entry even with tsx imported: register tsx's require hook first.
  const entry = join(__dirname, 'clusterCacheLoadWorker.ts');
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData: { kubeconfigPath: join(workDir, 'kubeconfig'), historyLimit },
  });
  const replies: WorkerReply[] = [];
  const waiters: Array<() => void> = [];
  worker.on('message', (m: WorkerReply) => {
    replies.push(m);
    for (const w of waiters.splice(0)) w();
  });
  const next = async <T extends WorkerReply['type']>(type: T): Promise<Extract<WorkerReply, { type: T }>> => {
    for (;;) {
      const at = replies.findIndex((r) => r.type === type);
      if (at >= 0) return replies.splice(at, 1)[0] as Extract<WorkerReply, { type: T }>;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const send = (command: WorkerCommand): void => worker.postMessage(command);
  let cache: ClusterCache | undefined;
  try {
    const { kubeconfigPath } = await next('ready');
    send({ type: 'seed', count: options.objects });
    await next('seeded');
    const baseline = heapMb();

    const kube = new KubeClient(loadKubeConfig({ kubeconfig: kubeconfigPath }, {}));
    cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger });
    const lags: number[] = [];
    let relists = 0;
    cache.onChange((c) => {
      const writtenAt = Number((c.object.metadata['annotations'] as Record<string, string> | undefined)?.['driftline.test/written-at']);
      if (c.type !== 'DELETED' && writtenAt > 0) lags.push(Date.now() - writtenAt);
    });
    cache.onStateChange((s) => {
      if (s.state === 'reconnecting' && s.lastError?.code === 410) relists++;
    });
    const syncStart = performance.now();
    await cache.list('v1', 'ConfigMap', loadNamespace);
    const timeToFirstSyncMs = performance.now() - syncStart;
    lags.length = 0; // the initial list's objects were written long ago

    send({ type: 'write', perSecond: options.writesPerSecond, seconds: options.seconds });
    const written = await next('written');
    const live = cache;
    const holdsLast = async (): Promise<boolean> => {
      const object = await live.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: loadNamespace, name: written.last.name });
      return Number(object?.metadata['resourceVersion'] ?? 0) >= Number(written.last.resourceVersion);
    };
    await eventually(holdsLast, 60_000, 5);
    const catchUpMs = Date.now() - written.finishedAt;

    send({ type: 'snapshot' });
    const truth = new Map((await next('snapshot')).versions);
    const cached = await cache.list('v1', 'ConfigMap', loadNamespace);
    const converged = cached.length === truth.size && cached.every((o) => truth.get(o.metadata.name) === o.metadata['resourceVersion']);
    const heapUsedMb = heapMb();
    cache.dispose();
    // The first sync above was also the server's first big list (cold JIT on both ends); the
    // comparison with the peer uses a second cache, measured right before it.
    const second = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger });
    const warmStart = performance.now();
    await second.list('v1', 'ConfigMap', loadNamespace);
    const warmFirstSyncMs = performance.now() - warmStart;
    second.dispose();
    // Last, so that the peer's garbage and watch cannot weigh on the cache's numbers.
    const peerFirstSyncMs = await options.peerFirstSync?.(kubeconfigPath, `/api/v1/namespaces/${loadNamespace}/configmaps`);
    lags.sort((a, b) => a - b);
    const at = (q: number): number => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
    const { peerFirstSync: _peer, ...sizes } = options;
    return {
      ...sizes, ...(peerFirstSyncMs === undefined ? {} : { peerFirstSyncMs }), warmFirstSyncMs, writes: written.writes, timeToFirstSyncMs, heapUsedMb, cacheHeapMb: heapUsedMb - baseline,
      lagP50Ms: at(0.5), lagP99Ms: at(0.99), lagMaxMs: lags.at(-1) ?? 0, catchUpMs, relists, converged,
    };
  } finally {
    cache?.dispose();
    send({ type: 'close' });
    await Promise.race([next('closed'), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await worker.terminate();
    await rm(workDir, { recursive: true, force: true });
  }
}

export function formatLoadReport(r: LoadReport): string {
  return (
    `cluster cache load: ${r.objects} objects, ${r.writes} writes (${r.writesPerSecond}/s for ${r.seconds} s): ` +
    `first sync ${r.timeToFirstSyncMs.toFixed(0)} ms (again, warm: ${r.warmFirstSyncMs.toFixed(0)} ms${r.peerFirstSyncMs === undefined ? '' : `; peer ${r.peerFirstSyncMs.toFixed(0)} ms`}), heap ${r.heapUsedMb.toFixed(1)} MB (cache +${r.cacheHeapMb.toFixed(1)} MB), ` +
    `event lag p50 ${r.lagP50Ms} ms / p99 ${r.lagP99Ms} ms / max ${r.lagMaxMs} ms, catch-up ${r.catchUpMs} ms, relists ${r.relists}, converged ${r.converged}`
  );
}
