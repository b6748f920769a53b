// ClusterCache lists in pages of 500 (as client-go's reflector), yielding between pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterCache } from '../../../src/core/cluster/clusterCache';
import { configMaps, FakeKubeApi, FakeTime, flush, silentLogger } from './fakeCluster';

function setup(): { kube: FakeKubeApi; time: FakeTime; cache: ClusterCache } {
  const kube = new FakeKubeApi();
  const time = new FakeTime();
  const cache = new ClusterCache({ kube, clock: time, scheduler: time, logger: silentLogger, context: 'test', random: () => 0.5 });
  return { kube, time, cache };
}

function fill(kube: FakeKubeApi, count: number): void {
  for (let i = 0; i < count; i++) kube.put(`cm-${String(i).padStart(5, '0')}`);
}

/** Runs the zero-delay yields between pages until `done` settles. */
async function drive<T>(time: FakeTime, done: Promise<T>): Promise<T> {
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => {});
  for (let i = 0; i < 100 && !settled; i++) await time.advance(0);
  assert.ok(settled, 'the list finished');
  return done;
}

test('a scope of 1,201 objects lists in three pages of 500, then watches from the first page resourceVersion', async () => {
  const { kube, time, cache } = setup();
  fill(kube, 1201);
  const snapshot = String(kube.resourceVersion);
  const listed = cache.list('v1', 'ConfigMap', 'default');
  await flush();
  assert.equal(kube.listCalls, 1);
  // A write between pages moves the server on; the watch must still start from the snapshot.
  kube.put('late');
  assert.equal(kube.listCalls, 1, 'the next page waits for a macrotask');
  const objects = await drive(time, listed);
  assert.deepEqual(kube.listOptions, [{ limit: 500 }, { limit: 500, continue: `${snapshot}:500` }, { limit: 500, continue: `${snapshot}:1000` }]);
  assert.equal(objects.length, 1201 + 1, 'the fake serves the current objects (the late one lands on the last page)');
  assert.equal(kube.watches.length, 1);
  assert.equal(kube.lastWatch.options.resourceVersion, snapshot);
  assert.equal(cache.status().state, 'connected');
});

test('a continue token that expires mid-list (410) restarts the list from the first page', async () => {
  const { kube, time, cache } = setup();
  fill(kube, 700);
  kube.listAnswers.push(
    { items: [...kube.objects.values()].slice(0, 500), resourceVersion: '3', continue: 'old-token' },
    { code: 410, message: 'The provided continue parameter is too old to display a consistent list result.' },
  );
  silentLogger.lines.length = 0;
  const objects = await drive(time, cache.list('v1', 'ConfigMap', 'default'));
  const fresh = String(kube.resourceVersion);
  assert.deepEqual(kube.listOptions, [{ limit: 500 }, { limit: 500, continue: 'old-token' }, { limit: 500 }, { limit: 500, continue: `${fresh}:500` }]);
  assert.equal(objects.length, 700);
  assert.equal(new Set(objects.map((o) => o.metadata.name)).size, 700, 'no page counted twice');
  assert.equal(kube.lastWatch.options.resourceVersion, fresh, 'watches from the restarted list, not the expired snapshot');
  assert.ok(silentLogger.lines.some((l) => l.includes('continue token expired')));
});

test('a token that expires again falls back to one unchunked list (client-go pager), which completes', async () => {
  const { kube, time, cache } = setup();
  fill(kube, 600);
  const expired = { code: 410, message: 'expired' };
  const firstPage = { items: [...kube.objects.values()].slice(0, 500), resourceVersion: '3', continue: 'old-token' };
  kube.listAnswers.push(firstPage, expired, firstPage, expired);
  const objects = await drive(time, cache.list('v1', 'ConfigMap', 'default'));
  assert.deepEqual(kube.listOptions, [{ limit: 500 }, { limit: 500, continue: 'old-token' }, { limit: 500 }, { limit: 500, continue: 'old-token' }, {}]);
  assert.equal(objects.length, 600);
  assert.equal(kube.lastWatch.options.resourceVersion, String(kube.resourceVersion));
  assert.equal(cache.status().state, 'connected');
});

test('a failure other than 410 on a later page fails the attempt, which backs off and lists again', async () => {
  const { kube, time, cache } = setup();
  fill(kube, 600);
  const firstPage = { items: [...kube.objects.values()].slice(0, 500), resourceVersion: '3', continue: 'old-token' };
  kube.listAnswers.push(firstPage, { code: 500, message: 'etcd went away' });
  const listed = cache.list('v1', 'ConfigMap', 'default');
  for (let i = 0; i < 5; i++) await time.advance(0);
  await assert.rejects(listed);
  assert.equal(kube.listCalls, 2);
  assert.equal(kube.watches.length, 0);
  assert.equal(cache.status().state, 'reconnecting');
  await time.advance(time.nextDelay() ?? 0);
  for (let i = 0; i < 5; i++) await time.advance(0);
  assert.equal(cache.status().state, 'connected');
  assert.equal((await cache.list('v1', 'ConfigMap', 'default')).length, 600);
  assert.deepEqual(kube.listOptions.slice(2), [{ limit: 500 }, { limit: 500, continue: `${kube.resourceVersion}:500` }]);
});

test('disposing the cache between pages stops the list', async () => {
  const { kube, time, cache } = setup();
  fill(kube, 1200);
  void cache.list('v1', 'ConfigMap', 'default').catch(() => {});
  await flush();
  assert.equal(kube.listCalls, 1);
  cache.dispose();
  for (let i = 0; i < 5; i++) await time.advance(0);
  assert.equal(kube.listCalls, 1);
  assert.equal(kube.watches.length, 0);
  assert.equal(await cache.get({ ...configMaps, name: 'cm-00000' }).catch(() => 'rejected'), 'rejected');
});
