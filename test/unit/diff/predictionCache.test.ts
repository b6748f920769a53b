import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PredictionCache } from '../../../src/core/diff/serverSideDiff';
import type { ApplyOptions, KubeApi, KubeObject } from '../../../src/core/ports';

test('server-side diff asks the server again only when the desired object changed', async () => {
  const calls: ApplyOptions[] = [];
  const kube = {
    apply: async (object: KubeObject, options: ApplyOptions) => {
      calls.push(options);
      return { ...object, metadata: { ...object.metadata, annotations: { mutated: 'by-webhook' } } };
    },
  } as unknown as KubeApi;
  const cache = new PredictionCache();
  const desired: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n' }, data: { k: '1' } };
  const first = await cache.predict(kube, desired);
  const again = await cache.predict(kube, structuredClone(desired));
  assert.equal(calls.length, 1);
  assert.deepEqual(again, first);
  assert.deepEqual(calls[0], { fieldManager: 'driftline', force: true, dryRun: true });
  await cache.predict(kube, { ...desired, data: { k: '2' } });
  assert.equal(calls.length, 2);
});
