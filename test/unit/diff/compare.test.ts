import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { diffRendered } from '../../../src/core/diff/diffRendered';
import type { KubeObject } from '../../../src/core/ports';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const fs = new MemoryFileSystem({
  '/repo/app/kustomization.yaml': 'namespace: prod\nresources:\n  - app.yaml\nimages:\n  - name: api\n    newTag: "2.0"\n',
  '/repo/app/app.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: api:1.0',
    '          ports:',
    '            - containerPort: 8080',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: creds',
    'stringData:',
    '  password: desired-secret-value',
    '  user: admin',
    '',
  ].join('\n'),
});

function liveDeployment(image: string, managedFields: KubeObject['metadata']['managedFields']): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'prod', uid: 'u1', resourceVersion: '7', managedFields },
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      template: {
        spec: {
          dnsPolicy: 'ClusterFirst',
          containers: [{ name: 'sidecar', image: 'envoy' }, { name: 'api', image, imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
        },
      },
    },
    status: { replicas: 1 },
  };
}

const setImageManagedFields = [
  { manager: 'kubectl', operation: 'Apply', time: '2026-11-26T10:00:00Z', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"api"}': { '.': {}, 'f:name': {}, 'f:ports': {} } } } } } } },
  { manager: 'kubectl-set', operation: 'Update', time: '2026-11-26T11:00:00Z', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"api"}': { 'f:image': {} } } } } } } },
];

async function diffAgainst(live: Record<string, KubeObject>) {
  const rendered = await render(fs, '/repo/app');
  assert.ok(rendered.ok);
  return diffRendered(rendered.value, { get: async (ref) => live[`${ref.kind}/${ref.name}`] });
}

test('a changed image is OutOfSync, located on the overlay line, with its last writer', async () => {
  const [secret, deployment] = await diffAgainst({ 'Deployment/api': liveDeployment('api:hotfix', setImageManagedFields) });
  assert.equal(secret?.status, 'Missing');
  assert.equal(deployment?.status, 'OutOfSync');
  assert.deepEqual(
    deployment?.changes.map((c) => ({ path: c.path, desired: c.desired, live: c.live, line: c.origin?.line, writer: c.lastWriter?.manager, time: c.lastWriter?.time })),
    [{ path: 'spec.template.spec.containers[name=api].image', desired: 'api:2.0', live: 'api:hotfix', line: 6, writer: 'kubectl-set', time: '2026-11-26T11:00:00Z' }],
  );
});

test('server defaults, status, other containers and list order are not drift', async () => {
  const [, deployment] = await diffAgainst({ 'Deployment/api': liveDeployment('api:2.0', setImageManagedFields) });
  assert.equal(deployment?.status, 'Synced');
  assert.deepEqual(deployment?.changes, []);
});

test('a desired container missing live is reported at the container', async () => {
  const live = liveDeployment('api:2.0', []);
  (live['spec'] as { template: { spec: { containers: unknown[] } } }).template.spec.containers = [{ name: 'sidecar', image: 'envoy' }];
  const [, deployment] = await diffAgainst({ 'Deployment/api': live });
  assert.deepEqual(deployment?.changes.map((c) => [c.path, c.live]), [['spec.template.spec.containers[name=api]', undefined]]);
});

test('Secret values are masked, yet show which keys differ', async () => {
  // The API server keeps no stringData: it folds it into base64 data.
  const data = { password: Buffer.from('live-secret-value').toString('base64'), user: Buffer.from('admin').toString('base64') };
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'prod' }, data };
  const [diff] = await diffAgainst({ 'Secret/creds': secret });
  assert.equal(diff?.status, 'OutOfSync');
  assert.deepEqual(diff?.changes.map((c) => c.path), ['stringData.password']);
  const serialized = JSON.stringify(diff);
  for (const leak of ['secret-value', data.password, Buffer.from('desired-secret-value').toString('base64')]) assert.ok(!serialized.includes(leak), serialized);
  assert.notEqual(diff?.changes[0]?.desired, diff?.changes[0]?.live);
});

test('a Secret whose stringData matches live data is in sync', async () => {
  const data = { password: Buffer.from('desired-secret-value').toString('base64'), user: Buffer.from('admin').toString('base64') };
  const [diff] = await diffAgainst({ 'Secret/creds': { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'prod' }, data } });
  assert.equal(diff?.status, 'Synced');
});
