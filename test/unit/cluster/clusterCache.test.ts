// ClusterCache against a fake KubeApi: sync, watch events, relist diffing, dispose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterCache } from '../../../src/core/cluster/clusterCache';
import type { CacheChange } from '../../../src/core/cluster/connectionState';
import { configMaps, FakeKubeApi, FakeTime, flush, silentLogger } from './fakeCluster';

function setup(random = () => 0.5): { kube: FakeKubeApi; time: FakeTime; cache: ClusterCache; changes: CacheChange[] } {
  const kube = new FakeKubeApi();
  const time = new FakeTime();
  const cache = new ClusterCache({ kube, clock: time, scheduler: time, logger: silentLogger, context: 'test', random });
  const changes: CacheChange[] = [];
  cache.onChange((c) => changes.push(c));
  return { kube, time, cache, changes };
}

const summary = (changes: readonly CacheChange[]): string[] => changes.map((c) => `${c.type} ${c.object.metadata.name}`).sort();

test('the first get lists the scope once, then watches from the list resourceVersion with bookmarks', async () => {
  const { kube, cache, changes } = setup();
  kube.put('a', { data: { x: '1' } });
  kube.put('b');
  const [a, missing] = await Promise.all([cache.get({ ...configMaps, name: 'a' }), cache.get({ ...configMaps, name: 'zz' })]);
  assert.deepEqual(a?.['data'], { x: '1' });
  assert.equal(missing, undefined);
  assert.equal(kube.listCalls, 1);
  assert.deepEqual(summary(changes), ['ADDED a', 'ADDED b']);
  assert.equal(kube.watches.length, 1);
  assert.equal(kube.lastWatch.options.resourceVersion, String(kube.resourceVersion));
  assert.equal(kube.lastWatch.options.allowBookmarks, true);
  assert.ok((kube.lastWatch.options.timeoutSeconds ?? 0) >= 300 && (kube.lastWatch.options.timeoutSeconds ?? 0) <= 600);
  assert.equal(cache.status().state, 'connected');
  assert.equal(cache.stale, false);
});

test('watch events update the cache; a clean server close resumes from the last version seen', async () => {
  const { kube, time, cache, changes } = setup();
  await cache.list('v1', 'ConfigMap', 'default');
  const watch = kube.lastWatch;
  watch.handlers.onOpen?.();
  watch.handlers.onEvent('ADDED', kube.put('c', { data: { v: '1' } }));
  watch.handlers.onEvent('MODIFIED', kube.put('c', { data: { v: '2' } }));
  watch.handlers.onEvent('BOOKMARK', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '', resourceVersion: '99' } });
  assert.deepEqual((await cache.get({ ...configMaps, name: 'c' }))?.['data'], { v: '2' });
  const removed = kube.remove('c');
  assert.ok(removed);
  watch.handlers.onEvent('DELETED', removed);
  assert.equal(await cache.get({ ...configMaps, name: 'c' }), undefined);
  assert.deepEqual(changes.map((c) => c.type), ['ADDED', 'MODIFIED', 'DELETED']);

  await time.advance(5_000);
  watch.handlers.onClose();
  assert.equal(kube.listCalls, 1, 'a clean close must not relist');
  assert.equal(kube.watches.length, 2);
  assert.equal(kube.lastWatch.options.resourceVersion, String(kube.resourceVersion), 'resumes after the DELETED event');
  assert.equal(cache.status().state, 'connected');
});

test('a replayed event with the version the cache holds emits nothing', async () => {
  const { kube, cache, changes } = setup();
  const a = kube.put('a');
  await cache.list('v1', 'ConfigMap', 'default');
  kube.lastWatch.handlers.onEvent('ADDED', a);
  assert.deepEqual(summary(changes), ['ADDED a']);
});

test('410 Gone relists and emits exactly the differences: no lost and no phantom objects', async () => {
  const { kube, time, cache, changes } = setup();
  kube.put('kept');
  kube.put('changed', { data: { v: '1' } });
  kube.put('deleted');
  await cache.list('v1', 'ConfigMap', 'default');
  changes.length = 0;
  // While the watch was away: one changed, one deleted, one created — and no events seen.
  kube.put('changed', { data: { v: '2' } });
  kube.remove('deleted');
  kube.put('created');
  await time.advance(10_000);
  kube.lastWatch.handlers.onClose({ code: 410, message: 'too old resource version: 3 (7)' });
  assert.equal(cache.status().state, 'reconnecting');
  await flush();
  assert.equal(kube.listCalls, 2);
  assert.deepEqual(summary(changes), ['ADDED created', 'DELETED deleted', 'MODIFIED changed']);
  const names = (await cache.list('v1', 'ConfigMap', 'default')).map((o) => o.metadata.name).sort();
  assert.deepEqual(names, ['changed', 'created', 'kept']);
  assert.equal(kube.lastWatch.options.resourceVersion, String(kube.resourceVersion));
  assert.equal(cache.status().state, 'connected');
  assert.equal(time.pending, 1, 'only the new watch stall timer');
});

test('a 410 arriving at once after a relist backs off instead of relisting in a loop', async () => {
  const { kube, time, cache } = setup();
  await cache.list('v1', 'ConfigMap', 'default');
  kube.lastWatch.handlers.onClose({ code: 410, message: 'expired' });
  await flush();
  assert.equal(kube.listCalls, 1);
  assert.ok((time.nextDelay() ?? 0) > 0);
  await time.advance(time.nextDelay() ?? 0);
  assert.equal(kube.listCalls, 2, 'relists (the version is gone) after the delay');
});

test('subscriptions return disposables; a throwing subscriber does not starve the others', async () => {
  const { kube, cache, changes } = setup();
  const seen: string[] = [];
  const sub = cache.onChange((c) => seen.push(c.object.metadata.name));
  cache.onChange(() => {
    throw new Error('boom');
  });
  await cache.list('v1', 'ConfigMap', 'default');
  kube.lastWatch.handlers.onEvent('ADDED', kube.put('one'));
  sub.dispose();
  kube.lastWatch.handlers.onEvent('ADDED', kube.put('two'));
  assert.deepEqual(seen, ['one']);
  assert.deepEqual(summary(changes), ['ADDED one', 'ADDED two']);
  assert.ok(silentLogger.lines.some((l) => l.includes('boom')));
});

test('dispose stops everything: watches closed, no timers left, late answers ignored', async () => {
  const { kube, time, cache, changes } = setup();
  await cache.list('v1', 'ConfigMap', 'default');
  kube.holdLists = true;
  const other = cache.list('v1', 'ConfigMap', 'other');
  await flush();
  kube.put('late', {}, 'other');
  cache.dispose();
  await assert.rejects(other, /disposed/);
  kube.release();
  await flush();
  assert.equal(changes.length, 0);
  assert.equal(kube.openWatches.length, 0);
  assert.equal(time.pending, 0);
  kube.watches[0]?.handlers.onClose({ message: 'reset' });
  await time.advance(120_000);
  assert.equal(kube.watches.length, 1, 'nothing restarts after dispose');
  assert.equal(time.pending, 0);
  await assert.rejects(cache.get({ ...configMaps, name: 'x' }), /disposed/);
});

test('watchScopes starts exactly the scopes asked for and stops the rest', async () => {
  const { kube, cache } = setup();
  cache.watchScopes([configMaps, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'b' }]);
  await flush();
  assert.deepEqual(kube.openWatches.map((w) => w.scope).sort(), ['v1|ConfigMap|b', 'v1|ConfigMap|default']);
  cache.watchScopes([configMaps]);
  assert.deepEqual(kube.openWatches.map((w) => w.scope), ['v1|ConfigMap|default']);
  assert.equal(cache.status().scopes.length, 1);
});

test('a subscriber that disposes the cache from inside a callback leaves nothing running', async () => {
  const { kube, time, cache } = setup();
  kube.listAnswers.push({ code: 503, message: 'unavailable' });
  cache.onStateChange(() => cache.dispose());
  await assert.rejects(cache.list('v1', 'ConfigMap', 'default'));
  await time.advance(60_000);
  assert.equal(kube.listCalls, 1);
  assert.equal(time.pending, 0);
});
