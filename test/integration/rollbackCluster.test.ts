import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { commit, configMap, deployment, driftline, git, initRepo, kustomization } from './syncFixture';

// `driftline rollback` end to end against the API emulator: apply the past straight from
// git objects, and the GitOps way (revert commit, then sync). Durations are printed, not asserted.

let server: ApiServer;
let work: string;
let repo: string;
let shop: string;
let c1: string;
let c2: string;

const kc = (): string[] => ['--kubeconfig', server.kubeconfigPath];
async function kubectl(...args: string[]): Promise<string> {
  const result = await runKubectl(args, { kubeconfig: server.kubeconfigPath, cacheDir: join(work, 'kubecache') });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}
const image = (): Promise<string> => kubectl('-n', 'shop', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}');
const mode = (): Promise<string> => kubectl('-n', 'shop', 'get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}');

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-rollback-cluster-'));
  process.env['XDG_STATE_HOME'] = join(work, 'state');
  repo = join(work, 'repo');
  shop = join(repo, 'apps', 'shop');
  initRepo(repo);
  c1 = commit(repo, 'shop 1.0', {
    'apps/shop/kustomization.yaml': kustomization('web.yaml', 'settings.yaml'),
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.0'),
    'apps/shop/settings.yaml': configMap('settings', 'shop', { mode: 'safe' }),
  });
  c2 = commit(repo, 'shop 2.0 (bad)', {
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:2.0'),
    'apps/shop/settings.yaml': configMap('settings', 'shop', { mode: 'fast' }),
  });
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  await kubectl('create', 'namespace', 'shop');
  const sync = await driftline(['sync', shop, ...kc(), '--yes']);
  assert.equal(sync.code, 0, sync.stdout + sync.stderr);
  assert.equal(await image(), 'shop/web:2.0');
});

after(async () => {
  await server?.close();
  delete process.env['XDG_STATE_HOME'];
  if (work) await rm(work, { recursive: true, force: true });
});

test('apply mode without --yes: rendered diff and dry-run plan against live; nothing changes; auto-sync warned', async () => {
  const run = await driftline(['rollback', shop, '--to', c1, '--mode', 'apply', '--auto-sync', ...kc()]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /changed\s+Deployment\/shop\/web\n\s+spec\.template\.spec\.containers\[name=web\]\.image: "shop\/web:2\.0" → "shop\/web:1\.0"/);
  assert.match(run.stdout, /update\s+Deployment\/shop\/web/);
  assert.match(run.stderr, /auto-sync is on for apps\/shop: it will re-apply Git's HEAD and undo this rollback/);
  assert.equal(await image(), 'shop/web:2.0');
});

test('apply mode --yes: the cluster runs the old render, Git untouched; duration command → healthy printed', async () => {
  const started = performance.now();
  const run = await driftline(['rollback', shop, '--to', c1, '--mode', 'apply', '--yes', ...kc()]);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /Healthy\s+Deployment\/shop\/web/);
  assert.match(run.stdout, /rollback succeeded/);
  console.log(`# rollback --mode apply, command → healthy: ${seconds.toFixed(2)} s`);
  assert.equal(await image(), 'shop/web:1.0');
  assert.equal(await mode(), 'safe');
  assert.equal(git(repo, 'rev-parse', 'HEAD').trim(), c2);
  assert.equal(git(repo, 'status', '--porcelain'), '');
  const records = (await readFile(join(work, 'state', 'driftline', 'audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = records.at(-1);
  assert.equal(last?.['action'], 'rollback');
  assert.deepEqual(last?.['rollback'], { mode: 'apply', to: c1 });
  assert.equal(last?.['revision'], c1);
});

test('revert mode then sync (the GitOps way): Git and cluster agree; duration printed', async () => {
  // Put the bad version back first, so there is something to roll back.
  assert.equal((await driftline(['sync', shop, ...kc(), '--yes'])).code, 0);
  assert.equal(await image(), 'shop/web:2.0');
  const started = performance.now();
  const revert = await driftline(['rollback', shop, '--to', c1, '--yes']);
  assert.equal(revert.code, 0, revert.stdout + revert.stderr);
  const sync = await driftline(['sync', shop, ...kc(), '--yes']);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(sync.code, 0, sync.stdout + sync.stderr);
  console.log(`# rollback --mode revert + sync, command → healthy: ${seconds.toFixed(2)} s`);
  assert.equal(await image(), 'shop/web:1.0');
  assert.equal(git(repo, 'rev-parse', 'HEAD~1').trim(), c2);
  assert.equal(git(repo, 'show', 'HEAD:apps/shop/web.yaml'), git(repo, 'show', `${c1}:apps/shop/web.yaml`));
});
