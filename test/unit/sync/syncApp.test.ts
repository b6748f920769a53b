import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syncApp } from '../../../src/core/sync/syncApp';
import { refLabel } from '../../../src/core/sync/objectRef';
import type { KubeObject } from '../../../src/core/ports';
import { FakeKube, object } from './fakeKube';

const conflict409 = 'Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="web"].image';
const desired = (): KubeObject[] => [object('ConfigMap', 'a', { namespace: 'n' }), object('Deployment', 'web', { namespace: 'n' }), object('Service', 'web', { namespace: 'n' })];
const fast = { healthTimeoutMs: 1000, pollMs: 1, sleep: async () => undefined };

test('preview only: the whole plan is dry-run, nothing is written', async () => {
  const kube = new FakeKube();
  const report = await syncApp(kube, kube.reader(), desired(), { trackingId: 't', previewOnly: true });
  assert.equal(report.outcome, 'previewed');
  assert.deepEqual(kube.calls, ['dry-apply ConfigMap/a', 'dry-apply Service/web', 'dry-apply Deployment/web']);
  assert.equal(kube.objects.size, 0);
  assert.deepEqual(report.dryRun.predictions.map((p) => p.outcome), ['create', 'create', 'create']);
});

test('applies in plan order without force and reports each resource healthy', async () => {
  const kube = new FakeKube();
  const report = await syncApp(kube, kube.reader(), desired(), { trackingId: 't', ...fast });
  assert.equal(report.outcome, 'succeeded');
  assert.deepEqual(kube.calls.filter((c) => !c.startsWith('dry')), ['apply ConfigMap/a', 'apply Service/web', 'apply Deployment/web']);
  assert.deepEqual(report.steps.map((s) => s.status), ['applied', 'applied', 'applied']);
  assert.equal(report.health.length, 3);
});

test('a 409 names the managers and fields; declined, the sync stops and nothing is forced', async () => {
  const kube = new FakeKube();
  kube.conflicts.set('Deployment/web', conflict409);
  const asked: string[] = [];
  const report = await syncApp(kube, kube.reader(), desired(), {
    trackingId: 't', ...fast,
    confirmForce: async (_step, c) => {
      asked.push(...c.managers.map((m) => `${m.manager}: ${m.fields.join(',')}`));
      return false;
    },
  });
  assert.equal(report.outcome, 'conflict');
  assert.deepEqual(report.dryRun.conflicts.map((p) => p.conflict?.managers[0]?.manager), ['kubectl-set']);
  assert.deepEqual(asked, ['kubectl-set: .spec.template.spec.containers[name="web"].image']);
  assert.deepEqual(report.steps.map((s) => `${s.status} ${refLabel(s.ref)}`), ['applied ConfigMap/n/a', 'applied Service/n/web', 'conflict Deployment/n/web']);
  assert.ok(!kube.calls.some((c) => c.startsWith('force-apply')));
});

test('confirmed (or --force-conflicts), the conflicting object is applied with force', async () => {
  for (const options of [{ confirmForce: async () => true }, { forceConflicts: true }]) {
    const kube = new FakeKube();
    kube.conflicts.set('Deployment/web', conflict409);
    const report = await syncApp(kube, kube.reader(), desired(), { trackingId: 't', ...fast, ...options });
    assert.equal(report.outcome, 'succeeded');
    assert.equal(report.steps.find((s) => s.ref.kind === 'Deployment')?.status, 'forced');
    assert.deepEqual(kube.calls.filter((c) => c.includes('Deployment')), ['dry-apply Deployment/web', 'apply Deployment/web', 'force-apply Deployment/web']);
  }
});

test('a failure halfway: applied, failed and not attempted are reported truthfully', async () => {
  const kube = new FakeKube();
  kube.failures.set('Service/web', Object.assign(new Error('admission webhook denied the request'), { code: 400 }));
  const report = await syncApp(kube, kube.reader(), desired(), { trackingId: 't', ...fast });
  assert.equal(report.outcome, 'failed');
  assert.deepEqual(report.steps.map((s) => `${s.status} ${s.ref.name}`), ['applied a', 'failed web', 'notAttempted web']);
  assert.match(report.steps[1]?.message ?? '', /webhook denied/);
  assert.deepEqual([...kube.objects.keys()], ['ConfigMap/n/a']);
});

test('a dry-run rejection applies nothing at all', async () => {
  const kube = new FakeKube();
  const bad = object('ConfigMap', 'bad', { namespace: 'n' });
  const failing: FakeKube = Object.assign(kube, {
    apply: async (o: KubeObject) => {
      if (o.metadata.name === 'bad') throw Object.assign(new Error('Invalid value'), { code: 422 });
      return o;
    },
  });
  const report = await syncApp(failing, kube.reader(), [...desired(), bad], { trackingId: 't', ...fast });
  assert.equal(report.outcome, 'rejected');
  assert.deepEqual(report.steps, []);
  assert.equal(kube.objects.size, 0);
});

test('cancellation between steps: the rest is reported cancelled', async () => {
  const kube = new FakeKube();
  const signal = { aborted: false };
  const report = await syncApp(kube, kube.reader(), desired(), {
    trackingId: 't', ...fast, signal,
    onStep: () => {
      signal.aborted = true;
    },
  });
  assert.equal(report.outcome, 'cancelled');
  assert.deepEqual(report.steps.map((s) => s.status), ['applied', 'cancelled', 'cancelled']);
});

test('waves: the next wave starts only once the previous one is healthy', async () => {
  const kube = new FakeKube();
  const first = object('Deployment', 'db', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '0' }, spec: { replicas: 1 } });
  const second = object('Deployment', 'web', { namespace: 'n', annotations: { 'argocd.argoproj.io/sync-wave': '1' }, spec: { replicas: 1 } });
  // Applied Deployments have no status yet: Progressing until the test "controller" marks them.
  let reads = 0;
  const live = {
    get: async (ref: { kind: string; name: string; namespace?: string }) => {
      const o = await kube.get({ apiVersion: 'apps/v1', ...ref });
      if (!o) return undefined;
      reads++;
      const ready = reads > 2;
      return { ...o, status: ready ? { observedGeneration: 0, replicas: 1, updatedReplicas: 1, availableReplicas: 1 } : { replicas: 1, updatedReplicas: 0 } };
    },
  };
  const report = await syncApp(kube, live, [second, first], { trackingId: 't', ...fast });
  assert.equal(report.outcome, 'succeeded');
  const applyOfWeb = kube.calls.indexOf('apply Deployment/web');
  assert.ok(applyOfWeb > kube.calls.indexOf('apply Deployment/db'));
  assert.ok(reads >= 3, 'db was polled until healthy before web was applied');
  assert.deepEqual(report.health.map((h) => `${h.ref.name}:${h.status}`), ['db:Healthy', 'web:Healthy']);
});

test('health that never comes: timedOut, each resource reported as it was last seen', async () => {
  const kube = new FakeKube();
  let clock = 0;
  const live = { get: async () => ({ ...object('Deployment', 'web', { namespace: 'n', spec: { replicas: 2 } }), status: { replicas: 2, updatedReplicas: 1 } }) };
  const report = await syncApp(kube, live, [object('Deployment', 'web', { namespace: 'n', spec: { replicas: 2 } })], {
    trackingId: 't', healthTimeoutMs: 5000, pollMs: 1000, now: () => clock, sleep: async (ms) => void (clock += ms),
  });
  assert.equal(report.outcome, 'timedOut');
  assert.equal(report.health[0]?.status, 'Progressing');
  assert.match(report.health[0]?.message ?? '', /1 out of 2 new replicas/);
});
