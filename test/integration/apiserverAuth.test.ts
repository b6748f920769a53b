// Bearer-token users with RBAC-like rules: 403s spelled as the real apiserver and kubectl
// print them, 401 for unknown and expired tokens, one kubeconfig context per user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import { rawRequest } from '../apiserver/httpsClient';
import { startHarness, webManifest, type Harness } from '../apiserver/testHarness';

let harness: Harness;

before(async () => {
  harness = await startHarness({
    users: [
      { name: 'viewer', rules: [{ verbs: ['get', 'list', 'watch'], resources: ['*'], namespaces: ['team-a'] }] },
      {
        name: 'deployer', token: 'deployer-token',
        rules: [
          { verbs: ['get', 'list', 'watch', 'patch'], apiGroups: ['apps'], resources: ['deployments'], namespaces: ['team-a'] },
          { verbs: ['get', 'list'], apiGroups: [''], resources: ['namespaces'] },
        ],
      },
      { name: 'former-employee', expiresAt: new Date(Date.now() - 1000) },
      { name: 'rotating' },
    ],
  });
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest('team-a', 'nginx:1.27'));
  await harness.kubectlOk(['create', 'namespace', 'team-b']);
});

after(async () => {
  await harness.close();
});

function as(user: string, args: string[], input?: string): ReturnType<Harness['kubectl']> {
  return harness.kubectl(['--context', `driftline-demo-${user}`, ...args], input);
}

function tokenOf(name: string): string {
  const user = harness.server.users.find((u) => u.name === name);
  assert.ok(user, `user ${name}`);
  return user.token;
}

test('the kubeconfig has the admin context first and one context per user', async () => {
  const contexts = (await harness.kubectlOk(['config', 'get-contexts', '-o', 'name'])).trim().split('\n').sort();
  assert.deepEqual(contexts, ['driftline-demo', 'driftline-demo-deployer', 'driftline-demo-former-employee', 'driftline-demo-rotating', 'driftline-demo-viewer']);
  assert.equal((await harness.kubectlOk(['config', 'current-context'])).trim(), 'driftline-demo');
  assert.equal(tokenOf('deployer'), 'deployer-token');
  assert.deepEqual(harness.server.users.map((u) => u.name), ['admin', 'viewer', 'deployer', 'former-employee', 'rotating']);
});

test('kubectl prints 403s with the apiserver message for each scope and verb', async () => {
  const allowed = await as('viewer', ['-n', 'team-a', 'get', 'deploy', 'web', '-o', 'name']);
  assert.equal(allowed.stdout.trim(), 'deployment.apps/web');
  const cases: [string[], string][] = [
    [['-n', 'team-b', 'get', 'deploy'], 'deployments.apps is forbidden: User "viewer" cannot list resource "deployments" in API group "apps" in the namespace "team-b"'],
    [['get', 'namespaces'], 'namespaces is forbidden: User "viewer" cannot list resource "namespaces" in API group "" at the cluster scope'],
    [['-n', 'team-a', 'scale', 'deploy/web', '--replicas=1'], 'deployments.apps "web" is forbidden: User "viewer" cannot patch resource "deployments/scale" in API group "apps" in the namespace "team-a"'],
    [['-n', 'team-a', 'delete', 'service', 'web'], 'services "web" is forbidden: User "viewer" cannot delete resource "services" in API group "" in the namespace "team-a"'],
    [['-n', 'team-a', 'create', 'configmap', 'x'], 'configmaps is forbidden: User "viewer" cannot create resource "configmaps" in API group "" in the namespace "team-a"'],
  ];
  for (const [args, message] of cases) {
    const result = await as('viewer', args);
    assert.equal(result.code, 1, args.join(' '));
    assert.equal(result.stderr.trim(), message.startsWith('configmaps') ? `error: failed to create configmap: ${message}` : `Error from server (Forbidden): ${message}`);
  }
});

test('a user may patch only what its rules allow: set image works, apply of the Service is refused', async () => {
  assert.equal((await as('deployer', ['-n', 'team-a', 'set', 'image', 'deployment/web', 'nginx=nginx:1.28'])).stdout.trim(), 'deployment.apps/web image updated');
  const apply = await as('deployer', ['apply', '--server-side', '--force-conflicts', '-f', '-'], webManifest('team-a', 'nginx:1.29'));
  assert.equal(apply.code, 1);
  assert.deepEqual(apply.stderr.trim().split('\n'), [
    'Error from server (Forbidden): namespaces "team-a" is forbidden: User "deployer" cannot patch resource "namespaces" in API group "" at the cluster scope',
    'Error from server (Forbidden): services "web" is forbidden: User "deployer" cannot patch resource "services" in API group "" in the namespace "team-a"',
  ]);
  assert.match(apply.stdout, /deployment\.apps\/web serverside-applied/);
});

test('the raw 403 Status has the apiserver shape', async () => {
  const response = await rawRequest(harness.server, '/apis/apps/v1/namespaces/team-b/deployments/web', { token: tokenOf('viewer') });
  assert.equal(response.status, 403);
  assert.deepEqual(JSON.parse(response.body), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: 'deployments.apps "web" is forbidden: User "viewer" cannot get resource "deployments" in API group "apps" in the namespace "team-b"',
    reason: 'Forbidden', details: { name: 'web', group: 'apps', kind: 'deployments' }, code: 403,
  });
  const discovery = await rawRequest(harness.server, '/apis', { token: tokenOf('viewer') });
  assert.equal(discovery.status, 200, 'discovery is open to every authenticated user');
  const admin = await rawRequest(harness.server, '/_driftline/faults', { token: tokenOf('viewer'), method: 'POST', body: { action: 'clear' } });
  assert.equal(admin.status, 403);
  assert.equal((JSON.parse(admin.body) as { message: string }).message, 'forbidden: User "viewer" cannot post path "/_driftline/faults"');
});

test('unknown and expired tokens get 401, and kubectl asks to log in', async () => {
  const expired = await as('former-employee', ['get', 'ns']);
  assert.equal(expired.code, 1);
  assert.equal(expired.stderr.trim().split('\n').pop(), 'error: You must be logged in to the server (Unauthorized)');
  const unknown = await rawRequest(harness.server, '/api/v1/namespaces', { token: 'not-a-token' });
  assert.equal(unknown.status, 401);
  assert.equal((JSON.parse(unknown.body) as { reason: string }).reason, 'Unauthorized');

  assert.equal((await as('rotating', ['get', 'ns', 'default', '-o', 'name'])).stdout.trim(), 'namespace/default');
  const expire = await rawRequest(harness.server, '/_driftline/users', { method: 'POST', body: { action: 'expire', name: 'rotating' } });
  assert.equal(expire.status, 200, expire.body);
  const after = await rawRequest(harness.server, '/api/v1/namespaces/default', { token: tokenOf('rotating') });
  assert.equal(after.status, 401);
});

test('client-node sees the same 403 as an ApiException, through a user context', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(harness.server.kubeconfigPath);
  kc.setCurrentContext('driftline-demo-viewer');
  const api = KubernetesObjectApi.makeApiClient(kc);
  const live = await api.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'team-a' } });
  assert.equal(live.metadata?.name, 'web');
  const patch = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'team-a' }, spec: { replicas: 5 } };
  await assert.rejects(api.patch(patch, undefined, undefined, 'viewer', true, PatchStrategy.ServerSideApply), (error: unknown) => {
    assert.ok(error instanceof ApiException, String(error));
    assert.equal(error.code, 403);
    const body = (typeof error.body === 'string' ? JSON.parse(error.body) : error.body) as { message: string };
    assert.equal(body.message, 'deployments.apps "web" is forbidden: User "viewer" cannot patch resource "deployments" in API group "apps" in the namespace "team-a"');
    return true;
  });
});
