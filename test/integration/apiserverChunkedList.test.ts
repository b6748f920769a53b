// Chunked lists (`limit` + `continue`) in the emulator, through kubectl v1.35's --chunk-size
// and the raw API: every object once, pages consistent with the first page's snapshot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../apiserver/testHarness';

let harness: Harness;

interface RawList {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: { metadata: { namespace: string; name: string } }[];
}

before(async () => {
  harness = await startHarness();
  const configMaps = ['alpha', 'beta'].flatMap((ns) => [
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`,
    ...[1, 2, 3].map((i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ${ns}\ndata:\n  i: "${i}"\n`),
  ]);
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], configMaps.join('---\n'));
});

after(async () => {
  await harness.close();
});

function raw(query: string): Promise<RawList> {
  return harness.kubectlOk(['get', '--raw', `/api/v1/configmaps?${query}`]).then((text) => JSON.parse(text) as RawList);
}

const keys = (list: RawList): string[] => list.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`);

test('kubectl get -A --chunk-size=2 returns every object, as an unchunked get does', async () => {
  const whole = await harness.kubectlOk(['get', 'configmaps', '-A', '--chunk-size=0', '-o', 'name']);
  const chunked = await harness.kubectl(['get', 'configmaps', '-A', '--chunk-size=2', '-o', 'name', '-v=6']);
  assert.equal(chunked.code, 0, chunked.stderr);
  assert.equal(chunked.stdout, whole);
  assert.match(chunked.stderr, /configmaps\?continue=[^&\s]+&limit=2/, 'kubectl followed a continue token');
  for (const ns of ['alpha', 'beta']) {
    for (const i of [1, 2, 3]) assert.ok(whole.includes(`configmap/cm-${i}\n`), `${ns}/cm-${i} listed`);
  }
  const table = await harness.kubectlOk(['get', 'configmaps', '-A', '--chunk-size=2', '--no-headers']);
  const rows = table.trim().split('\n').map((row) => row.split(/\s+/).slice(0, 2).join('/'));
  assert.deepEqual(rows, keys(await raw('')));
  assert.ok(rows.includes('alpha/cm-1') && rows.includes('beta/cm-3'));
});

test('pages come in namespace/name order with a continue token and the remaining count', async () => {
  const whole = await raw('');
  const first = await raw('limit=2');
  assert.deepEqual(keys(first), keys(whole).slice(0, 2));
  assert.equal(first.metadata.resourceVersion, whole.metadata.resourceVersion);
  assert.equal(first.metadata.remainingItemCount, whole.items.length - 2);
  assert.ok(first.metadata.continue);
  const pages = [first];
  for (let page = first; page.metadata.continue; ) {
    page = await raw(`limit=2&continue=${encodeURIComponent(page.metadata.continue)}`);
    pages.push(page);
  }
  assert.deepEqual(pages.flatMap(keys), keys(whole));
  assert.equal(pages.at(-1)?.metadata.continue, undefined);
  assert.equal(pages.at(-1)?.metadata.remainingItemCount, undefined);
});

test('later pages are served as of the first page: writes in between are not seen', async () => {
  const first = await raw('limit=2&fieldSelector=metadata.namespace%3Dbeta');
  assert.deepEqual(keys(first), ['beta/cm-1', 'beta/cm-2']);
  assert.equal(first.metadata.remainingItemCount, undefined, 'not counted when a selector filters');
  await harness.kubectlOk(['-n', 'beta', 'delete', 'configmap', 'cm-3']);
  await harness.kubectlOk(['-n', 'beta', 'create', 'configmap', 'cm-4']);
  const rest = await raw(`limit=2&fieldSelector=metadata.namespace%3Dbeta&continue=${encodeURIComponent(first.metadata.continue ?? '')}`);
  assert.deepEqual(keys(rest), ['beta/cm-3'], 'the deleted object is still in the snapshot; the new one is not');
  assert.equal(rest.metadata.resourceVersion, first.metadata.resourceVersion);
  assert.deepEqual(keys(await raw('fieldSelector=metadata.namespace%3Dbeta')), ['beta/cm-1', 'beta/cm-2', 'beta/cm-4']);
});

test('a malformed continue token is 400; one older than the history is 410 Expired', async () => {
  const malformed = await harness.kubectl(['get', '--raw', '/api/v1/configmaps?limit=2&continue=not-a-token']);
  assert.equal(malformed.code, 1);
  assert.match(malformed.stderr, /BadRequest/);
  assert.match(malformed.stderr, /continue key is not valid/);
  const first = await raw('limit=2');
  harness.server.state.store.compact();
  const expired = await harness.kubectl(['get', '--raw', `/api/v1/configmaps?limit=2&continue=${encodeURIComponent(first.metadata.continue ?? '')}`]);
  assert.equal(expired.code, 1);
  assert.match(expired.stderr, /Expired|too old/);
});
