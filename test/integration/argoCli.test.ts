import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import type { KubeObject } from '../../src/core/ports';
import { applicationRef } from '../../src/core/argo/applicationStatus';
import { application, applicationCrd } from '../support/argoFixtures';
import { repoRoot } from '../support/fixtures';

// `driftline sync <app>` and `driftline rollback <app> --mode argo` where Argo CD manages
// the app: they go through the Application's operation field, never around Argo CD.

const cli = process.env['DRIFTLINE_CLI'] ?? join(repoRoot, 'dist', 'cli.js');
let server: ApiServer;
let work: string;
let kube: KubeClient;

function driftline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--kubeconfig', server.kubeconfigPath], { cwd: work, env: { ...process.env, XDG_STATE_HOME: join(work, 'state') } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function create(object: KubeObject): Promise<void> {
  await kube.apply(object, { fieldManager: 'argocd-test', force: true, dryRun: false });
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-argo-cli-'));
  await cp(join(repoRoot, 'examples'), work, { recursive: true });
  // The repository's Application names this overlay; the test cluster has the same app.
  await writeFile(join(work, 'argocd/applications/guestbook-staging.yaml'), [
    'apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: guestbook', '  namespace: argocd', 'spec:', '  project: default',
    '  source:', '    repoURL: https://github.com/example/gitops.git', '    path: apps/guestbook/overlays/staging', '    targetRevision: main',
    '  destination:', '    server: https://kubernetes.default.svc', '    namespace: guestbook-staging', '',
  ].join('\n'));
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  kube = new KubeClient(loadKubeConfig({ kubeconfig: server.kubeconfigPath }));
  await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
  await create(applicationCrd as KubeObject);
  await create(application('guestbook', false));
  await create(application('guestbook-production', true, 'apps/guestbook/overlays/production'));
});

after(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('sync of an Argo CD-managed app without --yes only says what it would ask Argo CD', async () => {
  const result = await driftline('sync', 'guestbook');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /guestbook is managed by Argo CD \(driftline-demo\): Argo CD: OutOfSync at abc1234/);
  assert.match(result.stdout, /would ask Argo CD to sync guestbook; pass --yes/);
  assert.equal((await kube.get(applicationRef('guestbook')))?.['operation'], undefined);
});

test('sync --yes writes the operation and follows the controller to Succeeded', async () => {
  const running = driftline('sync', 'guestbook', '--yes', '--timeout', '20s');
  // Play Argo CD's controller: wait for the operation, then finish it.
  let operation: unknown;
  for (let i = 0; i < 200 && operation === undefined; i++) {
    operation = (await kube.get(applicationRef('guestbook')))?.['operation'];
    if (operation === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  if (operation === undefined) {
    const early = await running;
    assert.fail(`no operation was written: exit ${early.code}\n${early.stdout}${early.stderr}`);
  }
  assert.deepEqual((operation as { sync?: unknown }).sync, { revision: 'main', prune: false, syncOptions: ['CreateNamespace=true'] });
  assert.ok(kube.patch);
  await kube.patch(applicationRef('guestbook'), {
    operation: null,
    status: { operationState: { phase: 'Succeeded', message: 'successfully synced', startedAt: '2026-02-01T09:00:00Z', finishedAt: '2026-02-01T09:00:02Z', syncResult: { revision: 'abc1234def5678abc1234def5678abc1234def56', resources: [] } } },
  }, { type: 'merge' });
  const result = await running;
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /Argo CD operation Succeeded at abc1234/);
});

test('diff of an Argo CD-managed app shows what Argo CD thinks beside the local diff', async () => {
  const result = await driftline('diff', 'guestbook');
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  assert.match(result.stdout, /^Argo CD: OutOfSync at abc1234 · Healthy · 1 of 2 resources OutOfSync/m);
});

test('rollback --mode argo refuses under auto-sync with Argo CD\'s words, and writes nothing', async () => {
  const result = await driftline('rollback', 'guestbook-production', '--mode', 'argo', '--to', '1', '--yes');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /rollback cannot be initiated when auto-sync is enabled/);
  assert.equal((await kube.get(applicationRef('guestbook-production')))?.['operation'], undefined);
});

test('--direct bypasses Argo CD and previews a server-side apply instead', async () => {
  await create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guestbook-staging' } });
  const result = await driftline('sync', 'guestbook', '--direct');
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stdout, /managed by Argo CD/);
  assert.match(result.stdout, /sync plan for guestbook/);
});
