// The load run's API server and writer, on their own thread (own event loop and heap), so
// the main thread's numbers are the cluster cache's. Writes go straight into the store:
// the watch path (store event → watch stream → client) is what is under load, not SSA.
import { parentPort, workerData } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { startApiServer } from '../apiserver/server';
import type { KubeObject } from '../apiserver/objects';
import { loadNamespace, type WorkerCommand, type WorkerReply } from './clusterCacheSupport';



async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('run as a worker');
  const { kubeconfigPath, historyLimit } = workerData as { kubeconfigPath: string; historyLimit: number };
  const server = await startApiServer({ kubeconfigPath, watchHistoryLimit: historyLimit, bookmarkIntervalMs: 1_000 });
  const { store, registry } = server.state;
  const configMapType = registry.require('v1', 'ConfigMap');
  store.put(registry.require('v1', 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: loadNamespace, uid: randomUUID() } });
  let count = 0;
  let sequence = 0;
  const reply = (message: WorkerReply): void => port.postMessage(message);

  /** About 1 KB, managedFields included, like a modest real object. */
  const configMap = (i: number): KubeObject => ({
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: {
      name: `cm-${i}`, namespace: loadNamespace, uid: randomUUID(), creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: 'load', shard: String(i % 16) },
      annotations: { 'driftline.test/written-at': String(Date.now()) },
      managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:config.yaml': {}, 'f:sequence': {} }, 'f:metadata': { 'f:labels': { 'f:app': {}, 'f:shard': {} } } } }],
    },
    data: { sequence: String(sequence++), 'config.yaml': `replicas: 3\nimage: registry.example/app:${i}\n${'x'.repeat(400)}` },
  });

  const write = (): void => {
    const i = Math.floor(Math.random() * count);
    // Mostly updates; some deletes and re-creates so every event type flows.
    if (Math.random() < 0.05) store.remove(configMapType, loadNamespace, `cm-${i}`);
    else store.put(configMapType, configMap(i));
  };

  port.on('message', (command: WorkerCommand) => {
    if (command.type === 'seed') {
      const start = performance.now();
      for (let i = count; i < command.count; i++) store.put(configMapType, configMap(i));
      count = command.count;
      reply({ type: 'seeded', ms: performance.now() - start });
    } else if (command.type === 'write') {
      // Batches every 10 ms: timers cannot fire 1,000 times a second, batches can keep the rate.
      const start = Date.now();
      const total = command.perSecond * command.seconds;
      let writes = 0;
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((Date.now() - start) / 1000) * command.perSecond));
        while (writes < due) {
          write();
          writes++;
        }
        if (writes >= total) {
          clearInterval(timer);
          // The last write is an update, so "the cache holds it" is a plain version check.
          const stored = store.put(configMapType, configMap(0));
          reply({ type: 'written', writes, finishedAt: Date.now(), last: { name: 'cm-0', resourceVersion: stored.metadata.resourceVersion ?? '' } });
        }
      }, 10);
    } else if (command.type === 'snapshot') {
      reply({ type: 'snapshot', versions: store.list(configMapType, loadNamespace).map((o) => [o.metadata.name ?? '', o.metadata.resourceVersion ?? '']) });
    } else {
      void server.close().then(() => {
        reply({ type: 'closed' });
        port.close();
      });
    }
  });
  reply({ type: 'ready', kubeconfigPath });
}

void main();
