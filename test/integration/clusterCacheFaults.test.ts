// ClusterCache on the real adapter (KubeClient over HTTPS) against the API emulator while
// the network and the server misbehave: connections reset mid-list and mid-watch, outages,
// 410 Expired, 503/429, dropped watches, and a short watch history that turns slow resumes
// into 410s. Whatever happens, once the
// faults stop the cache must equal a fresh list — and so must the state rebuilt from
// its change events alone (no lost and no phantom objects).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterCache } from '../../src/core/cluster/clusterCache';
import type { ConnectionState } from '../../src/core/cluster/connectionState';
import type { KubeObject } from '../../src/core/ports';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { ChaosProxy, eventually, kubeconfigVia, quietLogger, realTime, sleep } from './clusterCacheSupport';

let server: ApiServer;
let proxy: ChaosProxy;
let workDir: string;
let direct: KubeClient;
let viaProxy: KubeClient;

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-faults-'));
  // A short history: a watch that was away for a few dozen writes must relist.
  server = await startApiServer({ kubeconfigPath: join(workDir, 'kubeconfig'), watchHistoryLimit: 40, bookmarkIntervalMs: 200 });
  proxy = new ChaosProxy(Number(new URL(server.url).port));
  await proxy.start();
  direct = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }, {}));
  viaProxy = new KubeClient(loadKubeConfig({ kubeconfig: await kubeconfigVia(server, proxy.port, join(workDir, 'proxied')) }, {}));
});

after(async () => {
  await proxy.close();
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

const fastPolicy = { initialMs: 20, maxMs: 400, stallTimeoutMs: 1_500, minWatchMs: 50, resetAfterMs: 2_000 };

function configMap(namespace: string, name: string, value: number): object {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { value: String(value) } };
}

/** Random creates, updates and deletes of `count` names, `perSecond` at a time, until stopped. */
function churn(namespace: string, count: number, perSecond: number): { stop: () => Promise<number> } {
  let running = true;
  let writes = 0;
  const loop = (async () => {
    while (running) {
      const name = `cm-${Math.floor(Math.random() * count)}`;
      const base = `/api/v1/namespaces/${namespace}/configmaps`;
      const roll = Math.random();
      if (roll < 0.2) await rawRequest(server, `${base}/${name}`, { method: 'DELETE' });
      else {
        const put = await rawRequest(server, `${base}/${name}`, { method: 'PUT', body: configMap(namespace, name, writes) });
        if (put.status === 404) await rawRequest(server, base, { method: 'POST', body: configMap(namespace, name, writes) });
      }
      writes++;
      await sleep(1000 / perSecond);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return writes;
    },
  };
}

const versions = (objects: Iterable<KubeObject>): Map<string, unknown> => new Map([...objects].map((o) => [o.metadata.name, o.metadata['resourceVersion']]));

async function createNamespace(name: string): Promise<void> {
  const created = await rawRequest(server, '/api/v1/namespaces', { method: 'POST', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  assert.ok(created.status === 201 || created.status === 409, created.body);
}

test('through resets, outages and 410s the cache converges to the true state, and so do its events', async () => {
  const namespace = 'faults';
  await createNamespace(namespace);
  const cache = new ClusterCache({ kube: viaProxy, clock: realTime, scheduler: realTime, logger: quietLogger, context: 'proxied', policy: fastPolicy });
  const fromEvents = new Map<string, unknown>();
  cache.onChange((c) => {
    if (c.type === 'DELETED') fromEvents.delete(c.object.metadata.name);
    else fromEvents.set(c.object.metadata.name, c.object.metadata['resourceVersion']);
  });
  const states = new Set<ConnectionState>();
  let relists = 0;
  cache.onStateChange((s) => {
    states.add(s.state);
    if (s.lastError?.code === 410 && s.state === 'reconnecting') relists++;
  });

  const writer = churn(namespace, 60, 150);
  await cache.list('v1', 'ConfigMap', namespace);
  const faults: string[] = [];
  const inject = [
    (): unknown => proxy.resetAll(),
    async (): Promise<void> => {
      // An outage long enough for dozens of writes: the resume must get 410 and relist.
      proxy.setDown(true);
      await sleep(600);
      proxy.setDown(false);
    },
    (): unknown => server.faults.expireWatches(),
    (): unknown => server.faults.dropWatches({ abrupt: true }),
    (): unknown => server.faults.fail({ code: 503, count: 2, resource: 'configmaps' }),
    (): unknown => server.faults.fail({ code: 429, count: 1, verb: 'watch', retryAfterSeconds: 1 }),
    (): unknown => server.faults.reset({ after: 'body', count: 1, verb: 'list' }),
  ];
  for (let round = 0; round < 12; round++) {
    await sleep(100 + Math.random() * 250);
    const pick = round < inject.length ? round : Math.floor(Math.random() * inject.length);
    faults.push(String(pick));
    await inject[pick]?.();
  }
  server.faults.clear();
  const writes = await writer.stop();

  const truth = versions((await direct.list('v1', 'ConfigMap', namespace)).items);
  const converged = await eventually(async () => {
    const cached = versions(await cache.list('v1', 'ConfigMap', namespace));
    return cache.status().state === 'connected' && sameEntries(cached, truth);
  }, 15_000);
  const cached = versions(await cache.list('v1', 'ConfigMap', namespace));
  process.stdout.write(`# faults: ${writes} writes, faults injected ${faults.join(' ')}, relists ${relists}; states seen: ${[...states].join(', ')}\n`);
  assert.ok(converged, `cache did not converge: ${describeDifference(cached, truth)}`);
  assert.deepEqual(sortedEntries(fromEvents), sortedEntries(truth), 'replaying the change events gives the true state');
  assert.ok(states.has('offline') || states.has('reconnecting'), 'the faults were noticed');
  cache.dispose();
  await eventually(() => server.openWatchCount() === 0, 2_000);
  assert.equal(server.openWatchCount(), 0, 'dispose closed the watch on the server');
});

test('a connection that goes silent (half-open) is caught by the stall timer, and the cache catches up', async () => {
  const namespace = 'stall';
  await createNamespace(namespace);
  const cache = new ClusterCache({ kube: viaProxy, clock: realTime, scheduler: realTime, logger: quietLogger, policy: { ...fastPolicy, stallTimeoutMs: 800 } });
  await cache.list('v1', 'ConfigMap', namespace);
  const reasons: string[] = [];
  cache.onStateChange((s) => reasons.push(`${s.state}: ${s.lastError?.message ?? ''}`));
  // Bookmarks every 200 ms keep a quiet but healthy watch well inside 800 ms.
  await sleep(1_200);
  assert.deepEqual(reasons, [], 'no false stall on a quiet, healthy watch');
  proxy.freeze(true);
  const created = await rawRequest(server, `/api/v1/namespaces/${namespace}/configmaps`, { method: 'POST', body: configMap(namespace, 'while-frozen', 1) });
  assert.equal(created.status, 201, created.body);
  assert.ok(await eventually(() => cache.status().state === 'reconnecting', 3_000), 'the silence was noticed');
  assert.match(reasons.join('\n'), /no event or bookmark/);
  proxy.freeze(false);
  assert.ok(await eventually(async () => cache.status().state === 'connected' && (await cache.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name: 'while-frozen' })) !== undefined, 5_000));
  cache.dispose();
});

function sameEntries(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

function sortedEntries(m: Map<string, unknown>): Array<[string, unknown]> {
  return [...m].sort(([a], [b]) => a.localeCompare(b));
}

function describeDifference(cached: Map<string, unknown>, truth: Map<string, unknown>): string {
  const lost = [...truth.keys()].filter((k) => !cached.has(k));
  const phantom = [...cached.keys()].filter((k) => !truth.has(k));
  const old = [...truth].filter(([k, v]) => cached.has(k) && cached.get(k) !== v).map(([k]) => k);
  return `lost ${lost.join(',') || '-'}; phantom ${phantom.join(',') || '-'}; outdated ${old.join(',') || '-'}`;
}
