// kubeconfig loading as kubectl does it: merged $KUBECONFIG files, contexts, proxies from the environment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { stringify } from 'yaml';
import { contextNamespace, loadKubeConfig, proxyFor } from '../../../src/node/kubeConfigLoader';

let dir: string;
let first: string;
let second: string;

const config = (current: string | undefined, entries: Array<{ name: string; server: string; namespace?: string; user: Record<string, unknown> }>): string =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    ...(current ? { 'current-context': current } : {}),
    clusters: entries.map((e) => ({ name: e.name, cluster: { server: e.server, 'certificate-authority': 'ca.pem' } })),
    users: entries.map((e) => ({ name: e.name, user: e.user })),
    contexts: entries.map((e) => ({ name: e.name, context: { cluster: e.name, user: e.name, ...(e.namespace ? { namespace: e.namespace } : {}) } })),
  });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'driftline-kubeconfig-'));
  first = join(dir, 'first.yaml');
  second = join(dir, 'second.yaml');
  await writeFile(first, config('dev', [{ name: 'dev', server: 'https://dev.example:6443', namespace: 'team-a', user: { token: 'first-token' } }]));
  await writeFile(
    second,
    config('prod', [
      { name: 'dev', server: 'https://shadowed.example', user: { token: 'second-token' } },
      { name: 'prod', server: 'https://prod.example', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', 'prod'] } } },
    ]),
  );
});

after(() => rm(dir, { recursive: true, force: true }));

test('several $KUBECONFIG files merge as kubectl merges them: first definition and first current-context win', () => {
  const kc = loadKubeConfig({}, { KUBECONFIG: [first, join(dir, 'missing.yaml'), second].join(delimiter), HOME: dir });
  assert.equal(kc.getCurrentContext(), 'dev');
  assert.equal(kc.getCurrentCluster()?.server, 'https://dev.example:6443');
  assert.equal(kc.getCurrentUser()?.token, 'first-token');
  assert.deepEqual(kc.getContexts().map((c) => c.name).sort(), ['dev', 'prod']);
  assert.equal(contextNamespace(kc), 'team-a');
  assert.equal(kc.getCurrentCluster()?.caFile, join(dir, 'ca.pem'), 'relative paths resolve against their file');
});

test('a context from a later file, with its exec plugin intact', () => {
  const kc = loadKubeConfig({ context: 'prod' }, { KUBECONFIG: `${first}${delimiter}${second}`, HOME: dir });
  assert.equal(kc.getCurrentCluster()?.server, 'https://prod.example');
  assert.equal(kc.getCurrentUser()?.exec?.command, 'aws');
  assert.equal(contextNamespace(kc), 'default');
  assert.throws(() => loadKubeConfig({ context: 'nope' }, { KUBECONFIG: first, HOME: dir }), /context "nope" not found/);
});

test('an explicit kubeconfig wins over $KUBECONFIG; none at all is a readable error', () => {
  const kc = loadKubeConfig({ kubeconfig: second }, { KUBECONFIG: first, HOME: dir });
  assert.equal(kc.getCurrentContext(), 'prod');
  assert.throws(() => loadKubeConfig({}, { HOME: dir }), /no kubeconfig/);
});

test('HTTPS_PROXY applies unless the cluster sets proxy-url, NO_PROXY matches, or the server is loopback', () => {
  const kc = loadKubeConfig({}, { KUBECONFIG: first, HOME: dir, HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'internal.example' });
  assert.equal(kc.getCurrentCluster()?.proxyUrl, 'http://proxy.corp:3128');
  const server = new URL('https://api.internal.example:6443');
  assert.equal(proxyFor(server, { https_proxy: 'http://p:1' }), 'http://p:1');
  assert.equal(proxyFor(server, { https_proxy: 'http://p:1', no_proxy: '.internal.example' }), undefined);
  assert.equal(proxyFor(server, { https_proxy: 'http://p:1', no_proxy: 'internal.example:443' }), 'http://p:1', 'port must match');
  assert.equal(proxyFor(new URL('https://10.1.2.3'), { HTTPS_PROXY: 'http://p:1', NO_PROXY: '10.0.0.0/8' }), undefined);
  assert.equal(proxyFor(new URL('https://127.0.0.1:6443'), { HTTPS_PROXY: 'http://p:1' }), undefined);
  assert.equal(proxyFor(new URL('http://plain.example'), { HTTPS_PROXY: 'http://p:1' }), undefined, 'http servers use HTTP_PROXY');
  assert.equal(proxyFor(server, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }), undefined);
});
