import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectChanges } from '../../../src/core/sync/objectChanges';
import { auditResult } from '../../../src/core/sync/audit';
import type { SyncReport } from '../../../src/core/sync/syncApp';

test('field changes by path, list items by key; server-owned metadata and status ignored', () => {
  const before = { kind: 'Deployment', metadata: { name: 'w', resourceVersion: '1', labels: { a: '1' } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'v1' }, { name: 'side', image: 's' }] } } }, status: { replicas: 1 } };
  const after = { kind: 'Deployment', metadata: { name: 'w', resourceVersion: '2', labels: { b: '2' } }, spec: { template: { spec: { containers: [{ name: 'web', image: 'v2' }, { name: 'side', image: 's' }] } } }, status: { replicas: 3 } };
  assert.deepEqual(objectChanges(before, after), [
    { path: 'metadata.labels.a', before: '1', after: undefined },
    { path: 'metadata.labels.b', before: undefined, after: '2' },
    { path: 'spec.template.spec.containers[name=web].image', before: 'v1', after: 'v2' },
  ]);
});

test('Secret values are masked, yet a changed key is still named', () => {
  const before = { kind: 'Secret', metadata: { name: 's' }, data: { password: 'b2xk', user: 'dQ==' } };
  const after = { kind: 'Secret', metadata: { name: 's' }, data: { password: 'bmV3', user: 'dQ==' } };
  const changes = objectChanges(before, after);
  assert.deepEqual(changes.map((c) => c.path), ['data.password']);
  assert.ok(!JSON.stringify(changes).includes('b2xk') && !JSON.stringify(changes).includes('bmV3'));
  const created = objectChanges(undefined, after);
  assert.ok(!JSON.stringify(created).includes('bmV3'), 'a new Secret shows keys, not values');
});

test('audit records withhold server messages about Secrets', () => {
  const ref = { apiVersion: 'v1', kind: 'Secret', namespace: 'n', name: 's' };
  const report = {
    outcome: 'failed', plan: { applies: [], prunes: [], unpruned: [], hooks: [], sequence: [], syncFail: [] }, dryRun: { predictions: [], prunes: [], hooks: [], accepted: true, conflicts: [] }, health: [], deletedHooks: [],
    steps: [{ ref, action: 'update', wave: 0, phase: 'Sync', runWave: 0, status: 'failed', message: 'data[password]: Invalid value: "hunter2"', conflict: undefined, stored: undefined }],
  } as const satisfies SyncReport;
  const result = auditResult(report, 5);
  assert.equal(result.failed[0]?.resource, 'Secret/n/s');
  assert.ok(!JSON.stringify(result).includes('hunter2'));
});
