// ClusterCache against the emulator with more than one page of objects: the initial list
// comes in pages of 500 from one snapshot, writes made between pages arrive through the
// watch (it starts from the snapshot), and an expired continue token restarts the list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterCache } from '../../src/core/cluster/clusterCache';
import type { KubeApi, ListOptions, ListResult } from '../../src/core/ports';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { eventually, quietLogger, realTime } from './clusterCacheSupport';

const objectCount = 1_234;
let server: ApiServer;
let workDir: string;
let admin: KubeClient;

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-paged-'));
  server = await startApiServer({ kubeconfigPath: join(workDir, 'kubeconfig'), bookmarkIntervalMs: 200 });
  admin = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }, {}));
  for (const namespace of ['paged', 'expiring']) {
    await rawRequest(server, '/api/v1/namespaces', { method: 'POST', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } });
    const names = Array.from({ length: objectCount }, (_, i) => `cm-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name) => create(namespace, name, '1')));
    }
  }
});

after(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

async function create(namespace: string, name: string, value: string): Promise<void> {
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { value } };
  const answer = await rawRequest(server, `/api/v1/namespaces/${namespace}/configmaps`, { method: 'POST', body });
  assert.equal(answer.status, 201);
}

/** The admin client, recording each list call and running `afterFirstPage` once a first page has come back. */
function recording(afterFirstPage: () => Promise<void>): KubeApi & { calls: ListOptions[] } {
  const calls: ListOptions[] = [];
  let ran = false;
  return {
    calls,
    get: admin.get.bind(admin),
    apply: admin.apply.bind(admin),
    watch: admin.watch.bind(admin),
    async list(apiVersion, kind, namespace, options = {}): Promise<ListResult> {
      calls.push(options);
      const page = await admin.list(apiVersion, kind, namespace, options);
      if (!ran && page.continue) {
        ran = true;
        await afterFirstPage();
      }
      return page;
    },
  };
}

function versions(objects: readonly { metadata: Record<string, unknown> }[]): string[] {
  return objects.map((o) => `${String(o.metadata['name'])}@${String(o.metadata['resourceVersion'])}`).sort();
}

/** The cache equals a fresh (unchunked) list of the namespace, name for name and version for version. */
async function converged(cache: ClusterCache, namespace: string): Promise<boolean> {
  return eventually(async () => {
    const truth = versions((await admin.list('v1', 'ConfigMap', namespace)).items);
    return JSON.stringify(truth) === JSON.stringify(versions(cache.peek({ apiVersion: 'v1', kind: 'ConfigMap', namespace })));
  }, 10_000);
}

test('1,234 objects list in pages of 500 from one snapshot; writes between pages arrive through the watch', async () => {
  const kube = recording(async () => {
    await create('paged', 'zz-created-between-pages', '1');
    await rawRequest(server, '/api/v1/namespaces/paged/configmaps/cm-01000', { method: 'DELETE' });
  });
  const cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger });
  try {
    const listed = await cache.list('v1', 'ConfigMap', 'paged');
    assert.deepEqual(kube.calls.map((c) => c.limit), [500, 500, 500]);
    assert.equal(kube.calls[0]?.continue, undefined);
    assert.ok(kube.calls.slice(1).every((c) => typeof c.continue === 'string'));
    const names = new Set(listed.map((o) => o.metadata.name));
    assert.equal(names.size, objectCount, 'the snapshot: every object once, the deleted one included, the new one not yet');
    assert.ok(names.has('cm-01000') && !names.has('zz-created-between-pages'));
    assert.ok(await converged(cache, 'paged'), 'the watch from the snapshot delivers the writes made between pages');
    const after = cache.peek({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'paged' }).map((o) => o.metadata.name);
    assert.ok(after.includes('zz-created-between-pages') && !after.includes('cm-01000'));
  } finally {
    cache.dispose();
  }
});

test('a continue token compacted away mid-list (410) restarts the list, which then completes', async () => {
  const warnings: string[] = [];
  const kube = recording(async () => {
    server.state.store.compact();
  });
  const logger = { ...quietLogger, warn: (message: string) => void warnings.push(message) };
  const cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger });
  try {
    const listed = await cache.list('v1', 'ConfigMap', 'expiring');
    assert.equal(listed.length, objectCount);
    assert.deepEqual(kube.calls.map((c) => c.continue === undefined), [true, false, true, false, false], 'first page, expired page, then a fresh list of three pages');
    assert.ok(warnings.some((w) => w.includes('continue token expired')), warnings.join('\n'));
    assert.equal(cache.status().state, 'connected');
    assert.ok(await converged(cache, 'expiring'));
  } finally {
    cache.dispose();
  }
});
