// Backoff schedule and jitter bounds, Retry-After, reset after a healthy period, stall detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, backoffBounds, defaultRetryPolicy } from '../../../src/core/cluster/backoff';
import { ClusterCache } from '../../../src/core/cluster/clusterCache';
import { configMaps, FakeKubeApi, FakeTime, flush, silentLogger } from './fakeCluster';

const unavailable = { code: 503, message: 'etcd is unhappy' };

function setup(random: () => number): { kube: FakeKubeApi; time: FakeTime; cache: ClusterCache } {
  const kube = new FakeKubeApi();
  const time = new FakeTime();
  return { kube, time, cache: new ClusterCache({ kube, clock: time, scheduler: time, logger: silentLogger, random }) };
}

test('backoff doubles from 250 ms to a 30 s cap, each delay drawn from [d/2, d]', () => {
  const expected = [250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
  expected.forEach((max, attempt) => assert.deepEqual(backoffBounds(defaultRetryPolicy, attempt), { min: max / 2, max }));
  const low = new Backoff(defaultRetryPolicy, () => 0);
  const high = new Backoff(defaultRetryPolicy, () => 1);
  assert.deepEqual(expected.map(() => low.next()), expected.map((d) => d / 2));
  assert.deepEqual(expected.map(() => high.next()), expected);
  let seed = 7;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const jittered = new Backoff(defaultRetryPolicy, random);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const { min, max } = backoffBounds(defaultRetryPolicy, attempt);
    const delay = jittered.next();
    assert.ok(delay >= min && delay <= max, `attempt ${attempt}: ${delay} not in [${min}, ${max}]`);
  }
});

test('a Retry-After longer than the backoff wins, even past the maximum delay, up to five minutes', () => {
  const backoff = new Backoff(defaultRetryPolicy, () => 1);
  assert.equal(backoff.next(5), 5000);
  assert.equal(backoff.next(60), 60_000);
  assert.equal(backoff.next(3600), 300_000);
  assert.equal(backoff.next(0), 2000);
});

test('failing lists retry on the backoff schedule, then sync', async () => {
  const { kube, time, cache } = setup(() => 1);
  kube.listAnswers.push(unavailable, unavailable, unavailable, { message: 'connect ECONNREFUSED 127.0.0.1:6443' });
  kube.put('a');
  await assert.rejects(cache.get({ ...configMaps, name: 'a' }), /reconnecting: etcd is unhappy/);
  const delays: number[] = [];
  for (let i = 0; i < 4; i++) {
    const delay = time.nextDelay();
    assert.ok(delay !== undefined);
    delays.push(delay);
    await time.advance(delay);
  }
  assert.deepEqual(delays, [250, 500, 1000, 2000]);
  assert.equal(kube.listCalls, 5);
  assert.equal(cache.status().state, 'connected');
  assert.equal(cache.status().scopes[0]?.lastError?.message, 'connect ECONNREFUSED 127.0.0.1:6443', 'the last error stays visible');
  assert.ok(await cache.get({ ...configMaps, name: 'a' }));
});

test('watch failures resume from the last version with growing delays; a healthy minute resets them', async () => {
  const { kube, time, cache } = setup(() => 1);
  await cache.list('v1', 'ConfigMap', 'default');
  const rv = kube.lastWatch.options.resourceVersion;
  const failOnce = async (): Promise<number> => {
    kube.lastWatch.handlers.onClose({ message: 'read ECONNRESET' });
    const delay = time.nextDelay() ?? -1;
    await time.advance(delay);
    return delay;
  };
  assert.deepEqual([await failOnce(), await failOnce(), await failOnce()], [250, 500, 1000]);
  assert.equal(cache.status().state, 'offline');
  assert.equal(kube.listCalls, 1, 'resuming a watch needs no relist');
  assert.equal(kube.lastWatch.options.resourceVersion, rv);
  kube.lastWatch.handlers.onOpen?.();
  assert.equal(cache.status().state, 'connected');
  await time.advance(30_000);
  assert.equal(await failOnce(), 2000, 'connected only 30 s: keeps growing');
  kube.lastWatch.handlers.onOpen?.();
  await time.advance(61_000);
  assert.equal(await failOnce(), 250, 'after a healthy minute the schedule starts over');
});

test('a watch the server closes at once counts as a failure (no hot loop)', async () => {
  const { kube, time, cache } = setup(() => 1);
  await cache.list('v1', 'ConfigMap', 'default');
  kube.lastWatch.handlers.onClose();
  assert.equal(kube.watches.length, 1);
  assert.equal(time.nextDelay(), 250);
});

test('401 reads unauthorised, 403 forbidden, no answer offline, 5xx reconnecting; all keep retrying', async () => {
  const { kube, time, cache } = setup(() => 1);
  const states: string[] = [];
  cache.onStateChange((s) => states.push(`${s.state}${s.lastError?.code ? ` ${s.lastError.code}` : ''}`));
  kube.listAnswers.push({ code: 401, message: 'Unauthorized' }, { code: 403, message: 'configmaps is forbidden' }, { message: 'getaddrinfo ENOTFOUND' }, { code: 429, message: 'slow down', retryAfterSeconds: 4 });
  await assert.rejects(cache.list('v1', 'ConfigMap', 'default'), (e: Error & { status?: { state: string } }) => e.status?.state === 'unauthorised');
  assert.equal(cache.stale, true);
  for (let i = 0; i < 4; i++) await time.advance(time.nextDelay() ?? 0);
  assert.deepEqual(states, ['unauthorised 401', 'forbidden 403', 'offline', 'reconnecting 429', 'connected 429']);
  assert.equal(cache.stale, false);
});

test('per-context status reports the worst scope', async () => {
  const { kube, cache } = setup(() => 1);
  await cache.list('v1', 'ConfigMap', 'default');
  kube.listAnswers.push({ code: 403, message: 'forbidden' });
  await assert.rejects(cache.list('v1', 'ConfigMap', 'kube-system'));
  const status = cache.status();
  assert.equal(status.state, 'forbidden');
  assert.deepEqual(status.scopes.map((s) => s.state), ['connected', 'forbidden']);
});

test('a watch silent past the stall timeout is restarted from its last version', async () => {
  const { kube, time, cache } = setup(() => 0);
  await cache.list('v1', 'ConfigMap', 'default');
  const first = kube.lastWatch;
  first.handlers.onOpen?.();
  // Events and bookmarks keep it alive...
  for (let i = 0; i < 5; i++) {
    await time.advance(100_000);
    first.handlers.onEvent('BOOKMARK', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '', resourceVersion: `${50 + i}` } });
  }
  assert.equal(kube.watches.length, 1);
  // ...silence does not.
  await time.advance(119_000);
  assert.equal(kube.watches.length, 1);
  await time.advance(1_000);
  assert.equal(first.disposed, true);
  assert.equal(kube.watches.length, 2);
  assert.equal(kube.lastWatch.options.resourceVersion, '54');
  assert.equal(kube.listCalls, 1);
  assert.equal(cache.status().state, 'reconnecting');
  assert.match(cache.status().scopes[0]?.lastError?.message ?? '', /no event or bookmark/);
  kube.lastWatch.handlers.onOpen?.();
  assert.equal(cache.status().state, 'connected');
  // A watch that never even opens is caught by the same timer.
  await time.advance(120_000);
  assert.equal(kube.watches.length, 3);
  await flush();
  assert.equal(kube.openWatches.length, 1);
  cache.dispose();
  assert.equal(time.pending, 0);
});
