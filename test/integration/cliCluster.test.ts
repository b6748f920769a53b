import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { fixturesDir, repoRoot } from '../support/fixtures';

// `driftline diff` and `driftline sync` against the API emulator, with the real
// kubectl making the changes a person would make.

const cli = join(repoRoot, 'dist', 'cli.js');
let server: ApiServer;
let work: string;
let overlay: string;
let secretApp: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function driftline(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    // Audit records of `sync --yes` go to the temp folder, not the user's ~/.local/state.
    execFile(process.execPath, [cli, ...args], { cwd: work, env: { ...process.env, XDG_STATE_HOME: join(work, 'state') } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function kubectl(...args: string[]): Promise<string> {
  return kubectlWithInput(undefined, ...args);
}

async function kubectlWithInput(input: string | undefined, ...args: string[]): Promise<string> {
  const result = await runKubectl(args, { kubeconfig: server.kubeconfigPath, ...(input === undefined ? {} : { input }) });
  assert.equal(result.code, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function createNamespace(name: string): Promise<void> {
  await kubectlWithInput(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`, 'apply', '--server-side', '-f', '-');
}

before(async () => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  work = await mkdtemp(join(tmpdir(), 'driftline-cli-'));
  await cp(join(repoRoot, 'examples'), join(work, 'examples'), { recursive: true });
  await cp(join(fixturesDir, 'repos', 'secret-app'), join(work, 'secret-app'), { recursive: true });
  overlay = 'examples/apps/guestbook/overlays/production';
  secretApp = 'secret-app';
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  await createNamespace('guestbook-prod');
  await createNamespace('payments');
});

after(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('diff before anything is applied: every resource Missing, exit 1', async () => {
  const result = await driftline('diff', overlay, '--kubeconfig', server.kubeconfigPath, '-o', 'json');
  assert.equal(result.code, 1, result.stderr);
  const json = JSON.parse(result.stdout) as { resources: Array<{ kind: string; status: string }> };
  assert.deepEqual(json.resources.map((r) => `${r.kind}:${r.status}`), ['Service:Missing', 'Deployment:Missing']);
});

test('after kubectl apply --server-side -k the overlay is in sync, exit 0', async () => {
  await kubectl('apply', '--server-side', '-k', join(work, overlay));
  const result = await driftline('diff', overlay, '--kubeconfig', server.kubeconfigPath);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /2 resources in sync/);
});

test('kubectl set image shows as drift on the overlay line, with kubectl-set as last writer', async () => {
  await kubectl('-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', 'guestbook=ghcr.io/driftline/guestbook:hotfix-1');
  const result = await driftline('diff', overlay, '--kubeconfig', server.kubeconfigPath, '-o', 'json');
  assert.equal(result.code, 1, result.stderr);
  const json = JSON.parse(result.stdout) as { resources: Array<Record<string, unknown> & { changes: Array<Record<string, unknown>> }> };
  const deployment = json.resources.find((r) => r['kind'] === 'Deployment');
  assert.ok(deployment);
  assert.equal(deployment['status'], 'OutOfSync');
  assert.deepEqual(Object.keys(deployment).sort(), ['changes', 'group', 'health', 'kind', 'name', 'namespace', 'status', 'version']);
  const [change] = deployment.changes;
  assert.ok(change);
  assert.equal(change['path'], 'spec.template.spec.containers[name=guestbook].image');
  assert.equal(change['desired'], 'ghcr.io/driftline/guestbook:1.4.2');
  assert.equal(change['live'], 'ghcr.io/driftline/guestbook:hotfix-1');
  assert.deepEqual(change['origin'], { file: `${overlay}/kustomization.yaml`, line: 8, column: 5 });
  const writer = change['lastWriter'] as Record<string, unknown>;
  assert.equal(writer['manager'], 'kubectl-set');
  assert.equal(writer['operation'], 'Update');
  assert.match(String(writer['time']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('sync without --yes prints the plan and applies nothing', async () => {
  const result = await driftline('sync', overlay, '--kubeconfig', server.kubeconfigPath);
  assert.equal(result.code, 0);
  assert.match(result.stderr, /pass --yes/);
  const image = await kubectl('-n', 'guestbook-prod', 'get', 'deployment', 'guestbook', '-o', 'jsonpath={.spec.template.spec.containers[0].image}');
  assert.equal(image, 'ghcr.io/driftline/guestbook:hotfix-1');
});

test('sync --dry-run changes nothing; sync --yes restores the overlay and diff is clean again', async () => {
  const dry = await driftline('sync', overlay, '--kubeconfig', server.kubeconfigPath, '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /conflict\s+Deployment\/guestbook-prod\/guestbook: fields owned by kubectl-set/);
  assert.equal(await kubectl('-n', 'guestbook-prod', 'get', 'deployment', 'guestbook', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'ghcr.io/driftline/guestbook:hotfix-1');

  // kubectl set image made kubectl-set the image's owner: taking it back is an explicit choice.
  const sync = await driftline('sync', overlay, '--kubeconfig', server.kubeconfigPath, '--yes', '--force-conflicts');
  assert.equal(sync.code, 0, sync.stderr);
  assert.equal(await kubectl('-n', 'guestbook-prod', 'get', 'deployment', 'guestbook', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'), 'ghcr.io/driftline/guestbook:1.4.2');
  const diff = await driftline('diff', overlay, '--kubeconfig', server.kubeconfigPath);
  assert.equal(diff.code, 0, diff.stdout);
});

test('Secret values never appear in diff output, text or JSON, yet the differing key is named', async () => {
  await kubectl('apply', '--server-side', '-k', join(work, secretApp));
  await kubectl('-n', 'payments', 'patch', 'secret', 'api-credentials', '--type', 'merge', '-p', '{"stringData":{"password":"rotated-by-hand-live"}}');
  for (const output of ['text', 'json']) {
    const result = await driftline('diff', secretApp, '--kubeconfig', server.kubeconfigPath, '-o', output);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /stringData\.password/);
    assert.doesNotMatch(result.stdout, /stringData\.username/);
    for (const secret of ['fixture-password-in-git', 'rotated-by-hand-live', 'cGF5bWVudHMtYXBp']) {
      assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `${output} output leaks ${secret}`);
    }
  }
});

test('an unknown context is a clear error, exit 2', async () => {
  const result = await driftline('diff', overlay, '--kubeconfig', server.kubeconfigPath, '--context', 'prod-eu');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^driftline: context "prod-eu" not found in kubeconfig/);
});

test('render errors are located and exit 2', async () => {
  const result = await driftline('render', join(fixturesDir, 'kustomize', 'errors', 'missing-resource'));
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^driftline: .*missing-resource\/kustomization\.yaml:3:5: resource 'nope\.yaml' not found\n$/);
});
