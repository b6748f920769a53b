// Fault injection (test/apiserver/faults.ts): programmatic and through /_driftline/faults,
// observed by kubectl (client-go), @kubernetes/client-node and raw HTTPS.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, KubernetesObjectApi, Watch, makeInformer, CoreV1Api, type V1ConfigMap } from '@kubernetes/client-node';
import { rawRequest } from '../apiserver/httpsClient';
import { startHarness, waitFor, watchLines, type Harness } from '../apiserver/testHarness';

let harness: Harness;

before(async () => {
  harness = await startHarness();
  await harness.kubectlOk(['create', 'namespace', 'faulty']);
  await harness.kubectlOk(['-n', 'faulty', 'create', 'configmap', 'one', '--from-literal=k=1']);
});

afterEach(() => {
  harness.server.faults.clear();
});

after(async () => {
  await harness.close();
});

function client(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(harness.server.kubeconfigPath);
  return kc;
}

function createConfigMap(name: string): ReturnType<typeof rawRequest> {
  return rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps', { method: 'POST', body: { metadata: { name }, data: { k: name } } });
}

test('503 with Retry-After: kubectl (client-go) retries and succeeds; the fault is used up', async () => {
  harness.server.faults.fail({ code: 503, count: 2, verb: 'list', resource: 'configmaps', retryAfterSeconds: 1 });
  const started = Date.now();
  const out = await harness.kubectlOk(['-n', 'faulty', 'get', 'configmaps', '-o', 'name']);
  assert.equal(out.trim(), 'configmap/one');
  assert.ok(Date.now() - started >= 1500, 'waited out two Retry-After seconds');
  assert.deepEqual(harness.server.faults.armed(), { fail: [], reset: [] });
});

test('500 without Retry-After reaches the user as kubectl prints it, then requests succeed again', async () => {
  harness.server.faults.fail({ code: 500, verb: 'get', resource: 'configmaps' });
  const failed = await harness.kubectl(['-n', 'faulty', 'get', 'configmap', 'one']);
  assert.equal(failed.code, 1);
  assert.equal(failed.stderr.trim(), 'Error from server (InternalError): Internal error occurred: fault injected by the API emulator');
  assert.equal((await harness.kubectlOk(['-n', 'faulty', 'get', 'configmap', 'one', '-o', 'name'])).trim(), 'configmap/one');
});

test('the admin endpoint arms a 429 (text/plain with Retry-After), lists and clears faults', async () => {
  const post = (body: object): ReturnType<typeof rawRequest> => rawRequest(harness.server, '/_driftline/faults', { method: 'POST', body });
  assert.equal((await post({ action: 'fail', code: 429, count: 1, verb: 'get', resource: 'namespaces' })).status, 200);
  assert.equal((await post({ action: 'fail', code: 500, count: 3, verb: 'delete' })).status, 200);
  const armed = JSON.parse((await rawRequest(harness.server, '/_driftline/faults')).body) as { fail: { code: number; remaining: number }[] };
  assert.deepEqual(armed.fail.map((f) => [f.code, f.remaining]), [[429, 1], [500, 3]]);
  const throttled = await rawRequest(harness.server, '/api/v1/namespaces/faulty');
  assert.equal(throttled.status, 429);
  assert.equal(throttled.headers['retry-after'], '1');
  assert.match(String(throttled.headers['content-type']), /^text\/plain/);
  assert.equal(throttled.body, 'Too many requests, please try again later.\n');
  assert.equal((await rawRequest(harness.server, '/api/v1/namespaces/faulty')).status, 200);
  assert.equal((await rawRequest(harness.server, '/_driftline/faults', { method: 'DELETE' })).status, 200);
  assert.deepEqual(harness.server.faults.armed(), { fail: [], reset: [] });
  const bad = await post({ action: 'fail', code: 418 });
  assert.equal(bad.status, 400);
  assert.equal((JSON.parse(bad.body) as { message: string }).message, 'code must be 500, 503 or 429, got 418');
});

test('delay holds matching requests only', async () => {
  await rawRequest(harness.server, '/_driftline/faults', { method: 'POST', body: { action: 'delay', ms: 400, verb: 'get', resource: 'configmaps' } });
  let started = Date.now();
  assert.equal((await rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps/one')).status, 200);
  assert.ok(Date.now() - started >= 400, 'the get was held');
  started = Date.now();
  await rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps');
  assert.ok(Date.now() - started < 400, 'the list was not');
  harness.server.faults.delay({ ms: 0 });
  assert.equal(harness.server.faults.armed().delay, undefined);
});

test('a connection reset mid-list fails the list in raw HTTPS and in client-node, once', async () => {
  harness.server.faults.reset({ after: 'body', verb: 'list', resource: 'configmaps' });
  await assert.rejects(rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps'), /aborted|ECONNRESET|socket hang up/);
  harness.server.faults.reset({ after: 'headers', verb: 'list', resource: 'configmaps' });
  const api = KubernetesObjectApi.makeApiClient(client());
  await assert.rejects(api.list('v1', 'ConfigMap', 'faulty'));
  const list = await api.list('v1', 'ConfigMap', 'faulty');
  assert.deepEqual(list.items.map((i) => i.metadata?.name), ['one']);
});

test('dropWatches ends client-node watches cleanly, or abruptly', async () => {
  for (const abrupt of [false, true]) {
    let ended: { error: unknown } | undefined;
    const controller = await new Watch(client()).watch('/api/v1/namespaces/faulty/configmaps', {}, () => undefined, (error: unknown) => {
      ended = { error };
    });
    try {
      await waitFor(() => harness.server.openWatchCount() === 1, 'the watch to open');
      assert.equal(harness.server.faults.dropWatches({ abrupt }), 1);
      await waitFor(() => ended !== undefined, 'the watch to end');
      assert.equal(harness.server.openWatchCount(), 0);
      if (abrupt) assert.ok(ended?.error, 'an abrupt drop is an error to the client');
      else assert.equal(ended?.error ?? null, null, 'a clean end is not an error');
    } finally {
      controller.abort();
    }
  }
});

test('expireWatches sends 410 Expired, makes old resourceVersions too old, and a fresh list recovers', async () => {
  const list = JSON.parse((await rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps')).body) as { metadata: { resourceVersion: string } };
  const rv = list.metadata.resourceVersion;
  const watching = rawRequest(harness.server, `/api/v1/namespaces/faulty/configmaps?watch=true&resourceVersion=${rv}`);
  await waitFor(() => harness.server.openWatchCount() === 1, 'the watch to open');
  assert.equal(harness.server.faults.expireWatches(), 1);
  const [event, ...rest] = watchLines((await watching).body);
  assert.equal(rest.length, 0);
  assert.equal(event?.type, 'ERROR');
  assert.deepEqual([event.object.code, event.object.reason], [410, 'Expired']);
  assert.match(event.object.message ?? '', new RegExp(`^too old resource version: ${rv} \\(\\d+\\)$`));

  const again = watchLines((await rawRequest(harness.server, `/api/v1/namespaces/faulty/configmaps?watch=true&resourceVersion=${rv}`)).body);
  assert.deepEqual(again.map((e) => [e.type, e.object.code]), [['ERROR', 410]], 're-watching from the old version is 410 too');
  const relisted = JSON.parse((await rawRequest(harness.server, '/api/v1/namespaces/faulty/configmaps')).body) as { metadata: { resourceVersion: string } };
  assert.ok(Number(relisted.metadata.resourceVersion) > Number(rv));
  const fresh = rawRequest(harness.server, `/api/v1/namespaces/faulty/configmaps?watch=true&resourceVersion=${relisted.metadata.resourceVersion}&timeoutSeconds=1`);
  await waitFor(() => harness.server.openWatchCount() === 1, 'the new watch to open');
  await createConfigMap('after-expiry');
  assert.deepEqual(watchLines((await fresh).body).map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`), ['ADDED after-expiry']);
});

test('a client-node informer relists after expireWatches and keeps delivering', async () => {
  const kc = client();
  const core = kc.makeApiClient(CoreV1Api);
  const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/faulty/configmaps', () => core.listNamespacedConfigMap({ namespace: 'faulty' }));
  const added: string[] = [];
  const errors: unknown[] = [];
  informer.on('add', (cm) => added.push(cm.metadata?.name ?? ''));
  informer.on('error', (error) => errors.push(error));
  await informer.start();
  try {
    await waitFor(() => added.includes('one') && harness.server.openWatchCount() === 1, 'the informer to list and watch');
    assert.equal(harness.server.faults.expireWatches(), 1);
    await waitFor(() => harness.server.openWatchCount() === 1, 'the informer to watch again');
    await createConfigMap('seen-after-relist');
    await waitFor(() => added.includes('seen-after-relist'), 'the informer to see a new object');
    assert.deepEqual(errors, []);
  } finally {
    await informer.stop();
  }
});
