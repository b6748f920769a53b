import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeApi, KubeObject, ObjectRef, PatchOptions } from '../../../src/core/ports';
import { applicationRef, type ArgoHistoryEntry } from '../../../src/core/argo/applicationStatus';
import { turnOffAutoSync } from '../../../src/core/argo/autoSync';
import { operationAudit } from '../../../src/core/argo/operationAudit';
import { historyEntryForCommit } from '../../../src/core/argo/rollback';
import { autoSyncWarning } from '../../../src/core/rollback/autoSyncWarning';

// The pieces the editor's Argo CD rollback shares with the CLI: which history entry a commit
// means, turning auto-sync off, and the audit record of the controller's result.

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);

test('a commit means the latest history entry that deployed it; single- and multi-source', () => {
  const history: ArgoHistoryEntry[] = [
    { id: 1, revision: a },
    { id: 3, revision: a },
    { id: 2, revision: b },
    { id: 4, revisions: ['1.2.0', b] },
  ];
  assert.equal(historyEntryForCommit(history, a)?.id, 3);
  assert.equal(historyEntryForCommit(history, b)?.id, 4);
  assert.equal(historyEntryForCommit(history, 'c'.repeat(40)), undefined);
  assert.equal(historyEntryForCommit([], a), undefined);
});

class FakeArgo implements Pick<KubeApi, 'get' | 'patch'> {
  readonly patches: Array<{ body: Record<string, unknown>; options: PatchOptions }> = [];
  constructor(public app: KubeObject, private readonly failWith?: number) {}
  async get(_ref: ObjectRef): Promise<KubeObject | undefined> {
    return this.app;
  }
  async patch(_ref: ObjectRef, body: Record<string, unknown>, options: PatchOptions): Promise<KubeObject> {
    if (this.failWith) throw Object.assign(new Error('Conflict'), { code: this.failWith });
    this.patches.push({ body, options });
    return this.app;
  }
}

function app(automated: Record<string, unknown> | undefined): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop', namespace: 'argocd', resourceVersion: '7' },
    spec: { syncPolicy: { ...(automated ? { automated } : {}), syncOptions: ['CreateNamespace=true'] } },
  };
}

test('turning auto-sync off removes spec.syncPolicy.automated, conditional on the resourceVersion read', async () => {
  const fake = new FakeArgo(app({ prune: true, selfHeal: true }));
  const off = await turnOffAutoSync(fake as unknown as KubeApi, applicationRef('shop'));
  assert.deepEqual(off, { ok: true, value: { removed: { prune: true, selfHeal: true } } });
  assert.deepEqual(fake.patches, [{ body: { spec: { syncPolicy: { automated: null } } }, options: { type: 'merge', resourceVersion: '7' } }]);
});

test('auto-sync already off (or enabled: false): nothing is written', async () => {
  for (const automated of [undefined, { enabled: false }]) {
    const fake = new FakeArgo(app(automated));
    assert.deepEqual(await turnOffAutoSync(fake as unknown as KubeApi, applicationRef('shop')), { ok: true, value: {} });
    assert.equal(fake.patches.length, 0);
  }
});

test('a concurrent change (409) leaves auto-sync as it was and says so', async () => {
  const off = await turnOffAutoSync(new FakeArgo(app({ selfHeal: true }), 409) as unknown as KubeApi, applicationRef('shop'));
  assert.ok(!off.ok && off.error.includes('auto-sync was not changed'), JSON.stringify(off));
});

test('the audit of an Argo CD operation: synced, pruned and failed resources; a Secret\'s message withheld', () => {
  const audit = operationAudit({
    phase: 'Failed', revision: a,
    resources: [
      { group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web', status: 'Synced' },
      { group: '', kind: 'ConfigMap', namespace: 'shop', name: 'old', status: 'Pruned' },
      { group: '', kind: 'Secret', namespace: 'shop', name: 'creds', status: 'SyncFailed', message: 'invalid value "hunter2"' },
      { group: '', kind: 'Service', namespace: '', name: 'x', status: 'SyncFailed', message: 'namespace missing' },
    ],
  }, 1234);
  assert.deepEqual(audit, {
    plan: { create: 0, update: 3, unchanged: 0, prune: 1, hooks: 0 },
    result: {
      outcome: 'failed', applied: ['Deployment shop/web'], pruned: ['ConfigMap shop/old'],
      failed: [{ resource: 'Secret shop/creds', message: 'failed (message withheld for Secrets)' }, { resource: 'Service x', message: 'namespace missing' }],
      notAttempted: [], durationMs: 1234,
    },
  });
});

test('the auto-sync warning names the caller\'s way to revert in Git', () => {
  assert.match(autoSyncWarning(true, 'shop') ?? '', /roll back with --mode revert/);
  assert.match(autoSyncWarning(true, 'shop', 'Revert in Git') ?? '', /roll back with Revert in Git/);
  assert.equal(autoSyncWarning(false, 'shop', 'Revert in Git'), undefined);
});
