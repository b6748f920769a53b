import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { systemScheduler } from '../../src/node/systemTime';
import type { KubeObject } from '../../src/core/ports';
import { applicationRef, readApplicationStatus, summarizeStatus } from '../../src/core/argo/applicationStatus';
import { requestSync, writeOperation } from '../../src/core/argo/operationRequest';
import { followOperation, describeOutcome } from '../../src/core/argo/followOperation';
import { autoSyncRefusal, requestRollback } from '../../src/core/argo/rollback';
import { application, applicationCrd as crd, repoURL, shaNew } from '../support/argoFixtures';

// Argo CD mode against the API emulator: the Application CRD as Argo CD installs it (no
// status subresource), status fixtures shaped like the controller writes them, and the
// test playing the controller while Driftline follows an operation.

let server: ApiServer;
let work: string;
let kube: KubeClient;

async function create(object: KubeObject): Promise<void> {
  await kube.apply(object, { fieldManager: 'argocd-test', force: true, dryRun: false });
}

/** The controller's side: a merge patch like the one Argo CD's app controller sends. */
async function controllerPatch(name: string, body: Record<string, unknown>): Promise<void> {
  assert.ok(kube.patch);
  await kube.patch(applicationRef(name), body, { type: 'merge' });
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-argo-'));
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  kube = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
  await create(crd as KubeObject);
  await create(application('guestbook', false));
  await create(application('guestbook-auto', true));
});

after(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('reads what Argo CD wrote and summarizes it', async () => {
  const app = await kube.get(applicationRef('guestbook'));
  assert.ok(app);
  const status = readApplicationStatus(app);
  assert.equal(status.resources.length, 2);
  assert.equal(status.history.length, 2);
  assert.equal(summarizeStatus(status, 2), 'Argo CD: OutOfSync at abc1234 · Healthy · 1 of 2 resources OutOfSync · last sync Succeeded · your working copy changes 2 more fields');
  const auto = await kube.get(applicationRef('guestbook-auto'));
  assert.ok(auto);
  assert.match(summarizeStatus(readApplicationStatus(auto)), / · auto-sync$/);
});

test('a selective sync writes exactly the operation Argo CD expects, then refuses a second one', async () => {
  const before = await kube.get(applicationRef('guestbook'));
  assert.ok(before);
  const result = await requestSync(kube, applicationRef('guestbook'), { username: 'driftline:alice', prune: true, resources: [{ group: 'apps', kind: 'Deployment', name: 'guestbook', namespace: 'guestbook' }] });
  assert.ok(result.ok, result.ok ? '' : result.error);
  const stored = await kube.get(applicationRef('guestbook'));
  assert.deepEqual(stored?.['operation'], {
    initiatedBy: { username: 'driftline:alice' },
    sync: { revision: 'main', prune: true, syncOptions: ['CreateNamespace=true'], resources: [{ group: 'apps', kind: 'Deployment', name: 'guestbook', namespace: 'guestbook' }] },
  });
  const again = await requestSync(kube, applicationRef('guestbook'), { username: 'driftline:bob' });
  assert.deepEqual(again, { ok: false, error: 'another operation is already in progress' });

  // A write based on what was read before the first request loses on resourceVersion.
  const stale = await writeOperation(kube, applicationRef('guestbook'), before, { sync: { revision: 'main' } });
  assert.equal(stale.ok, false);
  assert.match(stale.ok ? '' : stale.error, /^the Application changed since it was read \(resourceVersion \d+\); nothing was written/);

  // Follow it while playing the controller: Running, then Succeeded with the operation cleared.
  const following = followOperation(kube, applicationRef('guestbook'), { scheduler: systemScheduler, intervalMs: 20, timeoutMs: 10_000, ...(result.value.previousStartedAt ? { previousStartedAt: result.value.previousStartedAt } : {}) });
  await controllerPatch('guestbook', { status: { operationState: { phase: 'Running', message: 'one or more tasks are running', startedAt: '2026-01-02T09:00:00Z', finishedAt: null, syncResult: null } } });
  const running = await requestSync(kube, applicationRef('guestbook'), { username: 'driftline:bob' });
  assert.deepEqual(running, { ok: false, error: 'another operation is already in progress (Running since 2026-01-02T09:00:00Z: one or more tasks are running)' });
  await controllerPatch('guestbook', {
    operation: null,
    status: {
      sync: { status: 'Synced', revision: shaNew },
      operationState: {
        phase: 'Succeeded', message: 'successfully synced (all tasks run)', startedAt: '2026-01-02T09:00:00Z', finishedAt: '2026-01-02T09:00:04Z',
        syncResult: { revision: shaNew, resources: [{ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'guestbook', name: 'guestbook', status: 'Synced', message: 'deployment.apps/guestbook configured' }] },
      },
    },
  });
  const outcome = await following;
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
  assert.equal(describeOutcome(outcome.value), 'Argo CD operation Succeeded at abc1234: 1 resource (1 Synced)');
});

test('a failed operation is reported with Argo CD\'s message', async () => {
  const result = await requestSync(kube, applicationRef('guestbook'), { username: 'driftline:alice', revision: shaNew, dryRun: true });
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.deepEqual((await kube.get(applicationRef('guestbook')))?.['operation'], { initiatedBy: { username: 'driftline:alice' }, sync: { revision: shaNew, prune: false, dryRun: true, syncOptions: ['CreateNamespace=true'] } });
  const following = followOperation(kube, applicationRef('guestbook'), { scheduler: systemScheduler, intervalMs: 20, timeoutMs: 10_000, previousStartedAt: '2026-01-02T09:00:00Z' });
  await controllerPatch('guestbook', { operation: null, status: { operationState: { phase: 'Failed', message: 'one or more objects failed to apply', startedAt: '2026-01-02T10:00:00Z', finishedAt: '2026-01-02T10:00:01Z', syncResult: { revision: shaNew, resources: [] } } } });
  const outcome = await following;
  assert.ok(outcome.ok);
  assert.equal(describeOutcome(outcome.value), 'Argo CD operation Failed at abc1234 — one or more objects failed to apply');
});

test('rollback under auto-sync is refused as Argo CD refuses it, and nothing is written', async () => {
  const before = await kube.get(applicationRef('guestbook-auto'));
  const result = await requestRollback(kube, applicationRef('guestbook-auto'), { username: 'driftline:alice', id: 1 });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.error.startsWith(autoSyncRefusal));
  const after = await kube.get(applicationRef('guestbook-auto'));
  assert.equal(after?.metadata['resourceVersion'], before?.metadata['resourceVersion']);
});

test('rollback with auto-sync turned off in the same write: Argo CD\'s rollback operation, automated removed', async () => {
  const missing = await requestRollback(kube, applicationRef('guestbook-auto'), { username: 'driftline:alice', id: 7, disableAutoSync: true });
  assert.deepEqual(missing, { ok: false, error: 'application guestbook-auto does not have deployment with id 7' });
  const result = await requestRollback(kube, applicationRef('guestbook-auto'), { username: 'driftline:alice', id: 1, disableAutoSync: true });
  assert.ok(result.ok, result.ok ? '' : result.error);
  assert.deepEqual(result.value.removedAutomated, { prune: true, selfHeal: true });
  const stored = await kube.get(applicationRef('guestbook-auto'));
  assert.deepEqual(stored?.['operation'], {
    initiatedBy: { username: 'driftline:alice' },
    sync: {
      revision: '0000000000000000000000000000000000000000',
      source: { repoURL, path: 'apps/guestbook/overlays/staging', targetRevision: 'main' },
      prune: false,
      syncOptions: ['CreateNamespace=true'],
      syncStrategy: { apply: {} },
    },
  });
  assert.deepEqual((stored?.['spec'] as { syncPolicy: unknown }).syncPolicy, { syncOptions: ['CreateNamespace=true'] });
  const busy = await requestRollback(kube, applicationRef('guestbook-auto'), { username: 'driftline:alice' });
  assert.deepEqual(busy, { ok: false, error: 'another operation is already in progress' });
});
