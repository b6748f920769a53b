import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../src/core/sync/syncPlan';
import { syncApp } from '../../../src/core/sync/syncApp';
import { refLabel } from '../../../src/core/sync/objectRef';
import { ignoresExtraneous } from '../../../src/core/sync/tracking';
import type { KubeObject, ObjectRef } from '../../../src/core/ports';
import type { LiveReader } from '../../../src/core/sync/syncPlan';
import { FakeKube, object } from './fakeKube';

// Hooks run as Argo CD runs them: created per phase, waited to completion, deleted by policy.

const fast = { healthTimeoutMs: 1000, pollMs: 1, sleep: async () => undefined };
const hook = (name: string, phase: string, extra: Record<string, string> = {}): KubeObject =>
  object('Job', name, { namespace: 'n', apiVersion: 'batch/v1', annotations: { 'argocd.argoproj.io/hook': phase, ...extra } });

/** Jobs read as Complete (or Failed, for the names given): the Job controller, in one line. */
function jobsFinish(kube: FakeKube, failing: readonly string[] = []): LiveReader {
  return {
    get: async (ref: ObjectRef) => {
      const o = await kube.get(ref);
      if (!o || o.kind !== 'Job') return o;
      const type = failing.includes(o.metadata.name) ? 'Failed' : 'Complete';
      return { ...o, status: { conditions: [{ type, status: 'True', message: type === 'Failed' ? 'Job has reached the specified backoff limit' : '' }] } };
    },
    list: async (...scope) => (await kube.list(...scope)).items,
  };
}

test('PreSync, then the waves with Sync hooks, then PostSync once healthy; hooks are not tracked nor applied as resources', async () => {
  const kube = new FakeKube();
  const desired = [
    object('ConfigMap', 'settings', { namespace: 'n' }),
    hook('migrate', 'PreSync'),
    hook('notify', 'PostSync'),
    hook('warm', 'Sync'),
    hook('cleanup', 'SyncFail'),
  ];
  const plan = await planSync(desired, kube.reader(), { trackingId: 'app' });
  assert.deepEqual(plan.sequence.map((s) => `${s.phase} ${s.action} ${s.ref.name}`), ['PreSync hook migrate', 'Sync create settings', 'Sync hook warm', 'PostSync hook notify']);
  assert.deepEqual(plan.syncFail.map((s) => s.ref.name), ['cleanup']);

  const report = await syncApp(kube, jobsFinish(kube), desired, { trackingId: 'app', ...fast });
  assert.equal(report.outcome, 'succeeded');
  assert.deepEqual(kube.calls.filter((c) => !c.startsWith('dry')), ['apply Job/migrate', 'apply ConfigMap/settings', 'apply Job/warm', 'apply Job/notify']);
  assert.deepEqual(report.steps.map((s) => `${s.status} ${s.ref.name}`), ['applied migrate', 'applied settings', 'applied warm', 'applied notify']);
  assert.equal(report.steps[0]?.message, 'PreSync hook completed');
  assert.ok(!kube.calls.includes('apply Job/cleanup'), 'SyncFail hooks run only on failure');
  // The default policy is BeforeHookCreation: the hooks stay until the next sync replaces them.
  assert.deepEqual(report.deletedHooks, []);
});

test('a failed PreSync hook stops the sync: nothing applied, SyncFail hooks run, HookFailed hooks deleted', async () => {
  const kube = new FakeKube();
  const desired = [object('ConfigMap', 'settings', { namespace: 'n' }), hook('migrate', 'PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookFailed' }), hook('page-someone', 'SyncFail')];
  const report = await syncApp(kube, jobsFinish(kube, ['migrate']), desired, { trackingId: 'app', ...fast });
  assert.equal(report.outcome, 'failed');
  assert.deepEqual(report.steps.map((s) => `${s.status} ${s.ref.name}`), ['failed migrate', 'notAttempted settings', 'applied page-someone']);
  assert.match(report.steps[0]?.message ?? '', /PreSync hook failed: Job has reached the specified backoff limit/);
  assert.ok(!kube.calls.includes('apply ConfigMap/settings'));
  assert.deepEqual(report.deletedHooks.map(refLabel), ['Job/n/migrate']);
  assert.equal(await kube.get({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'n', name: 'migrate' }), undefined);
});

test('BeforeHookCreation deletes the previous hook first; without it a named hook that exists is not created again', async () => {
  const kube = new FakeKube();
  kube.put(hook('migrate', 'PreSync'));
  kube.put(hook('seed', 'PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }));
  const desired = [hook('migrate', 'PreSync'), hook('seed', 'PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' })];
  const report = await syncApp(kube, jobsFinish(kube), desired, { trackingId: 'app', ...fast });
  assert.equal(report.outcome, 'succeeded');
  assert.deepEqual(kube.calls.filter((c) => !c.startsWith('dry') && !c.startsWith('delete Job/seed')), ['delete Job/migrate', 'apply Job/migrate']);
  assert.ok(!kube.calls.includes('apply Job/seed'));
  assert.deepEqual(report.deletedHooks.map(refLabel), ['Job/n/seed'], 'HookSucceeded: deleted once the sync succeeded');
});

test('generateName hooks get Argo CD\'s name: prefix, revision, phase, start time; one per phase', async () => {
  const kube = new FakeKube();
  const twice: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: '', generateName: 'smoke-', namespace: 'n', annotations: { 'argocd.argoproj.io/hook': 'PreSync,PostSync' } } };
  const plan = await planSync([twice], kube.reader(), { trackingId: 'app', revision: '0123456789abcdef', startedAtMs: 1_700_000_000_500 });
  assert.deepEqual(plan.sequence.map((s) => s.ref.name), ['smoke-0123456-presync-1700000000', 'smoke-0123456-postsync-1700000000']);
  assert.ok(plan.sequence.every((s) => s.action === 'hook' && !('generateName' in s.object.metadata)));
});

test('Helm hooks map to Argo CD phases and weights; unmapped types and Skip are noted, never run', async () => {
  const helm = (name: string, type: string, weight?: string): KubeObject =>
    object('Job', name, { namespace: 'n', apiVersion: 'batch/v1', annotations: { 'helm.sh/hook': type, ...(weight ? { 'helm.sh/hook-weight': weight } : {}) } });
  const skipped = object('ConfigMap', 'skipped', { namespace: 'n', annotations: { 'argocd.argoproj.io/hook': 'Skip' } });
  const plan = await planSync([helm('pre', 'pre-install,pre-upgrade', '-2'), helm('post', 'post-install'), helm('test', 'test'), skipped], new FakeKube().reader(), { trackingId: 'app' });
  assert.deepEqual(plan.sequence.map((s) => `${s.phase}:${s.runWave} ${s.ref.name}`), ['PreSync:-2 pre', 'PostSync:0 post']);
  assert.deepEqual(plan.hooks.filter((h) => h.notRun.length > 0).map((h) => `${h.ref.name}: ${h.notRun.join()}`), ['test: test', 'skipped: Skip']);
});

test('live hooks are never Extra and never pruned', async () => {
  const kube = new FakeKube();
  const leftover = object('Job', 'migrate-old', { namespace: 'n', apiVersion: 'batch/v1', annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'driftline.dev/tracking-id': 'app' } });
  kube.put(leftover);
  assert.equal(ignoresExtraneous(leftover), true);
  const plan = await planSync([object('ConfigMap', 'c', { namespace: 'n' })], kube.reader(), { trackingId: 'app', prune: true });
  assert.deepEqual(plan.prunes, []);
  assert.deepEqual(plan.unpruned, []);
});

test('hooks are dry-run with the plan: one the server refuses rejects the sync before anything runs', async () => {
  const kube = new FakeKube();
  const apply = kube.apply.bind(kube);
  kube.apply = async (o, options) => {
    if (o.metadata.name === 'migrate') throw Object.assign(new Error('Job.batch "migrate" is invalid: spec.template.spec.containers: Required value'), { code: 422 });
    return apply(o, options);
  };
  const report = await syncApp(kube, jobsFinish(kube), [object('ConfigMap', 'settings', { namespace: 'n' }), hook('migrate', 'PreSync')], { trackingId: 'app', ...fast });
  assert.equal(report.outcome, 'rejected');
  assert.deepEqual(report.dryRun.hooks.map((h) => `${h.outcome} ${h.step.ref.name}`), ['error migrate']);
  assert.deepEqual(kube.calls.filter((c) => !c.startsWith('dry')), []);
});
