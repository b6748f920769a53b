// ClusterCache's watch across all namespaces: a kind used in many namespaces costs one list and
// one watch, keeps only the wanted namespaces, reports changes per namespace, and goes back to
// one watch per namespace where RBAC forbids listing across all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterCache } from '../../../src/core/cluster/clusterCache';
import type { CacheChange, Scope } from '../../../src/core/cluster/connectionState';
import { FakeKubeApi, FakeTime, flush, silentLogger } from './fakeCluster';

function setup(): { kube: FakeKubeApi; time: FakeTime; cache: ClusterCache; changes: CacheChange[] } {
  const kube = new FakeKubeApi();
  const time = new FakeTime();
  const cache = new ClusterCache({ kube, clock: time, scheduler: time, logger: silentLogger, context: 'test', random: () => 0.5, wideAfter: 3 });
  const changes: CacheChange[] = [];
  cache.onChange((c) => changes.push(c));
  return { kube, time, cache, changes };
}

const inNamespaces = (...namespaces: string[]): Scope[] => namespaces.map((namespace) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace }));
const ref = (namespace: string, name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name });

test('a kind in three namespaces is listed and watched once across all namespaces, keeping only those three', async () => {
  const { kube, cache, changes } = setup();
  for (const ns of ['a', 'b', 'c', 'other']) kube.put(`cm-${ns}`, { data: { ns } }, ns);
  cache.watchScopes(inNamespaces('a', 'b', 'c'));
  assert.deepEqual((await cache.get(ref('b', 'cm-b')))?.['data'], { ns: 'b' });
  assert.deepEqual(kube.listNamespaces, [''], 'one list, across all namespaces');
  assert.deepEqual(kube.openWatches.map((w) => w.scope), ['v1|ConfigMap|']);
  assert.equal(cache.size, 3, 'the namespace nobody deploys to is not held');
  assert.deepEqual(cache.status().scopes.map((s) => [s.scope.namespace, s.namespaces]), [[undefined, 3]], 'one watch, for three namespaces');
  assert.deepEqual((await cache.list('v1', 'ConfigMap', 'a')).map((o) => o.metadata.name), ['cm-a']);
  // Changes name the object's own namespace, as a watch per namespace would.
  assert.deepEqual(changes.map((c) => `${c.type} ${c.scope.namespace}/${c.object.metadata.name}`).sort(), ['ADDED a/cm-a', 'ADDED b/cm-b', 'ADDED c/cm-c']);
});

test('watch events outside the kept namespaces are dropped; inside, they update the cache', async () => {
  const { kube, cache, changes } = setup();
  cache.watchScopes(inNamespaces('a', 'b', 'c'));
  await cache.list('v1', 'ConfigMap', 'a');
  const watch = kube.lastWatch;
  watch.handlers.onEvent('ADDED', kube.put('x', {}, 'elsewhere'));
  watch.handlers.onEvent('ADDED', kube.put('y', { data: { v: '1' } }, 'c'));
  assert.deepEqual(changes.map((c) => `${c.scope.namespace}/${c.object.metadata.name}`), ['c/y']);
  assert.deepEqual((await cache.get(ref('c', 'y')))?.['data'], { v: '1' });
  assert.equal(cache.size, 1);
});

test('a kind in fewer namespaces than the threshold keeps one watch per namespace', async () => {
  const { kube, cache } = setup();
  cache.watchScopes(inNamespaces('a', 'b'));
  await flush();
  assert.deepEqual(kube.listNamespaces.sort(), ['a', 'b']);
});

test('a namespace added later relists the wide watch once; until then its own watch answers, then stops', async () => {
  const { kube, cache } = setup();
  cache.watchScopes(inNamespaces('a', 'b', 'c'));
  await cache.list('v1', 'ConfigMap', 'a');
  kube.put('late', {}, 'd');
  kube.holdLists = true;
  cache.watchScopes(inNamespaces('a', 'b', 'c', 'd'));
  // The relist is held: a lookup in the new namespace gets an answer from its own watch, not a false "missing".
  const pending = cache.get(ref('d', 'late'));
  await flush();
  assert.deepEqual(kube.listNamespaces, ['', '', 'd']);
  kube.holdLists = false;
  kube.release();
  assert.equal((await pending)?.metadata.name, 'late');
  await flush();
  assert.deepEqual(kube.openWatches.map((w) => w.scope), ['v1|ConfigMap|'], 'the per-namespace watch stopped once the wide one listed d');
  assert.equal((await cache.get(ref('d', 'late')))?.metadata.name, 'late');
  assert.equal(cache.status().scopes.length, 1);
});

test('a namespace dropped from the repository is forgotten without a relist or change events', async () => {
  const { kube, cache, changes } = setup();
  for (const ns of ['a', 'b', 'c']) kube.put(`cm-${ns}`, {}, ns);
  cache.watchScopes(inNamespaces('a', 'b', 'c'));
  await cache.list('v1', 'ConfigMap', 'a');
  const before = changes.length;
  cache.watchScopes(inNamespaces('a', 'b'));
  await flush();
  assert.equal(kube.listCalls, 1);
  assert.equal(cache.size, 2);
  assert.equal(changes.length, before);
  cache.watchScopes([]);
  assert.equal(kube.openWatches.length, 0, 'no namespace left: the wide watch stops');
});

test('where listing across all namespaces is forbidden, each namespace gets its own watch and lookups still answer', async () => {
  const { kube, cache } = setup();
  for (const ns of ['a', 'b', 'c']) kube.put(`cm-${ns}`, {}, ns);
  kube.listAnswers.push({ code: 403, message: 'configmaps is forbidden: cannot list resource "configmaps" at the cluster scope' });
  cache.watchScopes(inNamespaces('a', 'b', 'c'));
  assert.equal((await cache.get(ref('c', 'cm-c')))?.metadata.name, 'cm-c');
  assert.deepEqual(kube.listNamespaces.sort(), ['', 'a', 'b', 'c']);
  assert.deepEqual(kube.openWatches.map((w) => w.scope).sort(), ['v1|ConfigMap|a', 'v1|ConfigMap|b', 'v1|ConfigMap|c']);
  assert.equal(cache.status().state, 'connected', 'the refused wide list leaves no forbidden scope behind');
  // The refusal is remembered: asking again does not retry the wide list.
  cache.watchScopes(inNamespaces('a', 'b', 'c', 'd'));
  await flush();
  assert.deepEqual(kube.listNamespaces.filter((ns) => ns === ''), ['']);
});
