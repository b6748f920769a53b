// ClusterCache against the emulator's own fault injection (test/apiserver/faults.ts): 410
// Expired as a watch ERROR event, dropped watches (clean and abrupt), 500/503/429 with
// Retry-After, connections reset mid-list, held watches, RBAC denials and expired tokens.
// Each case checks the state the cache reports and that it ends equal to a fresh list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterCache, type ClusterCacheOptions } from '../../src/core/cluster/clusterCache';
import type { KubeApi } from '../../src/core/ports';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { eventually, quietLogger, realTime } from './clusterCacheSupport';

let server: ApiServer;
let workDir: string;
let admin: KubeClient;
let counted: KubeApi & { lists: number; watches: number };

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-injected-'));
  server = await startApiServer({
    kubeconfigPath: join(workDir, 'kubeconfig'),
    bookmarkIntervalMs: 200,
    users: [
      { name: 'reader', rules: [{ verbs: ['get', 'list', 'watch'], resources: ['configmaps'], apiGroups: [''], namespaces: ['open'] }] },
      { name: 'shortlived', expiresAt: Date.now() + 60_000 },
    ],
  });
  admin = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }, {}));
  counted = Object.assign(
    {
      get: admin.get.bind(admin),
      apply: admin.apply.bind(admin),
      list: (...args: Parameters<KubeApi['list']>) => (counted.lists++, admin.list(...args)),
      watch: (...args: Parameters<KubeApi['watch']>) => (counted.watches++, admin.watch(...args)),
    },
    { lists: 0, watches: 0 },
  );
  for (const name of ['open', 'closed', 'expire', 'drop', 'errors', 'reset', 'held']) {
    await rawRequest(server, '/api/v1/namespaces', { method: 'POST', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  }
});

after(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

const policy = { initialMs: 20, maxMs: 300, stallTimeoutMs: 1_500, minWatchMs: 50 };

function newCache(kube: KubeApi = counted, extra: Partial<ClusterCacheOptions> = {}): ClusterCache {
  return new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger, policy, ...extra });
}

async function write(namespace: string, name: string, value: string): Promise<void> {
  const path = `/api/v1/namespaces/${namespace}/configmaps`;
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { value } };
  const put = await rawRequest(server, `${path}/${name}`, { method: 'PUT', body });
  if (put.status === 404) await rawRequest(server, path, { method: 'POST', body });
}

async function remove(namespace: string, name: string): Promise<void> {
  await rawRequest(server, `/api/v1/namespaces/${namespace}/configmaps/${name}`, { method: 'DELETE' });
}

/** The cache equals a fresh list of the namespace, name for name and version for version. */
async function converged(cache: ClusterCache, namespace: string, timeoutMs = 5_000): Promise<boolean> {
  return eventually(async () => {
    // Checked first so that the fresh list does not use up faults armed for the cache.
    if (cache.status().state !== 'connected') return false;
    const truth = (await admin.list('v1', 'ConfigMap', namespace)).items.map((o) => `${o.metadata.name}@${String(o.metadata['resourceVersion'])}`).sort();
    const cached = cache.peek({ apiVersion: 'v1', kind: 'ConfigMap', namespace }).map((o) => `${o.metadata.name}@${String(o.metadata['resourceVersion'])}`).sort();
    return JSON.stringify(truth) === JSON.stringify(cached);
  }, timeoutMs);
}

test('410 Expired (ERROR event, history compacted) relists, and the diff drops the object deleted meanwhile', async () => {
  await write('expire', 'stays', '1');
  await write('expire', 'goes', '1');
  const cache = newCache();
  await cache.list('v1', 'ConfigMap', 'expire');
  const codes: Array<number | undefined> = [];
  const deleted: string[] = [];
  cache.onStateChange((s) => codes.push(s.lastError?.code));
  cache.onChange((c) => c.type === 'DELETED' && deleted.push(c.object.metadata.name));
  const listsBefore = counted.lists;
  // Deleted on the server while the cache is cut off from events: only a relist can tell.
  server.faults.delay({ ms: 400, verb: 'watch' });
  server.faults.dropWatches({ abrupt: true });
  await remove('expire', 'goes');
  await write('expire', 'new', '1');
  assert.ok(server.faults.expireWatches() >= 0);
  server.faults.delay({ ms: 0 });
  assert.ok(await converged(cache, 'expire'), JSON.stringify(cache.status()));
  assert.ok(codes.includes(410), `a 410 was seen: ${codes.join(',')}`);
  assert.ok(counted.lists > listsBefore, 'relisted');
  assert.deepEqual(deleted, ['goes']);
  cache.dispose();
});

test('dropped watches resume from the last resourceVersion without a relist', async () => {
  const cache = newCache();
  await cache.list('v1', 'ConfigMap', 'drop');
  await eventually(() => server.openWatchCount() > 0, 2_000);
  const lists = counted.lists;
  const watches = counted.watches;
  await new Promise((resolve) => setTimeout(resolve, 100)); // older than minWatchMs: a normal end
  server.faults.dropWatches();
  await write('drop', 'after-clean-drop', '1');
  assert.ok(await converged(cache, 'drop'), 'after a clean drop');
  assert.ok(await eventually(() => server.openWatchCount() > 0, 2_000));
  server.faults.dropWatches({ abrupt: true });
  await write('drop', 'after-abrupt-drop', '1');
  assert.ok(await converged(cache, 'drop'), 'after an abrupt drop');
  assert.equal(counted.lists, lists, 'no relist');
  assert.ok(counted.watches >= watches + 2, `${counted.watches - watches} new watches`);
  cache.dispose();
});

test('500/503 on lists back off and recover; 429 waits for Retry-After', async () => {
  await write('errors', 'one', '1');
  server.faults.fail({ code: 503, count: 2, verb: 'list', resource: 'configmaps' });
  server.faults.fail({ code: 500, count: 1, verb: 'list', resource: 'configmaps' });
  const cache = newCache();
  const states: string[] = [];
  cache.onStateChange((s) => states.push(`${s.state}:${s.lastError?.code ?? ''}`));
  await assert.rejects(cache.list('v1', 'ConfigMap', 'errors'), /reconnecting/);
  assert.ok(await converged(cache, 'errors'));
  assert.deepEqual(states.slice(0, 4), ['reconnecting:503', 'reconnecting:503', 'reconnecting:500', 'connected:500']);

  server.faults.fail({ code: 429, count: 1, verb: 'watch', resource: 'configmaps', retryAfterSeconds: 1 });
  server.faults.dropWatches({ abrupt: true });
  const droppedAt = Date.now();
  await eventually(() => cache.status().scopes[0]?.lastError?.code === 429, 2_000, 5);
  assert.match(cache.status().scopes[0]?.lastError?.message ?? '', /Too many requests/);
  await write('errors', 'two', '1');
  assert.ok(await converged(cache, 'errors'));
  assert.ok(Date.now() - droppedAt >= 950, 'Retry-After: 1 was honoured over the 20 ms backoff');
  cache.dispose();
});

test('a connection reset mid-list is retried', async () => {
  for (let i = 0; i < 50; i++) await write('reset', `cm-${i}`, 'x'.repeat(200));
  server.faults.reset({ after: 'body', count: 2, verb: 'list', resource: 'configmaps' });
  const cache = newCache();
  await assert.rejects(cache.list('v1', 'ConfigMap', 'reset'), /offline/);
  assert.ok(await converged(cache, 'reset'));
  assert.equal(cache.peek({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'reset' }).length, 50);
  cache.dispose();
});

test('a watch held before its headers is restarted by the stall timer', async () => {
  // Short watch timeouts: the emulator still serves a held watch after its client left (and
  // after close), and its timeoutSeconds timer would keep this process alive for minutes.
  const cache = newCache(counted, { policy: { ...policy, stallTimeoutMs: 500, watchTimeoutSeconds: 2 } });
  await cache.list('v1', 'ConfigMap', 'held');
  server.faults.delay({ ms: 2_000, verb: 'watch', resource: 'configmaps' });
  server.faults.dropWatches({ abrupt: true });
  assert.ok(await eventually(() => /no event or bookmark/.test(cache.status().scopes[0]?.lastError?.message ?? ''), 3_000));
  server.faults.delay({ ms: 0 });
  await write('held', 'after', '1');
  assert.ok(await converged(cache, 'held'));
  cache.dispose();
});

test('RBAC: a denied scope is forbidden, an allowed one connected; the context reports the worst', async () => {
  const reader = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath, context: 'driftline-demo-reader' }, {}));
  await write('open', 'visible', '1');
  const cache = newCache(reader, { context: 'driftline-demo-reader' });
  assert.ok(await cache.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'open', name: 'visible' }));
  await assert.rejects(cache.list('v1', 'ConfigMap', 'closed'), (e: Error) => /forbidden/.test(e.message));
  const status = cache.status();
  assert.equal(status.context, 'driftline-demo-reader');
  assert.equal(status.state, 'forbidden');
  assert.deepEqual(status.scopes.map((s) => s.state), ['connected', 'forbidden']);
  assert.equal(status.scopes[1]?.lastError?.code, 403);
  assert.equal(cache.stale, true);
  cache.dispose();
});

test('an expired token turns a scope unauthorised at its next reconnect', async () => {
  const user = server.users.find((u) => u.name === 'shortlived');
  assert.ok(user);
  const kube = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath, context: user.context }, {}));
  const cache = newCache(kube);
  await cache.list('v1', 'ConfigMap', 'open');
  user.expiresAt = Date.now() - 1;
  server.faults.dropWatches({ abrupt: true });
  assert.ok(await eventually(() => cache.status().state === 'unauthorised', 3_000), JSON.stringify(cache.status()));
  assert.equal(cache.status().scopes[0]?.lastError?.code, 401);
  cache.dispose();
});

test('a kind whose CRD is installed later: 404 while missing, then discovery is refreshed and it syncs', async () => {
  const cache = newCache();
  const widgets = { apiVersion: 'example.driftline.dev/v1', kind: 'Widget', namespace: 'open' };
  await assert.rejects(cache.list(widgets.apiVersion, widgets.kind, widgets.namespace), /reconnecting/);
  assert.equal(cache.status().scopes[0]?.lastError?.code, 404);
  const crd = await rawRequest(server, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
    method: 'POST',
    body: {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.driftline.dev' },
      spec: {
        group: 'example.driftline.dev', scope: 'Namespaced', names: { kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    },
  });
  assert.equal(crd.status, 201, crd.body);
  const created = await rawRequest(server, '/apis/example.driftline.dev/v1/namespaces/open/widgets', { method: 'POST', body: { ...widgets, metadata: { name: 'w1', namespace: 'open' }, spec: { size: 1 } } });
  assert.equal(created.status, 201, created.body);
  assert.ok(await eventually(async () => cache.status().state === 'connected' && (await cache.get({ ...widgets, name: 'w1' })) !== undefined, 5_000), JSON.stringify(cache.status()));
  cache.dispose();
});
