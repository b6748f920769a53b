import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { fixturesDir, repoRoot } from '../support/fixtures';

// The drift a person makes with the real kubectl, as `driftline diff` reports it
// against the API emulator: every change at the right source line, with the
// kubectl command as its last writer; then `driftline sync` makes it all Synced.

// DRIFTLINE_CLI: a private build, for when a concurrent `npm run build` is rewriting dist/.
const cli = process.env['DRIFTLINE_CLI'] ?? join(repoRoot, 'dist', 'cli.js');
const overlay = 'shop/overlays/prod';
const namespace = 'shop-prod';
let server: ApiServer;
let work: string;

interface Change {
  path: string;
  desired: unknown;
  live: unknown;
  origin: { file: string; line: number; column: number } | null;
  lastWriter: { manager: string; operation: string; time: string | null } | null;
}
interface ResourceJson {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
  health: string | null;
  changes: Change[];
}

function driftline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args, '--kubeconfig', server.kubeconfigPath], { cwd: work }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function diffJson(...extra: string[]): Promise<{ code: number; resources: ResourceJson[] }> {
  const result = await driftline('diff', overlay, '-o', 'json', ...extra);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  return { code: result.code, resources: (JSON.parse(result.stdout) as { resources: ResourceJson[] }).resources };
}

async function kubectl(args: string[], input?: string): Promise<string> {
  const result = await runKubectl(args, { kubeconfig: server.kubeconfigPath, ...(input === undefined ? {} : { input }) });
  assert.equal(result.code, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const summary = (resources: readonly ResourceJson[]): string[] => resources.map((r) => `${r.kind}/${r.name}:${r.status}`);
const find = (resources: readonly ResourceJson[], kind: string, name: string): ResourceJson => {
  const found = resources.find((r) => r.kind === kind && r.name === name);
  assert.ok(found, `${kind}/${name} in ${summary(resources).join(', ')}`);
  return found;
};

before(async () => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  work = await mkdtemp(join(tmpdir(), 'driftline-drift-'));
  await cp(join(repoRoot, 'examples'), join(work, 'examples'), { recursive: true });
  await cp(join(fixturesDir, 'diff', 'shop'), join(work, 'shop'), { recursive: true });
  // A repository root, so the tracking id is the overlay's path inside it.
  await mkdir(join(work, '.git'));
  server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  await kubectl(['apply', '--server-side', '--validate=false', '-f', '-'], `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n`);
});

after(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('sync applies the overlay; diff reports every resource Synced with its health', async () => {
  const syncing = driftline('sync', overlay, '--yes');
  await actAsHpaController();
  const sync = await syncing;
  assert.equal(sync.code, 0, sync.stdout + sync.stderr);
  const { code, resources } = await diffJson();
  assert.deepEqual(summary(resources), ['ConfigMap/shop-config:Synced', 'Secret/shop-credentials:Synced', 'Service/shop:Synced', 'Deployment/shop:Synced', 'HorizontalPodAutoscaler/shop:Synced']);
  assert.equal(code, 0);
  assert.equal(find(resources, 'ConfigMap', 'shop-config').health, null);
  assert.equal(find(resources, 'Secret', 'shop-credentials').health, null);
  assert.equal(find(resources, 'Service', 'shop').health, 'Healthy');
  assert.equal(typeof find(resources, 'Deployment', 'shop').health, 'string');
});

test('kubectl drift: each change reported at its source line, with kubectl as last writer', async () => {
  const ns = ['-n', namespace];
  await kubectl([...ns, 'set', 'image', 'deployment/shop', 'api=ghcr.io/example/shop:hotfix']);
  await kubectl([...ns, 'scale', 'deployment/shop', '--replicas=5']);
  await kubectl([...ns, 'patch', 'configmap', 'shop-config', '--type', 'merge', '-p', '{"data":{"LOG_LEVEL":"trace"}}']);
  await kubectl([...ns, 'label', '--overwrite', 'deployment/shop', 'tier=hacked']);
  // A label Git never set is the labeller's own: a sync would keep it, so it is no drift.
  await kubectl([...ns, 'label', 'service/shop', 'owner=alice']);
  await kubectl([...ns, 'delete', 'secret', 'shop-credentials']);
  await kubectl(['apply', '--server-side', '--validate=false', '-f', '-'], extraConfigMap());

  const { code, resources } = await diffJson();
  assert.equal(code, 1);
  assert.deepEqual(summary(resources), [
    'ConfigMap/shop-config:OutOfSync',
    'Secret/shop-credentials:Missing',
    'Service/shop:Synced',
    'Deployment/shop:OutOfSync',
    'HorizontalPodAutoscaler/shop:Synced',
    'ConfigMap/shop-legacy:Extra',
  ]);
  const at = (file: string, line: number, column: number) => ({ file: `${overlay}/${file}`, line, column });
  const configMap = find(resources, 'ConfigMap', 'shop-config');
  assert.deepEqual(brief(configMap.changes), [['data.LOG_LEVEL', 'info', 'trace', at('production.yaml', 6, 3), 'kubectl-patch', 'Update']]);
  const deployment = find(resources, 'Deployment', 'shop');
  assert.deepEqual(brief(deployment.changes), [
    ['metadata.labels.tier', 'frontend', 'hacked', at('production.yaml', 13, 5), 'kubectl-label', 'Update'],
    ['spec.replicas', 3, 5, at('kustomization.yaml', 11, 5), 'kubectl', 'Update'],
    ['spec.template.spec.containers[name=api].image', 'ghcr.io/example/shop:2.3.1', 'ghcr.io/example/shop:hotfix', at('kustomization.yaml', 8, 5), 'kubectl-set', 'Update'],
  ]);
  for (const change of [...configMap.changes, ...deployment.changes]) assert.match(String(change.lastWriter?.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const secret = find(resources, 'Secret', 'shop-credentials');
  assert.deepEqual([secret.health, secret.changes], ['Missing', []]);
  assert.deepEqual(Object.keys(find(resources, 'ConfigMap', 'shop-legacy')), ['group', 'version', 'kind', 'namespace', 'name', 'status', 'health', 'changes']);
});

test('--server-side diff gives the same answer on this cluster', async () => {
  const clientSide = await diffJson();
  const serverSide = await diffJson('--server-side');
  assert.equal(serverSide.code, clientSide.code);
  assert.deepEqual(serverSide.resources.map((r) => [r.kind, r.name, r.status, r.health, r.changes.map((c) => [c.path, c.desired, c.live, c.origin?.line, c.lastWriter?.manager])]),
    clientSide.resources.map((r) => [r.kind, r.name, r.status, r.health, r.changes.map((c) => [c.path, c.desired, c.live, c.origin?.line, c.lastWriter?.manager])]));
});

test('text output: grouped by resource, no colour off a terminal, a summary line', async () => {
  const result = await driftline('diff', overlay);
  assert.equal(result.code, 1, result.stderr);
  assert.ok(!result.stdout.includes('\u001b['), 'no ANSI escapes when stdout is not a terminal');
  assert.match(result.stdout, /^OutOfSync +ConfigMap shop-prod\/shop-config/m);
  assert.match(result.stdout, /spec\.template\.spec\.containers\[name=api\]\.image/);
  assert.match(result.stdout, /shop\/overlays\/prod\/kustomization\.yaml:8:5/);
  assert.match(result.stdout, /kubectl-set \(Update\)/);
  assert.match(result.stdout, /^2 out of sync, 1 missing, 1 extra \(of 6 resources\)$/m);
});

test('IgnoreExtraneous hides the leftover; a fresh sync makes everything Synced, exit 0', async () => {
  await kubectl(['-n', namespace, 'annotate', 'configmap', 'shop-legacy', 'argocd.argoproj.io/compare-options=IgnoreExtraneous']);
  // Git wins over the kubectl edits: take their fields back.
  const sync = await driftline('sync', overlay, '--yes', '--force-conflicts');
  assert.equal(sync.code, 0, sync.stdout + sync.stderr);
  const { code, resources } = await diffJson();
  assert.deepEqual(summary(resources), ['ConfigMap/shop-config:Synced', 'Secret/shop-credentials:Synced', 'Service/shop:Synced', 'Deployment/shop:Synced', 'HorizontalPodAutoscaler/shop:Synced']);
  assert.equal(code, 0);
  const serverSide = await driftline('diff', overlay, '--server-side');
  assert.equal(serverSide.code, 0, serverSide.stdout + serverSide.stderr);
});

/** The emulator runs no HPA controller, and sync waits for health: report what the controller would once it can scale. */
async function actAsHpaController(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const found = await runKubectl(['-n', namespace, 'get', 'hpa', 'shop', '-o', 'name'], { kubeconfig: server.kubeconfigPath });
    if (found.code === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const condition = (type: string, reason: string) => ({ type, status: 'True', reason, message: reason, lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  const status = { currentReplicas: 3, desiredReplicas: 3, conditions: [condition('AbleToScale', 'ReadyForNewScale'), condition('ScalingActive', 'ValidMetricFound')] };
  await kubectl(['-n', namespace, 'patch', 'hpa', 'shop', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
}

function brief(changes: readonly Change[]): unknown[] {
  return changes.map((c) => [c.path, c.desired, c.live, c.origin, c.lastWriter?.manager, c.lastWriter?.operation]);
}

function extraConfigMap(): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-legacy\n  namespace: ${namespace}\n  annotations:\n    driftline.dev/tracking-id: ${overlay}\ndata:\n  OLD: "1"\n`;
}
