import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { commit, configMap, deployment, driftline, initRepo, kustomization, wave } from './syncFixture';

// Hooks and prunes inside waves, against the API emulator: its workload controller runs
// Jobs to Complete (or Failed, when stuck that way), so hooks finish as on a real cluster.
// Hooks are named: kustomize (like kubectl kustomize) refuses generateName objects.

let server: ApiServer;
let work: string;
let repo: string;
let shop: string;

async function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runKubectl(args, { kubeconfig: server.kubeconfigPath, cacheDir: join(work, 'kubecache') });
}

const kc = (): string[] => ['--kubeconfig', server.kubeconfigPath];
const exists = async (kind: string, name: string): Promise<boolean> => (await kubectl('-n', 'shop', 'get', kind, name)).code === 0;
const jobNames = async (): Promise<string[]> => (await kubectl('-n', 'shop', 'get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}')).stdout.split(' ').filter((n) => n !== '').sort();

function job(metadataName: string, annotations: Record<string, string>): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  ${metadataName}
  namespace: shop
  annotations:
${Object.entries(annotations).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: run
        image: busybox:1.36
        command: ["true"]
`;
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-hooks-'));
  process.env['XDG_STATE_HOME'] = join(work, 'state');
  repo = join(work, 'repo');
  shop = join(repo, 'apps', 'shop');
  initRepo(repo);
  commit(repo, 'shop: with hooks', {
    'apps/shop/kustomization.yaml': kustomization('settings.yaml', 'web.yaml', 'migrate.yaml', 'smoke.yaml'),
    'apps/shop/settings.yaml': configMap('settings', 'shop', { mode: 'a' }, wave(-1)),
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.0', wave(0)),
    'apps/shop/migrate.yaml': job('name: migrate', { 'argocd.argoproj.io/hook': 'PreSync' }),
    'apps/shop/smoke.yaml': job('name: smoke', { 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
  });
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig'), rolloutDelayMs: 200 });
  assert.equal((await kubectl('create', 'namespace', 'shop')).code, 0);
});

after(async () => {
  await server?.close();
  delete process.env['XDG_STATE_HOME'];
  if (work) await rm(work, { recursive: true, force: true });
});

test('the plan shows hooks in their phases; without --yes no hook runs', async () => {
  const run = await driftline(['sync', shop, ...kc()]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /PreSync wave 0\n\s+hook\s+Job\/shop\/migrate \(PreSync: create and wait for completion; delete policy BeforeHookCreation\)/);
  assert.match(run.stdout, /PostSync wave 0\n\s+hook\s+Job\/shop\/smoke \(PostSync: create and wait for completion; delete policy HookSucceeded\)/);
  assert.deepEqual(await jobNames(), []);
});

test('sync --yes: PreSync completes before anything is applied, PostSync after health, HookSucceeded deleted', async () => {
  const run = await driftline(['sync', shop, ...kc(), '--yes']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const order = [...run.stdout.matchAll(/^applied\s+(\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(order, ['Job/shop/migrate', 'ConfigMap/shop/settings', 'Deployment/shop/web', 'Job/shop/smoke']);
  assert.match(run.stdout, /^applied\s+Job\/shop\/migrate \[PreSync hook\] \(PreSync hook completed\)/m);
  assert.match(run.stdout, /^deleted hook\s+Job\/shop\/smoke /m);
  assert.match(run.stdout, /sync succeeded/);
  // The PreSync Job stays (BeforeHookCreation); the PostSync one went (HookSucceeded); neither is drift.
  assert.deepEqual(await jobNames(), ['migrate']);
  const diff = await driftline(['diff', shop, ...kc()]);
  assert.equal(diff.code, 0, diff.stdout + diff.stderr);
});

test('a failed PreSync hook stops the sync truthfully: the old hook replaced, nothing else applied', async () => {
  commit(repo, 'shop: web 1.1', { 'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.1', wave(0)) });
  const before = (await kubectl('-n', 'shop', 'get', 'job', 'migrate', '-o', 'jsonpath={.metadata.uid}')).stdout;
  server.workloads.stick({ kind: 'Job', namespace: 'shop', name: 'migrate', mode: 'failed' });
  const run = await driftline(['sync', shop, ...kc(), '--yes', '--timeout', '20s']);
  server.workloads.unstick({ kind: 'Job', namespace: 'shop', name: 'migrate' });
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stdout, /^failed\s+Job\/shop\/migrate \[PreSync hook\]: PreSync hook failed/m);
  assert.match(run.stdout, /^not attempted\s+Deployment\/shop\/web/m);
  assert.match(run.stdout, /sync failed/);
  const after = (await kubectl('-n', 'shop', 'get', 'job', 'migrate', '-o', 'jsonpath={.metadata.uid}')).stdout;
  assert.notEqual(after, before, 'BeforeHookCreation: a new Job, not an apply over the old one');
  const image = (await kubectl('-n', 'shop', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout;
  assert.equal(image, 'shop/web:1.0');
});

test('--prune deletes inside the waves: mirrored prune waves, prunes before the applies of their wave', async () => {
  commit(repo, 'shop: settings and web replaced', {
    'apps/shop/kustomization.yaml': kustomization('config.yaml', 'api.yaml'),
    'apps/shop/config.yaml': configMap('config', 'shop', { mode: 'b' }, wave(-1)),
    'apps/shop/api.yaml': deployment('api', 'shop', 'shop/api:1.0', wave(0)),
  });
  const preview = await driftline(['sync', shop, ...kc(), '--prune']);
  assert.match(preview.stdout, /wave -1\n\s+prune\s+Deployment\/shop\/web \(annotated wave 0: deleted in reverse wave order\)\n\s+create\s+ConfigMap\/shop\/config\n\s+wave 0\n\s+prune\s+ConfigMap\/shop\/settings \(annotated wave -1: deleted in reverse wave order\)\n\s+create\s+Deployment\/shop\/api/);
  const run = await driftline(['sync', shop, ...kc(), '--prune', '--yes']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const order = [...run.stdout.matchAll(/^(applied|pruned)\s+(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(order, ['pruned Deployment/shop/web', 'applied ConfigMap/shop/config', 'pruned ConfigMap/shop/settings', 'applied Deployment/shop/api']);
  assert.equal(await exists('deployment', 'web'), false);
  assert.equal(await exists('configmap', 'settings'), false);
  assert.equal(await exists('job', 'migrate'), true, 'a hook is never pruned');
});
