import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeApi, KubeObject, ObjectRef, PatchOptions } from '../../../src/core/ports';
import { applicationRef, readApplicationStatus, summarizeStatus } from '../../../src/core/argo/applicationStatus';
import { buildSyncOperation, requestSync } from '../../../src/core/argo/operationRequest';
import { requestRollback } from '../../../src/core/argo/rollback';

/** Just enough of KubeApi: one stored Application, merge patches recorded. */
class FakeArgo implements Pick<KubeApi, 'get' | 'patch'> {
  readonly patches: Array<{ body: Record<string, unknown>; options: PatchOptions }> = [];
  constructor(public app: KubeObject) {}
  async get(_ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.app;
  }
  async patch(_ref: ObjectRef, body: Record<string, unknown>, options: PatchOptions): Promise<KubeObject> {
    this.patches.push({ body, options });
    return this.app;
  }
}

const kube = (f: FakeArgo): KubeApi => f as unknown as KubeApi;

function multiSource(syncPolicy: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop', namespace: 'argocd', resourceVersion: '42' },
    spec: { sources: [{ repoURL: 'https://charts', chart: 'shop', targetRevision: '1.2.0' }, { repoURL: 'https://git', ref: 'values', targetRevision: 'main' }], syncPolicy },
    status,
  };
}

test('multi-source sync: one revision per source; the app\'s syncOptions by default', () => {
  assert.deepEqual(buildSyncOperation(multiSource({ syncOptions: ['ServerSideApply=true'] }), { username: 'u' }), {
    initiatedBy: { username: 'u' },
    sync: { revisions: ['1.2.0', 'main'], prune: false, syncOptions: ['ServerSideApply=true'] },
  });
});

test('the write carries the resourceVersion that was read', async () => {
  const fake = new FakeArgo(multiSource());
  const r = await requestSync(kube(fake), applicationRef('shop'), { username: 'u', syncOptions: [] });
  assert.ok(r.ok);
  assert.deepEqual(fake.patches[0]?.options, { type: 'merge', resourceVersion: '42' });
});

test('rollback defaults to the deployment before the current one; multi-source history keeps revisions and sources', async () => {
  const history = [
    { id: 3, revisions: ['1.1.0', 'aaa'], sources: [{ repoURL: 'https://charts', chart: 'shop', targetRevision: '1.1.0' }, { repoURL: 'https://git', ref: 'values' }] },
    { id: 4, revisions: ['1.2.0', 'bbb'], sources: [{ repoURL: 'https://charts', chart: 'shop', targetRevision: '1.2.0' }, { repoURL: 'https://git', ref: 'values' }] },
  ];
  // Argo CD 3: automated kept but switched off does not block a rollback.
  const fake = new FakeArgo(multiSource({ automated: { enabled: false } }, { history }));
  const r = await requestRollback(kube(fake), applicationRef('shop'), { username: 'u', prune: true });
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.deepEqual(fake.patches[0]?.body, {
    operation: { initiatedBy: { username: 'u' }, sync: { revisions: ['1.1.0', 'aaa'], sources: history[0]?.sources, prune: true, syncStrategy: { apply: {} } } },
  });
});

test('rollback refuses an entry without a source, and a history of one', async () => {
  const old = new FakeArgo(multiSource({}, { history: [{ id: 1, revision: 'x' }, { id: 2, revision: 'y' }] }));
  assert.deepEqual(await requestRollback(kube(old), applicationRef('shop'), { username: 'u', id: 1 }), { ok: false, error: 'cannot rollback to revision deployed with Argo CD v0.11 or lower. sync to revision instead.' });
  const single = new FakeArgo(multiSource({}, { history: [{ id: 1, revision: 'x', source: {} }] }));
  assert.deepEqual(await requestRollback(kube(single), applicationRef('shop'), { username: 'u' }), { ok: false, error: 'Application shop has no previous deployment to roll back to' });
});

test('summaries: multi-source revisions, a running operation, a requested one, a failure', () => {
  const base = multiSource({ automated: {} }, { sync: { status: 'Synced', revisions: ['1.2.0', 'abcdef0123456789abcdef0123456789abcdef01'] }, health: { status: 'Progressing' } });
  assert.equal(summarizeStatus(readApplicationStatus(base)), 'Argo CD: Synced at 1.2.0, abcdef0 · Progressing · auto-sync');
  const running = { ...base, status: { ...(base['status'] as object), operationState: { phase: 'Running', message: 'waiting for healthy state' } } };
  assert.equal(summarizeStatus(readApplicationStatus(running)), 'Argo CD: Synced at 1.2.0, abcdef0 · Progressing · operation Running: waiting for healthy state · auto-sync');
  const requested = { ...base, operation: { sync: {} } };
  assert.match(summarizeStatus(readApplicationStatus(requested)), / · operation requested · /);
  const failed = { ...base, status: { sync: { status: 'OutOfSync' }, health: {}, operationState: { phase: 'Failed', message: 'boom' } } };
  assert.equal(summarizeStatus(readApplicationStatus(failed), 0), 'Argo CD: OutOfSync at unknown revision · Unknown · last sync Failed: boom · auto-sync');
});
