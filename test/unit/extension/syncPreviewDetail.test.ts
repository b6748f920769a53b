import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dryRunPlan } from '../../../src/core/sync/dryRun';
import { planSync } from '../../../src/core/sync/syncPlan';
import { trackingAnnotation } from '../../../src/core/sync/tracking';
import { previewDetail } from '../../../src/extension/syncPreviewDetail';
import { FakeKube, object } from '../sync/fakeKube';

// The editor's sync confirmation shows hooks and prune order before anyone confirms.

test('the confirmation lists hooks, waves and prunes in the order they run', async () => {
  const kube = new FakeKube();
  kube.put(object('Deployment', 'old-api', { namespace: 'n', annotations: { [trackingAnnotation]: 'app' } }));
  const hook = object('Job', 'migrate', { namespace: 'n', apiVersion: 'batch/v1', annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' } });
  const late = object('ConfigMap', 'late', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '2' } });
  const plan = await planSync([hook, object('ConfigMap', 'settings', { namespace: 'n' }), late], kube.reader(), { trackingId: 'app', prune: true });
  const lines = previewDetail({ plan, dryRun: await dryRunPlan(kube, plan) }, ['a note']).split('\n');
  assert.deepEqual(lines, [
    'Server dry run: 2 to create, 0 to change, 0 unchanged, 1 to prune.',
    'Runs in this order:',
    '↳ PreSync wave 0: run hook Job/n/migrate',
    // A single prune wave mirrors onto itself: the prune runs first in wave 0.
    '↳ wave 0: prune Deployment/n/old-api, create ConfigMap/n/settings',
    '↳ wave 2: create ConfigMap/n/late',
    'Applied with field manager "driftline"; fields another manager owns are only taken over after you confirm.',
    'a note',
  ]);
});

test('a one-wave plan without hooks or prunes has no order to tell', async () => {
  const kube = new FakeKube();
  const plan = await planSync([object('ConfigMap', 'settings', { namespace: 'n' })], kube.reader(), { trackingId: 'app' });
  const detail = previewDetail({ plan, dryRun: await dryRunPlan(kube, plan) }, []);
  assert.ok(!detail.includes('Runs in this order'), detail);
});
