import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSync } from '../../../src/core/sync/syncPlan';
import { refLabel } from '../../../src/core/sync/objectRef';
import { trackingAnnotation } from '../../../src/core/sync/tracking';
import { FakeKube, object } from './fakeKube';

const wave = (n: number): Record<string, string> => ({ 'argocd.argoproj.io/sync-wave': String(n) });
const tracked = (id: string): Record<string, string> => ({ [trackingAnnotation]: id });

test('applies are ordered by wave, then Argo CD kind order, then name', async () => {
  const kube = new FakeKube();
  const desired = [
    object('Deployment', 'web', { namespace: 'app' }),
    object('Service', 'web', { namespace: 'app' }),
    object('ConfigMap', 'late', { namespace: 'app', annotations: wave(2) }),
    object('Widget', 'custom', { namespace: 'app', apiVersion: 'example.com/v1' }),
    object('ConfigMap', 'b-settings', { namespace: 'app' }),
    object('ConfigMap', 'a-settings', { namespace: 'app' }),
    object('Job', 'migrate', { namespace: 'app', annotations: wave(-1) }),
    object('Namespace', 'app', { annotations: wave(5) }),
  ];
  const plan = await planSync(desired, kube.reader(), { trackingId: 'apps/web' });
  assert.deepEqual(plan.applies.map((a) => `${a.wave}:${refLabel(a.ref)}`), [
    // The namespace moves to the wave of the first object in it (gitops-engine adjustDeps).
    '5:Namespace/app',
    '-1:Job/app/migrate',
    '0:ConfigMap/app/a-settings',
    '0:ConfigMap/app/b-settings',
    '0:Service/app/web',
    '0:Deployment/app/web',
    '0:Widget/app/custom',
    '2:ConfigMap/app/late',
  ]);
  assert.ok(plan.applies.every((a) => a.action === 'create'));
  assert.ok(plan.applies.every((a) => (a.object.metadata['annotations'] as Record<string, string>)[trackingAnnotation] === 'apps/web'));
});

test('hooks are noted, not applied', async () => {
  const hook = object('Job', 'migrate', { namespace: 'app', annotations: { 'argocd.argoproj.io/hook': 'PreSync' } });
  const plan = await planSync([hook, object('ConfigMap', 'c', { namespace: 'app' })], new FakeKube().reader(), { trackingId: 't' });
  assert.deepEqual(plan.applies.map((a) => a.ref.name), ['c']);
  assert.deepEqual(plan.hooks.map((h) => [h.ref.name, h.phases]), [['migrate', ['PreSync']]]);
});

test('existing objects are updates; objects in a namespace the sync creates skip the dry run', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'c', { namespace: 'old' }));
  const plan = await planSync([object('Namespace', 'new'), object('ConfigMap', 'c', { namespace: 'old' }), object('ConfigMap', 'd', { namespace: 'new' })], kube.reader(), { trackingId: 't' });
  const byName = new Map(plan.applies.map((a) => [a.ref.name, a]));
  assert.equal(byName.get('c')?.action, 'update');
  assert.equal(byName.get('d')?.action, 'create');
  assert.match(byName.get('d')?.dryRunSkip ?? '', /namespace new is created by this sync/);
  assert.equal(byName.get('c')?.dryRunSkip, undefined);
});

test('CreateNamespace=true adds the destination namespace first, only when asked', async () => {
  const desired = [object('ConfigMap', 'c', { namespace: 'team' })];
  const withOption = await planSync(desired, new FakeKube().reader(), { trackingId: 't', syncOptions: ['CreateNamespace=true'], destinationNamespace: 'team' });
  assert.deepEqual(withOption.applies.map((a) => `${a.origin}:${refLabel(a.ref)}`), ['CreateNamespace:Namespace/team', 'git:ConfigMap/team/c']);
  const without = await planSync(desired, new FakeKube().reader(), { trackingId: 't', destinationNamespace: 'team' });
  assert.deepEqual(without.applies.map((a) => refLabel(a.ref)), ['ConfigMap/team/c']);
});

test('prune: only objects tracked as this app, only when asked, never Prune=false, in reverse order', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'kept', { namespace: 'app', annotations: tracked('apps/web') }));
  kube.put(object('ConfigMap', 'dropped', { namespace: 'app', annotations: tracked('apps/web') }));
  kube.put(object('Deployment', 'dropped-too', { namespace: 'app', annotations: tracked('apps/web') }));
  kube.put(object('ConfigMap', 'other-app', { namespace: 'app', annotations: tracked('apps/other') }));
  kube.put(object('ConfigMap', 'by-hand', { namespace: 'app' }));
  kube.put(object('Secret', 'keep-me', { namespace: 'app', annotations: { ...tracked('apps/web'), 'argocd.argoproj.io/sync-options': 'Prune=false' } }));
  const desired = [object('ConfigMap', 'kept', { namespace: 'app' })];

  const notAsked = await planSync(desired, kube.reader(), { trackingId: 'apps/web' });
  assert.deepEqual(notAsked.prunes, []);
  assert.deepEqual(notAsked.unpruned.map((u) => refLabel(u.ref)).sort(), ['ConfigMap/app/dropped', 'Deployment/app/dropped-too', 'Secret/app/keep-me']);

  const asked = await planSync(desired, kube.reader(), { trackingId: 'apps/web', prune: true });
  assert.deepEqual(asked.prunes.map((p) => refLabel(p.ref)), ['Deployment/app/dropped-too', 'ConfigMap/app/dropped']);
  assert.deepEqual(asked.unpruned.map((u) => refLabel(u.ref)), ['Secret/app/keep-me']);
});

test('an object rendered without a namespace is never pruned as its own live copy in "default"', async () => {
  const kube = new FakeKube();
  kube.put(object('ConfigMap', 'c', { namespace: 'default', annotations: tracked('t') }));
  const plan = await planSync([object('ConfigMap', 'c')], kube.reader(), { trackingId: 't', prune: true });
  assert.deepEqual(plan.prunes, []);
});
