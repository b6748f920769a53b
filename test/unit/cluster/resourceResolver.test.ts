// Discovery caching and invalidation: GVK → plural resource, refreshed for new CRDs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceResolver } from '../../../src/node/resourceResolver';
import { KubeApiError } from '../../../src/node/kubeApiError';

function fakeDiscovery(): { getJson: (path: string) => Promise<unknown>; served: Map<string, Array<{ name: string; kind: string; namespaced: boolean }>>; calls: string[] } {
  const served = new Map<string, Array<{ name: string; kind: string; namespaced: boolean }>>();
  const calls: string[] = [];
  const getJson = async (path: string): Promise<unknown> => {
    calls.push(path);
    const resources = served.get(path);
    if (!resources) throw new KubeApiError(404, 'the server could not find the requested resource');
    return { resources };
  };
  return { getJson, served, calls };
}

test('resolves kinds to plural resources, skipping subresources, with one discovery call per group-version', async () => {
  const { getJson, served, calls } = fakeDiscovery();
  served.set('/api/v1', [{ name: 'pods/status', kind: 'Pod', namespaced: true }, { name: 'pods', kind: 'Pod', namespaced: true }, { name: 'namespaces', kind: 'Namespace', namespaced: false }]);
  const resolver = new ResourceResolver(getJson);
  assert.deepEqual(await resolver.resolve('v1', 'Pod'), { groupVersionPath: '/api/v1', plural: 'pods', namespaced: true });
  assert.deepEqual(await resolver.resolve('v1', 'Namespace'), { groupVersionPath: '/api/v1', plural: 'namespaces', namespaced: false });
  assert.deepEqual(calls, ['/api/v1']);
});

test('a group-version that 404s is not remembered: a CRD installed later is found', async () => {
  const { getJson, served, calls } = fakeDiscovery();
  const resolver = new ResourceResolver(getJson);
  await assert.rejects(resolver.resolve('example.dev/v1', 'Widget'), (e: KubeApiError) => e.code === 404);
  served.set('/apis/example.dev/v1', [{ name: 'widgets', kind: 'Widget', namespaced: true }]);
  assert.equal((await resolver.resolve('example.dev/v1', 'Widget')).plural, 'widgets');
  assert.equal(calls.length, 2);
});

test('a kind missing from a cached group-version refetches it, at most once per interval', async () => {
  const { getJson, served, calls } = fakeDiscovery();
  let now = 0;
  served.set('/apis/example.dev/v1', [{ name: 'widgets', kind: 'Widget', namespaced: true }]);
  const resolver = new ResourceResolver(getJson, 5_000, () => now);
  await resolver.resolve('example.dev/v1', 'Widget');
  served.set('/apis/example.dev/v1', [{ name: 'widgets', kind: 'Widget', namespaced: true }, { name: 'gadgets', kind: 'Gadget', namespaced: false }]);
  await assert.rejects(resolver.resolve('example.dev/v1', 'Gadget'), /doesn't have a resource type for Gadget/);
  assert.equal(calls.length, 1, 'too soon to ask again');
  now = 5_000;
  assert.equal((await resolver.resolve('example.dev/v1', 'Gadget')).plural, 'gadgets');
  assert.equal(calls.length, 2);
  resolver.invalidate('example.dev/v1');
  await resolver.resolve('example.dev/v1', 'Widget');
  assert.equal(calls.length, 3, 'invalidate (after a 404 on a list) forgets the group-version');
});
