import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { commit, configMap, deployment, driftline, initRepo, kustomization, wave } from './syncFixture';

// `driftline sync` against the API emulator, on a real Git repository; kubectl plays
// the colleague who changes the cluster by hand.

let server: ApiServer;
let work: string;
let repo: string;
let shop: string;
const secretValue = 'sekrit-in-git-4711';

async function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // One discovery cache for the file: a fresh one per call costs seconds.
  return runKubectl(args, { kubeconfig: server.kubeconfigPath, cacheDir: join(work, 'kubecache') });
}

const kc = (): string[] => ['--kubeconfig', server.kubeconfigPath];
const exists = async (kind: string, name: string): Promise<boolean> => (await kubectl('-n', 'shop', 'get', kind, name)).code === 0;
const image = async (name: string): Promise<string> => (await kubectl('-n', 'shop', 'get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-sync-'));
  process.env['XDG_STATE_HOME'] = join(work, 'state');
  repo = join(work, 'repo');
  shop = join(repo, 'apps', 'shop');
  initRepo(repo);
  commit(repo, 'shop: first version', {
    'apps/shop/kustomization.yaml': kustomization('settings.yaml', 'db.yaml', 'web.yaml', 'secret.yaml'),
    'apps/shop/settings.yaml': configMap('settings', 'shop', { mode: 'a' }, wave(-1)),
    'apps/shop/db.yaml': deployment('db', 'shop', 'postgres:16', wave(0)),
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.0', wave(1)),
    'apps/shop/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: shop\nstringData:\n  password: ${secretValue}\n`,
  });
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  assert.equal((await kubectl('create', 'namespace', 'shop')).code, 0);
});

after(async () => {
  await server?.close();
  delete process.env['XDG_STATE_HOME'];
  if (work) await rm(work, { recursive: true, force: true });
});

test('without --yes the plan is printed and nothing changes (exit 0); --dry-run likewise', async () => {
  for (const extra of [[], ['--dry-run', '--yes']]) {
    const run = await driftline(['sync', shop, ...kc(), ...extra]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /server-side dry run:/);
    assert.match(run.stdout, /create\s+Deployment\/shop\/web/);
    assert.match(run.stderr, /nothing changed|dry run, nothing changed/);
    assert.equal(await exists('deployment', 'web'), false);
  }
});

test('sync --yes creates exactly the planned set, wave by wave, and reports health', async () => {
  const run = await driftline(['sync', shop, ...kc(), '--yes']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const applied = [...run.stdout.matchAll(/^applied\s+(\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(applied, ['ConfigMap/shop/settings', 'Secret/shop/creds', 'Deployment/shop/db', 'Deployment/shop/web']);
  // The server's resourceVersions say the same order happened.
  const versions = [];
  for (const [kind, name] of [['configmap', 'settings'], ['secret', 'creds'], ['deployment', 'db'], ['deployment', 'web']] as const) {
    versions.push(Number((await kubectl('-n', 'shop', 'get', kind, name, '-o', 'jsonpath={.metadata.resourceVersion}')).stdout));
  }
  assert.deepEqual([...versions].sort((a, b) => a - b), versions);
  assert.match(run.stdout, /Healthy\s+Deployment\/shop\/web/);
  assert.match(run.stdout, /sync succeeded/);
});

test('updates and prunes exactly the planned set: untracked and Prune=false objects stay', async () => {
  await kubectl('-n', 'shop', 'create', 'configmap', 'by-hand', '--from-literal=a=b');
  commit(repo, 'shop: web 1.1, settings dropped', {
    'apps/shop/kustomization.yaml': kustomization('db.yaml', 'web.yaml', 'secret.yaml'),
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.1', wave(1)),
  });
  const withoutPrune = await driftline(['sync', shop, ...kc()]);
  assert.match(withoutPrune.stdout, /not pruned\s+ConfigMap\/shop\/settings/);
  const run = await driftline(['sync', shop, ...kc(), '--yes', '--prune']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /update\s+Deployment\/shop\/web\n\s+spec\.template\.spec\.containers\[name=web\]\.image: "shop\/web:1\.0" → "shop\/web:1\.1"/);
  assert.match(run.stdout, /unchanged\s+Deployment\/shop\/db/);
  assert.deepEqual([...run.stdout.matchAll(/^pruned\s+(\S+)/gm)].map((m) => m[1]), ['ConfigMap/shop/settings']);
  assert.equal(await exists('configmap', 'settings'), false);
  assert.equal(await exists('configmap', 'by-hand'), true);
  assert.equal(await image('web'), 'shop/web:1.1');
});

test('conflict: kubectl set image → 409 naming kubectl-set; declined nothing is forced; --force-conflicts takes it back', async () => {
  assert.equal((await kubectl('-n', 'shop', 'set', 'image', 'deployment/web', 'web=shop/web:hotfix')).code, 0);
  const preview = await driftline(['sync', shop, ...kc()]);
  assert.match(preview.stdout, /conflict\s+Deployment\/shop\/web: fields owned by kubectl-set \(\.spec\.template\.spec\.containers\[name="web"\]\.image\)/);

  const declined = await driftline(['sync', shop, ...kc(), '--yes'], false);
  assert.equal(declined.code, 2);
  assert.deepEqual(declined.questions, ['Deployment/shop/web: fields owned by kubectl-set (.spec.template.spec.containers[name="web"].image). Take them over (force)?']);
  assert.match(declined.stdout, /^conflict\s+Deployment\/shop\/web/m);
  assert.match(declined.stderr, /--force-conflicts/);
  assert.equal(await image('web'), 'shop/web:hotfix');

  const confirmed = await driftline(['sync', shop, ...kc(), '--yes'], true);
  assert.equal(confirmed.code, 0, confirmed.stdout + confirmed.stderr);
  assert.match(confirmed.stdout, /^forced\s+Deployment\/shop\/web \(took fields from kubectl-set/m);
  assert.equal(await image('web'), 'shop/web:1.1');

  await kubectl('-n', 'shop', 'set', 'image', 'deployment/web', 'web=shop/web:hotfix-2');
  const flagged = await driftline(['sync', shop, ...kc(), '--yes', '--force-conflicts']);
  assert.equal(flagged.code, 0, flagged.stdout + flagged.stderr);
  assert.deepEqual(flagged.questions, []);
  assert.equal(await image('web'), 'shop/web:1.1');
});

test('a failure halfway is reported truthfully: applied, failed, not attempted', async () => {
  commit(repo, 'shop: a widget the cluster cannot take', {
    'apps/shop/kustomization.yaml': kustomization('db.yaml', 'web.yaml', 'secret.yaml', 'widget.yaml', 'flags.yaml'),
    'apps/shop/flags.yaml': configMap('flags', 'shop', { beta: 'on' }, wave(0)),
    // No CRD serves Widget: the dry run is skipped as Argo CD would, so the real apply fails.
    'apps/shop/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gizmo\n  namespace: shop\n  annotations:\n    argocd.argoproj.io/sync-wave: "0"\n    argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true\n',
    'apps/shop/web.yaml': deployment('web', 'shop', 'shop/web:1.2', wave(1)),
  });
  const run = await driftline(['sync', shop, ...kc(), '--yes']);
  assert.equal(run.code, 2);
  assert.match(run.stdout, /^applied\s+ConfigMap\/shop\/flags/m);
  assert.match(run.stdout, /^failed\s+Widget\/shop\/gizmo: /m);
  assert.match(run.stdout, /^not attempted\s+Deployment\/shop\/web/m);
  assert.match(run.stdout, /sync failed/);
  assert.equal(await exists('configmap', 'flags'), true);
  assert.equal(await image('web'), 'shop/web:1.1');
  commit(repo, 'shop: no widget', { 'apps/shop/kustomization.yaml': kustomization('db.yaml', 'web.yaml', 'secret.yaml', 'flags.yaml') });
});

test('every sync with --yes left one audit record: who, when, context, app, revision, result; no Secret value anywhere', async () => {
  const lines = (await readFile(join(work, 'state', 'driftline', 'audit.jsonl'), 'utf8')).trim().split('\n');
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown> & { result: { outcome: string }; who: unknown; plan: unknown });
  assert.deepEqual(records.map((r) => r.result.outcome), ['succeeded', 'succeeded', 'conflict', 'succeeded', 'succeeded', 'failed']);
  const first = records[0]!;
  assert.deepEqual(first.who, { name: 'Ada Rollback', email: 'ada@example.com' });
  assert.equal(first['app'], 'apps/shop');
  assert.equal(first['context'], 'driftline-demo');
  assert.match(String(first['revision']), /^[0-9a-f]{40}$/);
  assert.deepEqual(first.plan, { create: 4, update: 0, unchanged: 0, prune: 0, hooks: 0 });
  assert.ok(!lines.join('\n').includes(secretValue));
});
