// Cluster cache under load (loopback only): 20,000 ConfigMaps, then 1,000 writes/s for 30 s.
// Peer: @kubernetes/client-node's informer (ListWatch) syncing the same objects.
// Register in bench/main.ts: `import { clusterCacheLoadRow } from './clusterCacheLoad';`
// and add `await clusterCacheLoadRow()` to `rows`. Standalone: `node --import tsx bench/clusterCacheLoad.ts`.
import { CoreV1Api, KubeConfig, makeInformer, type V1ConfigMap } from '@kubernetes/client-node';
import { formatLoadReport, runClusterCacheLoad } from '../test/integration/clusterCacheLoadRun';

/** The shape of a bench/main.ts row. */
export interface ClusterCacheLoadRow {
  readonly name: string;
  readonly ours: number;
  readonly peer: number;
  readonly peerName: string;
  readonly budget: string;
}

/** client-node's informer: list (typed, deserialised into models), then watch. */
async function informerFirstSync(kubeconfigPath: string, path: string): Promise<number> {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const api = kc.makeApiClient(CoreV1Api);
  const namespace = path.split('/')[4] ?? 'default';
  const informer = makeInformer<V1ConfigMap>(kc, path, () => api.listNamespacedConfigMap({ namespace }));
  informer.on('error', () => undefined);
  const start = performance.now();
  await informer.start();
  const ms = performance.now() - start;
  await informer.stop();
  return ms;
}

export async function clusterCacheLoadRow(objects = 20_000, writesPerSecond = 1_000, seconds = 30): Promise<ClusterCacheLoadRow> {
  const report = await runClusterCacheLoad({ objects, writesPerSecond, seconds, peerFirstSync: informerFirstSync });
  process.stderr.write(`${formatLoadReport(report)}\n`);
  if (!report.converged) throw new Error('the cluster cache did not converge under load');
  return {
    name: `cluster cache: first sync of ${objects.toLocaleString('en')} objects (warm server)`,
    ours: report.warmFirstSyncMs,
    peer: report.peerFirstSyncMs ?? Number.NaN,
    peerName: 'client-node informer',
    budget:
      `cold first sync ${report.timeToFirstSyncMs.toFixed(0)} ms; ≤ 300 MB heap: ${report.heapUsedMb.toFixed(0)} MB (cache +${report.cacheHeapMb.toFixed(0)} MB); ` +
      `live change ≤ 1 s: lag p99 ${report.lagP99Ms} ms, catch-up ${report.catchUpMs} ms under ${writesPerSecond}/s`,
  };
}

if (require.main === module) {
  void clusterCacheLoadRow().then(
    (row) => process.stdout.write(`${JSON.stringify(row)}\n`),
    (e: unknown) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
