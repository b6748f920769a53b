// --state-dir / stateDir: the emulated cluster survives restarts, in process and through
// `npm run cluster` (test/apiserver/main.ts) as the demo runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer } from '../apiserver/server';
import { crdFixtures, startHarness, waitFor, watchLines, webManifest } from '../apiserver/testHarness';
import { runKubectl } from '../support/kubectlTool';

test('objects, CRDs, resourceVersions, CA and tokens survive a restart with the same state dir', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'driftline-state-'));
  try {
    const first = await startHarness({ stateDir, users: [{ name: 'viewer', rules: [{ verbs: ['get'], resources: ['*'] }] }] });
    let rv: string;
    try {
      await first.kubectlOk(['apply', '--server-side', '-f', '-'], await crdFixtures());
      await first.kubectlOk(['wait', '--for=condition=Established', '--timeout=20s', 'crd/applications.argoproj.io']);
      await first.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest('kept', 'nginx:1.27'));
      await first.kubectlOk(['apply', '--server-side', '-f', '-'], 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: guestbook, namespace: kept}\nspec: {project: default, destination: {namespace: kept}}\n');
      await first.kubectlOk(['-n', 'kept', 'rollout', 'status', 'deployment/web', '--timeout=20s']);
      // Saved on change (debounced), before any shutdown.
      await waitFor(async () => (await readFile(join(stateDir, 'state.json'), 'utf8').catch(() => '')).includes('"guestbook"'), 'state.json to hold the Application');
      rv = (JSON.parse((await rawRequest(first.server, '/api/v1/namespaces')).body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    } finally {
      await first.close();
    }
    const firstServer = first.server;

    const second = await startHarness({ stateDir, users: [{ name: 'viewer', rules: [{ verbs: ['get'], resources: ['*'] }] }] });
    try {
      assert.equal(second.server.caPem, firstServer.caPem, 'same CA: old kubeconfigs still verify');
      assert.equal(second.server.token, firstServer.token);
      assert.equal(second.server.users[1]?.token, firstServer.users[1]?.token);
      assert.match(await second.kubectlOk(['-n', 'kept', 'get', 'deploy']), /^web\s+2\/2\s+2\s+2\s+\d+s$/m);
      const app = await second.getJson<{ spec: { project: string } }>('kept', 'application/guestbook');
      assert.equal(app.spec.project, 'default');
      const service = await second.getJson<{ spec: { clusterIP: string } }>('kept', 'service/web');
      await second.kubectlOk(['apply', '--server-side', '-f', '-'], 'apiVersion: v1\nkind: Service\nmetadata: {name: other, namespace: kept}\nspec: {ports: [{port: 80}]}\n');
      const other = await second.getJson<{ spec: { clusterIP: string } }>('kept', 'service/other');
      assert.notEqual(other.spec.clusterIP, service.spec.clusterIP, 'ClusterIPs are not handed out twice');
      const list = JSON.parse((await rawRequest(second.server, '/api/v1/namespaces')).body) as { metadata: { resourceVersion: string } };
      assert.ok(Number(list.metadata.resourceVersion) > Number(rv), 'resourceVersions keep counting up');
      const stale = watchLines((await rawRequest(second.server, `/api/v1/namespaces?watch=true&resourceVersion=${Number(rv) - 1}`)).body);
      assert.deepEqual(stale.map((e) => [e.type, e.object.code]), [['ERROR', 410]], 'no watch history from before the restart');
    } finally {
      await second.close();
    }
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});

test('npm run cluster prints ready <url>, saves on SIGTERM and serves the state again with --state-dir', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'driftline-cluster-cli-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const stateDir = join(dir, 'state');
  const start = async (): Promise<{ url: string; stop: () => Promise<number | null> }> => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '..', 'apiserver', 'main.ts'), '--kubeconfig', kubeconfig, '--state-dir', stateDir, '--rollout-delay-ms', '50'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)));
    await waitFor(() => /^ready https:\/\/127\.0\.0\.1:\d+\n/.test(stdout) || child.exitCode !== null, 'ready', 30_000);
    assert.match(stdout, /^ready https:\/\/127\.0\.0\.1:\d+\n$/, stderr);
    return { url: stdout.slice('ready '.length).trim(), stop: () => (child.kill('SIGTERM'), exited) };
  };
  try {
    const first = await start();
    const applied = await runKubectl(['apply', '--server-side', '-f', '-'], { kubeconfig, input: webManifest('cli-state', 'nginx:1.27') });
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(await first.stop(), 0);
    const second = await start();
    try {
      const got = await runKubectl(['-n', 'cli-state', 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}'], { kubeconfig });
      assert.equal(got.stdout, 'nginx:1.27', got.stderr);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('startApiServer without a state dir starts empty every time', async () => {
  const server = await startApiServer();
  try {
    const namespaces = JSON.parse((await rawRequest(server, '/api/v1/namespaces')).body) as { items: { metadata: { name: string } }[] };
    assert.deepEqual(namespaces.items.map((n) => n.metadata.name), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  } finally {
    await server.close();
  }
});
