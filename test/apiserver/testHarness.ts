// Shared pieces of the emulator's integration tests (test/integration/apiserver*.test.ts):
// a started emulator with a private kubectl discovery cache, kubectl helpers bound to it,
// polling, and the manifests several tests apply.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureKubectl, runKubectl, startKubectl, type KubectlProcess, type KubectlResult } from '../support/kubectlTool';
import { startApiServer, type ApiServer, type ApiServerOptions } from './server';

export const crdFixtureDir = resolve(__dirname, '..', 'fixtures', 'crds');

export interface Harness {
  server: ApiServer;
  workDir: string;
  /** kubectl as the admin, or as another user with `--context driftline-demo-<user>` in args. */
  kubectl(args: string[], input?: string): Promise<KubectlResult>;
  /** Like kubectl, but fails the test on a non-zero exit; returns stdout. */
  kubectlOk(args: string[], input?: string): Promise<string>;
  startKubectl(args: string[]): Promise<KubectlProcess>;
  /** `kubectl get -o json` of one object. */
  getJson<T>(namespace: string, resource: string): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(options: ApiServerOptions = {}): Promise<Harness> {
  await ensureKubectl();
  const workDir = await mkdtemp(join(tmpdir(), 'driftline-apiserver-test-'));
  const cacheDir = join(workDir, 'kubecache');
  const server = await startApiServer({ port: 0, kubeconfigPath: join(workDir, 'kubeconfig'), bookmarkIntervalMs: 200, ...options });
  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    runKubectl(args, { kubeconfig: server.kubeconfigPath, cacheDir, ...(input === undefined ? {} : { input }) });
  const kubectlOk = async (args: string[], input?: string): Promise<string> => {
    const result = await kubectl(args, input);
    assert.equal(result.code, 0, `kubectl ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout;
  };
  return {
    server, workDir, kubectl, kubectlOk,
    startKubectl: (args) => startKubectl(args, { kubeconfig: server.kubeconfigPath, cacheDir }),
    getJson: async <T>(namespace: string, resource: string): Promise<T> =>
      JSON.parse(await kubectlOk(['-n', namespace, 'get', resource, '-o', 'json', '--show-managed-fields'])) as T,
    close: async () => {
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Polls until check() holds; fails the test after timeoutMs. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 20));
  }
}

/** All CRDs in test/fixtures/crds as one YAML stream. */
export async function crdFixtures(): Promise<string> {
  const files = (await readdir(crdFixtureDir)).filter((f) => f.endsWith('.yaml')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(crdFixtureDir, f), 'utf8')));
  return texts.join('\n---\n');
}

export function webManifest(namespace: string, image: string, replicas = 2): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${namespace}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ${namespace}
spec:
  selector: {app: web}
  ports:
  - port: 80
`;
}

export interface WatchLine {
  type: string;
  object: { kind?: string; code?: number; reason?: string; message?: string; metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> } };
}

/** A finished watch response body as events; each must end with a newline. */
export function watchLines(body: string): WatchLine[] {
  assert.ok(body === '' || body.endsWith('\n'), 'each event ends with a newline');
  return body.trim() === '' ? [] : body.trim().split('\n').map((line) => JSON.parse(line) as WatchLine);
}
