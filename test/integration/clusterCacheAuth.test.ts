// Exec credential plugins (`aws eks get-token` and friends) through the real adapter: a
// token the server refuses is thrown away on 401 and the plugin asked again, while a
// good token is reused until it expires. The plugin here is a node script reading a file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ClusterCache } from '../../src/core/cluster/clusterCache';
import { KubeClient } from '../../src/node/kubeClient';
import { loadKubeConfig } from '../../src/node/kubeConfigLoader';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { eventually, quietLogger, realTime } from './clusterCacheSupport';

let server: ApiServer;
let workDir: string;
let tokenFile: string;
let callLog: string;
let kubeconfig: string;

const plugin = `
const fs = require('node:fs');
const [tokenFile, callLog] = process.argv.slice(2);
fs.appendFileSync(callLog, 'x');
const token = fs.readFileSync(tokenFile, 'utf8').trim();
process.stdout.write(JSON.stringify({
  apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential',
  status: { token, expirationTimestamp: new Date(Date.now() + 3600e3).toISOString() },
}));
`;

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'driftline-cache-auth-'));
  server = await startApiServer({ kubeconfigPath: join(workDir, 'emulator-kubeconfig') });
  tokenFile = join(workDir, 'token');
  callLog = join(workDir, 'calls');
  const script = join(workDir, 'get-token.js');
  await writeFile(script, plugin);
  await writeFile(callLog, '');
  kubeconfig = join(workDir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    stringify({
      apiVersion: 'v1', kind: 'Config', 'current-context': 'exec',
      clusters: [{ name: 'exec', cluster: { server: server.url, 'certificate-authority-data': Buffer.from(server.caPem).toString('base64') } }],
      users: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [script, tokenFile, callLog], interactiveMode: 'Never' } } }],
      contexts: [{ name: 'exec', context: { cluster: 'exec', user: 'exec' } }],
    }),
  );
});

after(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

const calls = async (): Promise<number> => (await readFile(callLog, 'utf8')).length;

test('401 → unauthorised; a renewed token from the exec plugin recovers without a restart', async () => {
  await writeFile(tokenFile, 'revoked-token');
  const kube = new KubeClient(loadKubeConfig({ kubeconfig }, {}));
  const cache = new ClusterCache({ kube, clock: realTime, scheduler: realTime, logger: quietLogger, policy: { initialMs: 50, maxMs: 200 } });
  await assert.rejects(cache.list('v1', 'ConfigMap', 'default'), /unauthorised/);
  assert.equal(cache.status().scopes[0]?.lastError?.code, 401);
  assert.equal(await calls(), 2, 'the cached token was dropped on 401 and the plugin asked once more');

  await writeFile(tokenFile, server.token);
  assert.ok(await eventually(() => cache.status().state === "connected", 15_000), `state: ${JSON.stringify(cache.status())}`);
  process.stdout.write(`# recovered: ${JSON.stringify(cache.status().scopes[0]?.lastError)} after ${await calls()} plugin runs\n`);
  const afterRecovery = await calls();
  for (let i = 0; i < 5; i++) await kube.list('v1', 'Namespace', undefined);
  assert.equal(await calls(), afterRecovery, 'a token the server accepts is reused until it expires');
  cache.dispose();
});
