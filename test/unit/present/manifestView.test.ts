import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayPair } from '../../../src/core/present/manifestView';

const desired = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'prod' },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'api', image: 'api:2' }] } } },
};
const live = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'prod', uid: 'u', resourceVersion: '9', managedFields: [] },
  spec: { replicas: 3, revisionHistoryLimit: 10, template: { spec: { dnsPolicy: 'ClusterFirst', containers: [{ name: 'sidecar', image: 'envoy' }, { name: 'api', image: 'api:hotfix', imagePullPolicy: 'IfNotPresent' }] } } },
  status: { replicas: 3 },
};

test('the Git side carries live defaults, so only real differences differ', () => {
  const pair = displayPair(desired, live);
  const gitLines = pair.desired.split('\n');
  const liveLines = pair.live.split('\n');
  const differing = gitLines.filter((line, i) => line !== liveLines[i]);
  assert.deepEqual(differing, ['      - image: api:2']);
  assert.ok(!pair.live.includes('resourceVersion') && !pair.live.includes('status:'), pair.live);
});

test('Secret values are masked on both sides, and a differing value gets a longer mask', () => {
  const pair = displayPair(
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'git-value', user: 'admin' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: Buffer.from('live-value').toString('base64'), user: Buffer.from('admin').toString('base64') } },
  );
  for (const text of [pair.desired, pair.live]) assert.ok(!/git-value|live-value|YWRtaW4|admin\n/.test(text), text);
  assert.match(pair.live, /password: '\+{9}'|password: \+{9}/);
  assert.match(pair.live, /user: '\+{8}'|user: \+{8}/);
});
