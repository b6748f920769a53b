import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../src/core/sync/syncPlan';
import { syncApp } from '../../../src/core/sync/syncApp';
import { pruneRunWaves } from '../../../src/core/sync/pruneWaves';
import { planOutline } from '../../../src/core/sync/planOutline';
import { refLabel } from '../../../src/core/sync/objectRef';
import { trackingAnnotation } from '../../../src/core/sync/tracking';
import { FakeKube, object } from './fakeKube';

// Prunes run inside the waves, as gitops-engine schedules them: prune waves mirrored, prunes
// first within a wave (dependants first), PruneLast after the last Sync wave.

const annotations = (wave: number, extra: Record<string, string> = {}): Record<string, string> => ({ [trackingAnnotation]: 'app', 'argocd.argoproj.io/sync-wave': String(wave), ...extra });
const fast = { healthTimeoutMs: 1000, pollMs: 1, sleep: async () => undefined };

test('prune waves are mirrored; PruneLast goes one past the last Sync wave', () => {
  const none = { pruneLast: false };
  assert.deepEqual(pruneRunWaves([{ wave: -1, ...none }, { wave: 0, ...none }, { wave: 5, ...none }], 2), [5, 0, -1]);
  assert.deepEqual(pruneRunWaves([{ wave: 1, ...none }, { wave: 3, pruneLast: true }], 2), [3, 4]);
  assert.deepEqual(pruneRunWaves([{ wave: 0, pruneLast: true }], -3), [1]);
});

test('the plan runs each prune in its wave: prunes first in a wave, reverse kind order; PruneLast at the end', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'old-settings', { namespace: 'n', annotations: annotations(0) }));
  kube.put(object('Deployment', 'old-api', { namespace: 'n', annotations: annotations(0) }));
  kube.put(object('ConfigMap', 'old-early', { namespace: 'n', annotations: annotations(-1) }));
  kube.put(object('Service', 'old-svc', { namespace: 'n', annotations: annotations(-1, { 'argocd.argoproj.io/sync-options': 'PruneLast=true' }) }));
  const desired = [
    object('ConfigMap', 'settings', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '-1' } }),
    object('Deployment', 'api', { namespace: 'n' }),
    object('Deployment', 'web', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '1' } }),
  ];
  const plan = await planSync(desired, kube.reader(), { trackingId: 'app', prune: true });
  assert.deepEqual(plan.sequence.map((s) => `${s.runWave} ${s.action} ${refLabel(s.ref)}`), [
    // Prune waves {-1, 0} mirror: the wave-0 objects go in wave -1 and the wave -1 one in wave 0.
    '-1 prune Deployment/n/old-api',
    '-1 prune ConfigMap/n/old-settings',
    '-1 create ConfigMap/n/settings',
    '0 prune ConfigMap/n/old-early',
    '0 create Deployment/n/api',
    '1 create Deployment/n/web',
    '2 prune Service/n/old-svc',
  ]);
  assert.equal(plan.prunes.find((p) => p.ref.name === 'old-svc')?.pruneLast, true);

  const report = await syncApp(kube, kube.reader(), desired, { trackingId: 'app', prune: true, ...fast });
  assert.equal(report.outcome, 'succeeded');
  assert.deepEqual(kube.calls.filter((c) => !c.startsWith('dry')), [
    'delete Deployment/old-api', 'delete ConfigMap/old-settings', 'apply ConfigMap/settings',
    'delete ConfigMap/old-early', 'apply Deployment/api', 'apply Deployment/web', 'delete Service/old-svc',
  ]);
});

test('the Application-wide PruneLast=true moves every prune to the end', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'gone', { namespace: 'n', annotations: annotations(0) }));
  const plan = await planSync([object('ConfigMap', 'kept', { namespace: 'n' })], kube.reader(), { trackingId: 'app', prune: true, syncOptions: ['PruneLast=true'] });
  assert.deepEqual(plan.sequence.map((s) => `${s.runWave} ${s.action} ${s.ref.name}`), ['0 create kept', '1 prune gone']);
});

test('a failed prune stops the sync: the rest of the plan is not attempted', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'gone', { namespace: 'n', annotations: annotations(0) }));
  const remove = kube.delete.bind(kube);
  kube.delete = async (ref, options) => {
    if (!options.dryRun) throw new Error('forbidden');
    return remove(ref, options);
  };
  const desired = [object('ConfigMap', 'a', { namespace: 'n' }), object('ConfigMap', 'b', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '1' } })];
  const report = await syncApp(kube, kube.reader(), desired, { trackingId: 'app', prune: true, ...fast });
  assert.equal(report.outcome, 'failed');
  assert.deepEqual(report.steps.map((s) => `${s.status} ${s.action} ${s.ref.name}`), ['failed prune gone', 'notAttempted create a', 'notAttempted create b']);
  assert.match(report.steps[0]?.message ?? '', /forbidden/);
});

test('the plan outline tells the run order in one line per phase and wave', async () => {
  const kube = new FakeKube();
  kube.put(object('Deployment', 'old-api', { namespace: 'n', annotations: annotations(0) }));
  const hook = object('Job', 'migrate', { namespace: 'n', apiVersion: 'batch/v1', annotations: { 'argocd.argoproj.io/hook': 'PreSync' } });
  const plan = await planSync([hook, object('ConfigMap', 'settings', { namespace: 'n' })], kube.reader(), { trackingId: 'app', prune: true });
  assert.deepEqual(planOutline(plan), ['PreSync wave 0: run hook Job/n/migrate', 'wave 0: prune Deployment/n/old-api, create ConfigMap/n/settings']);
  assert.deepEqual(planOutline(await planSync([object('ConfigMap', 'settings', { namespace: 'n' })], new FakeKube().reader(), { trackingId: 'app' })), []);
});
