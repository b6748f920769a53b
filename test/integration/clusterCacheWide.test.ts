// ClusterCache's watch across all namespaces against the emulator, through the real adapter:
// a kind the repository deploys to many namespaces costs one list and one watch, holds only
// those namespaces, and follows live writes; a user whose RBAC stops at namespaces gets one
// watch per namespace instead, with the same answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterCache } from '../../src/core/cluster/clusterCache';
import type { Scope } from '../../src/core/cluster/connectionState';
import type { KubeApi } from '../../src/core/ports';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { eventually, quietLogger, realTime } from './clusterCacheSupport';

const namespaces = ['team-a', 'team-b', 'team-c', 'team-d'];
let server: ApiServer;
let workDir: string;

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-wide-'));
  server = await startApiServer({
    kubeconfigPath: join(workDir, 'kubeconfig'),
    users: [{ name: 'teams', rules: [{ verbs: ['get', 'list', 'watch'], resources: ['configmaps'], apiGroups: [''], namespaces }] }],
  });
  for (const name of [...namespaces, 'unrelated']) {
    await rawRequest(server, '/api/v1/namespaces', { method: 'POST', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
    await write(name, 'settings', 'v1');
  }
});

after(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

async function write(namespace: string, name: string, value: string): Promise<void> {
  const path = `/api/v1/namespaces/${namespace}/configmaps`;
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { value } };
  const put = await rawRequest(server, `${path}/${name}`, { method: 'PUT', body });
  if (put.status === 404) await rawRequest(server, path, { method: 'POST', body });
}

/** A KubeApi that records the namespace of every list and watch ('*' for all namespaces). */
function recording(kube: KubeApi): KubeApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    get: kube.get.bind(kube),
    apply: kube.apply.bind(kube),
    list: (apiVersion, kind, namespace, options) => (calls.push(`list ${namespace ?? '*'}`), kube.list(apiVersion, kind, namespace, options)),
    watch: (apiVersion, kind, namespace, options, handlers) => (calls.push(`watch ${namespace ?? '*'}`), kube.watch(apiVersion, kind, namespace, options, handlers)),
  };
}

const scopes: Scope[] = namespaces.map((namespace) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace }));
const valueIn = async (cache: ClusterCache, namespace: string): Promise<unknown> => (await cache.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name: 'settings' }))?.['data'];

test('ConfigMaps in four namespaces: one list and one watch across all namespaces, following live writes', async () => {
  const kube = recording(new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }, {})));
  const cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger });
  try {
    cache.watchScopes(scopes);
    for (const namespace of namespaces) assert.deepEqual(await valueIn(cache, namespace), { value: 'v1' });
    assert.equal(cache.size, namespaces.length, 'the unrelated namespace is not held');
    await write('team-c', 'settings', 'v2');
    await write('unrelated', 'settings', 'v2');
    assert.ok(await eventually(async () => JSON.stringify(await valueIn(cache, 'team-c')) === '{"value":"v2"}', 5_000), 'the write reached the cache');
    assert.equal(cache.size, namespaces.length);
    assert.deepEqual(kube.calls, ['list *', 'watch *']);
    assert.equal(cache.status().state, 'connected');
  } finally {
    cache.dispose();
  }
});

test('a user allowed only in those namespaces: the wide list is forbidden, so each namespace is watched on its own', async () => {
  const kube = recording(new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath, context: 'driftline-demo-teams' }, {})));
  const cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger });
  try {
    cache.watchScopes(scopes);
    for (const namespace of namespaces) assert.deepEqual(await valueIn(cache, namespace), { value: namespace === 'team-c' ? 'v2' : 'v1' });
    assert.deepEqual(kube.calls.filter((c) => c.endsWith('*')), ['list *'], 'the wide list was tried once, never watched');
    assert.deepEqual(kube.calls.filter((c) => c.startsWith('watch')).sort(), namespaces.map((n) => `watch ${n}`));
    await write('team-a', 'settings', 'v3');
    assert.ok(await eventually(async () => JSON.stringify(await valueIn(cache, 'team-a')) === '{"value":"v3"}', 5_000));
    assert.equal(cache.status().state, 'connected', 'no forbidden scope is left behind');
  } finally {
    cache.dispose();
  }
});
