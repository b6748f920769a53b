// The API emulator held to the real kubectl (v1.35) and @kubernetes/client-node.
// One emulator for the file; each test works in its own namespace so tests stay independent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, KubernetesObjectApi, PatchStrategy, Watch, type KubernetesObject } from '@kubernetes/client-node';
import { rawRequest } from '../apiserver/httpsClient';
import { startApiServer, type ApiServer } from '../apiserver/server';
import { crdFixtures, startHarness, waitFor, watchLines, webManifest, type Harness } from '../apiserver/testHarness';
import type { KubectlResult } from '../support/kubectlTool';

let harness: Harness;
let server: ApiServer;

before(async () => {
  harness = await startHarness();
  server = harness.server;
});

after(async () => {
  await harness.close();
});

function kubectl(args: string[], input?: string): Promise<KubectlResult> {
  return harness.kubectl(args, input);
}

function kubectlOk(args: string[], input?: string): Promise<string> {
  return harness.kubectlOk(args, input);
}

interface ManagedEntry {
  manager: string;
  operation: string;
  subresource?: string;
  apiVersion: string;
  time: string;
  fieldsType: string;
  fieldsV1: Record<string, unknown>;
}

interface Deployment {
  metadata: { name: string; generation: number; resourceVersion: string; managedFields: ManagedEntry[] };
  spec: {
    replicas: number; revisionHistoryLimit: number; progressDeadlineSeconds: number;
    strategy: { type: string; rollingUpdate: { maxSurge: string; maxUnavailable: string } };
    template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } };
  };
  status: { observedGeneration: number; availableReplicas: number; conditions: { type: string; status: string }[] };
}

function getJson<T>(namespace: string, resource: string): Promise<T> {
  return harness.getJson<T>(namespace, resource);
}

/** Waits (as kubectl does) until the workload controller reports the rollout complete. */
async function rolledOut(namespace: string, resource: string): Promise<void> {
  await kubectlOk(['-n', namespace, 'rollout', 'status', resource, '--timeout=20s']);
}

async function applyWeb(namespace: string, image = 'nginx:1.27', extra: string[] = []): Promise<KubectlResult> {
  return kubectl(['apply', '--server-side', '-f', '-', ...extra], webManifest(namespace, image));
}

function entry(deployment: Deployment, manager: string, operation: string): ManagedEntry | undefined {
  return deployment.metadata.managedFields.find((e) => e.manager === manager && e.operation === operation);
}

/** Does the entry's FieldsV1 own the nginx container's image? */
function ownsImage(e: ManagedEntry | undefined): boolean {
  let node: unknown = e?.fieldsV1;
  for (const key of ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image']) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

test('kubectl version reports the emulated server version', async () => {
  const out = await kubectlOk(['version']);
  assert.match(out, /Client Version: v1\.35\.2/);
  assert.match(out, /Server Version: v1\.35\.2/);
});

test('kubectl get ns lists the four default namespaces as a table', async () => {
  const out = await kubectlOk(['get', 'ns']);
  const lines = out.trim().split('\n');
  assert.match(lines[0] ?? '', /^NAME\s+STATUS\s+AGE$/);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    assert.ok(lines.some((l) => new RegExp(`^${ns}\\s+Active\\s+\\d+s$`).test(l)), `missing ${ns} in:\n${out}`);
  }
});

test('requests without the bearer token get a 401 Status', async () => {
  const response = await rawRequest(server, '/api/v1/namespaces', { anonymous: true });
  assert.equal(response.status, 401);
  assert.deepEqual(JSON.parse(response.body), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401,
  });
});

test('kubectl create namespace stores it with a kubectl-create Update entry', async () => {
  assert.equal((await kubectlOk(['create', 'namespace', 'created-ns'])).trim(), 'namespace/created-ns created');
  const ns = await getJson<{ metadata: { labels: Record<string, string>; managedFields: ManagedEntry[] }; status: { phase: string } }>('default', 'namespace/created-ns');
  assert.equal(ns.status.phase, 'Active');
  assert.equal(ns.metadata.labels['kubernetes.io/metadata.name'], 'created-ns');
  assert.deepEqual(ns.metadata.managedFields.map((e) => [e.manager, e.operation]), [['kubectl-create', 'Update']]);
  const again = await kubectl(['create', 'namespace', 'created-ns']);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /Error from server \(AlreadyExists\): namespaces "created-ns" already exists/);
});

test('kubectl apply --server-side creates a Deployment and Service in a new namespace', async () => {
  const result = await applyWeb('ssa-create');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(result.stdout.trim().split('\n'), [
    'namespace/ssa-create serverside-applied',
    'deployment.apps/web serverside-applied',
    'service/web serverside-applied',
  ]);
  await rolledOut('ssa-create', 'deployment/web');
  const table = await kubectlOk(['-n', 'ssa-create', 'get', 'deploy']);
  assert.match(table, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+\d+s\n$/);
});

test('a server-side applied Deployment is defaulted and owned by kubectl (Apply) without the defaults', async () => {
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest('ssa-defaults', 'nginx:1.27'));
  await rolledOut('ssa-defaults', 'deployment/web');
  const deployment = await getJson<Deployment>('ssa-defaults', 'deployment/web');
  assert.equal(deployment.spec.revisionHistoryLimit, 10);
  assert.equal(deployment.spec.progressDeadlineSeconds, 600);
  assert.deepEqual(deployment.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  const pod = deployment.spec.template.spec;
  assert.equal(pod['dnsPolicy'], 'ClusterFirst');
  assert.equal(pod['restartPolicy'], 'Always');
  assert.equal(pod['schedulerName'], 'default-scheduler');
  assert.equal(pod['terminationGracePeriodSeconds'], 30);
  assert.deepEqual(pod['securityContext'], {});
  assert.deepEqual(pod.containers[0], {
    name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }],
    resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
  });
  assert.equal(deployment.metadata.generation, 1);
  assert.equal(deployment.status.observedGeneration, 1);
  assert.ok(deployment.status.conditions.some((c) => c.type === 'Available' && c.status === 'True'));

  // The applier, then the controller's status writes (which also carry the revision annotation).
  assert.deepEqual(deployment.metadata.managedFields.map((e) => [e.manager, e.operation, e.subresource]),
    [['kubectl', 'Apply', undefined], ['kube-controller-manager', 'Update', 'status']]);
  assert.deepEqual(entry(deployment, 'kube-controller-manager', 'Update')?.fieldsV1['f:metadata'], {
    'f:annotations': { '.': {}, 'f:deployment.kubernetes.io/revision': {} },
  });
  const applied = entry(deployment, 'kubectl', 'Apply');
  assert.ok(applied, 'kubectl Apply entry');
  assert.equal(applied.apiVersion, 'apps/v1');
  assert.equal(applied.fieldsType, 'FieldsV1');
  assert.match(applied.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(applied.fieldsV1, {
    'f:metadata': { 'f:labels': { 'f:app': {} } },
    'f:spec': {
      'f:replicas': {},
      'f:selector': {},
      'f:template': {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:containers': {
            'k:{"name":"nginx"}': {
              '.': {}, 'f:image': {}, 'f:name': {},
              'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
            },
          },
        },
      },
    },
  });

  const service = await getJson<{ spec: Record<string, unknown> & { ports: Record<string, unknown>[] } }>('ssa-defaults', 'service/web');
  assert.match(String(service.spec['clusterIP']), /^10\.96\.\d+\.\d+$/);
  assert.deepEqual(service.spec['clusterIPs'], [service.spec['clusterIP']]);
  assert.equal(service.spec['type'], 'ClusterIP');
  assert.equal(service.spec['sessionAffinity'], 'None');
  assert.deepEqual(service.spec['ipFamilies'], ['IPv4']);
  assert.equal(service.spec['ipFamilyPolicy'], 'SingleStack');
  assert.equal(service.spec['internalTrafficPolicy'], 'Cluster');
  assert.deepEqual(service.spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
});

test('kubectl set image hands the image to kubectl-set; a different apply conflicts until forced', async () => {
  const ns = 'ssa-conflict';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  assert.equal((await kubectlOk(['-n', ns, 'set', 'image', 'deployment/web', 'nginx=nginx:2'])).trim(), 'deployment.apps/web image updated');

  let deployment = await getJson<Deployment>(ns, 'deployment/web');
  assert.equal(deployment.spec.template.spec.containers[0]?.['image'], 'nginx:2');
  assert.equal(deployment.metadata.generation, 2);
  const setEntry = entry(deployment, 'kubectl-set', 'Update');
  assert.ok(setEntry, 'kubectl-set Update entry');
  assert.deepEqual(setEntry.fieldsV1, { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } } });
  assert.equal(ownsImage(entry(deployment, 'kubectl', 'Apply')), false, 'the applier lost the image');
  const operations = deployment.metadata.managedFields.map((e) => e.operation);
  assert.deepEqual(operations, [...operations].sort(), 'Apply entries sort first');

  const conflict = await applyWeb(ns, 'nginx:1.28');
  assert.notEqual(conflict.code, 0);
  assert.match(conflict.stderr, /error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps\/v1: \.spec\.template\.spec\.containers\[name="nginx"\]\.image\n/);
  assert.match(conflict.stderr, /--force-conflicts/);
  deployment = await getJson<Deployment>(ns, 'deployment/web');
  assert.equal(deployment.spec.template.spec.containers[0]?.['image'], 'nginx:2', 'a conflicting apply changes nothing');

  const forced = await applyWeb(ns, 'nginx:1.28', ['--force-conflicts']);
  assert.equal(forced.code, 0, forced.stderr);
  deployment = await getJson<Deployment>(ns, 'deployment/web');
  assert.equal(deployment.spec.template.spec.containers[0]?.['image'], 'nginx:1.28');
  assert.equal(ownsImage(entry(deployment, 'kubectl', 'Apply')), true);
  assert.equal(entry(deployment, 'kubectl-set', 'Update'), undefined, 'an emptied manager entry is dropped');
});

test('the raw 409 conflict Status has the apiserver shape', async () => {
  const ns = 'ssa-raw-conflict';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await kubectlOk(['-n', ns, 'scale', 'deployment/web', '--replicas=5']);
  const body = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'other:1' }] } } },
  };
  const path = `/apis/apps/v1/namespaces/${ns}/deployments/web?fieldManager=other&force=false`;
  const response = await rawRequest(server, path, { method: 'PATCH', body, contentType: 'application/apply-patch+yaml' });
  assert.equal(response.status, 409);
  const image = '.spec.template.spec.containers[name="nginx"].image';
  assert.deepEqual(JSON.parse(response.body), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: `Apply failed with 2 conflicts: conflicts with "kubectl":\n- ${image}\nconflicts with "kubectl" with subresource "scale" using apps/v1:\n- .spec.replicas`,
    reason: 'Conflict',
    details: { causes: [
      { type: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: image },
      { type: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale" using apps/v1', field: '.spec.replicas' },
    ] },
    code: 409,
  });
});

test('apply without fieldManager is 422, and SMP on a custom resource is 415', async () => {
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
  const missing = await rawRequest(server, '/api/v1/namespaces/default/configmaps/x', { method: 'PATCH', body, contentType: 'application/apply-patch+yaml' });
  assert.equal(missing.status, 422);
  const status = JSON.parse(missing.body) as { message: string; reason: string };
  assert.equal(status.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  assert.equal(status.reason, 'Invalid');

  await kubectlOk(['apply', '--server-side', '-f', '-'], await crdFixtures());
  await waitFor(async () => (await rawRequest(server, '/apis/argoproj.io/v1alpha1/namespaces/default/applications')).status === 200, 'applications to be served');
  await rawRequest(server, '/apis/argoproj.io/v1alpha1/namespaces/default/applications?fieldManager=t', {
    method: 'POST', body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'guestbook' }, spec: { project: 'default' } },
  });
  const smp = await rawRequest(server, '/apis/argoproj.io/v1alpha1/namespaces/default/applications/guestbook', {
    method: 'PATCH', body: { spec: { project: 'x' } }, contentType: 'application/strategic-merge-patch+json',
  });
  assert.equal(smp.status, 415);
  assert.match(JSON.parse(smp.body).message as string, /^the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml$/);
});

test('apply --dry-run=server answers without storing', async () => {
  const ns = 'ssa-dry-run';
  const namespaceOnly = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ssa-dry-run-new\n';
  const created = await kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], namespaceOnly);
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout.trim(), 'namespace/ssa-dry-run-new serverside-applied (server dry run)');
  const gone = await kubectl(['get', 'namespace', 'ssa-dry-run-new']);
  assert.match(gone.stderr, /Error from server \(NotFound\): namespaces "ssa-dry-run-new" not found/);

  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await rolledOut(ns, 'deployment/web');
  const before = await getJson<Deployment>(ns, 'deployment/web');
  const dry = await kubectl(['apply', '--server-side', '--dry-run=server', '-f', '-'], webManifest(ns, 'nginx:9', 7));
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /deployment\.apps\/web serverside-applied \(server dry run\)/);
  const afterDry = await getJson<Deployment>(ns, 'deployment/web');
  assert.equal(afterDry.spec.replicas, 2);
  assert.equal(afterDry.metadata.resourceVersion, before.metadata.resourceVersion);
});

test('kubectl patch --type merge updates and records kubectl-patch', async () => {
  const ns = 'merge-patch';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  const before = await getJson<Deployment>(ns, 'deployment/web');
  const out = await kubectlOk(['-n', ns, 'patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":4}}']);
  assert.equal(out.trim(), 'deployment.apps/web patched');
  await rolledOut(ns, 'deployment/web');
  const deployment = await getJson<Deployment>(ns, 'deployment/web');
  assert.equal(deployment.spec.replicas, 4);
  assert.equal(deployment.status.availableReplicas, 4);
  assert.ok(Number(deployment.metadata.resourceVersion) > Number(before.metadata.resourceVersion));
  assert.deepEqual(entry(deployment, 'kubectl-patch', 'Update')?.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
  const unchanged = await kubectlOk(['-n', ns, 'patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":4}}']);
  assert.equal(unchanged.trim(), 'deployment.apps/web patched (no change)');
});

test('strategic merge patch merges containers by name and honours $setElementOrder and $patch: delete', async () => {
  const ns = 'smp';
  await kubectlOk(['create', 'namespace', ns]);
  const deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'two', namespace: ns },
    spec: {
      selector: { matchLabels: { app: 'two' } },
      template: { metadata: { labels: { app: 'two' } }, spec: { containers: [
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] },
        { name: 'b', image: 'b:1' },
      ] } },
    },
  };
  const created = await rawRequest(server, `/apis/apps/v1/namespaces/${ns}/deployments`, { method: 'POST', body: deployment });
  assert.equal(created.status, 201, created.body);
  const patch = {
    spec: { template: { spec: {
      '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
      containers: [{ name: 'a', image: 'a:2', env: [{ name: 'X', $patch: 'delete' }] }],
    } } },
  };
  const response = await rawRequest(server, `/apis/apps/v1/namespaces/${ns}/deployments/two?fieldManager=smp-test`, {
    method: 'PATCH', body: patch, contentType: 'application/strategic-merge-patch+json',
  });
  assert.equal(response.status, 200, response.body);
  const containers = (JSON.parse(response.body) as Deployment).spec.template.spec.containers;
  assert.deepEqual(containers.map((c) => [c['name'], c['image']]), [['b', 'b:1'], ['a', 'a:2']]);
  assert.deepEqual(containers[1]?.['env'], [{ name: 'Y', value: '2' }]);
});

test('kubectl delete waits for the deletion and the object is gone', async () => {
  const ns = 'delete-wait';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  const started = Date.now();
  const out = await kubectlOk(['-n', ns, 'delete', 'deployment', 'web', '--timeout=20s']);
  assert.match(out, /deployment\.apps "web" deleted/);
  assert.ok(Date.now() - started < 15_000, 'delete returned promptly');
  const get = await kubectl(['-n', ns, 'get', 'deployment', 'web']);
  assert.equal(get.code, 1);
  assert.equal(get.stderr.trim(), 'Error from server (NotFound): deployments.apps "web" not found');
});

test('kubectl wait lists and watches with a metadata.name field selector', async () => {
  const ns = 'wait-condition';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  const out = await kubectlOk(['-n', ns, 'wait', '--for=condition=Available', '--timeout=20s', 'deployment/web']);
  assert.equal(out.trim(), 'deployment.apps/web condition met');
});

test('creating in a missing namespace is 404 namespaces "x" not found', async () => {
  const result = await kubectl(['-n', 'no-such-ns', 'create', 'configmap', 'c', '--from-literal=a=b']);
  assert.equal(result.code, 1);
  assert.equal(result.stderr.trim(), 'error: failed to create configmap: namespaces "no-such-ns" not found');
  const raw = await rawRequest(server, '/api/v1/namespaces/no-such-ns/configmaps', { method: 'POST', body: { metadata: { name: 'c' } } });
  assert.equal(raw.status, 404);
  assert.deepEqual(JSON.parse(raw.body), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'namespaces "no-such-ns" not found',
    reason: 'NotFound', details: { name: 'no-such-ns', kind: 'namespaces' }, code: 404,
  });
});

test('kubectl get -w --output-watch-events sees ADDED, MODIFIED and DELETED', async () => {
  const ns = 'kubectl-watch';
  await kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await rolledOut(ns, 'deployment/web');
  const watcher = await harness.startKubectl(['-n', ns, 'get', 'deployments', '-w', '--output-watch-events']);
  try {
    await watcher.waitForOutput((out) => /^ADDED\s+web\s+2\/2/m.test(out));
    await kubectlOk(['-n', ns, 'scale', 'deployment/web', '--replicas=3']);
    await watcher.waitForOutput((out) => /^MODIFIED\s+web\s+3\/3/m.test(out));
    await kubectlOk(['-n', ns, 'delete', 'deployment/web']);
    const out = await watcher.waitForOutput((text) => /^DELETED\s+web/m.test(text));
    assert.match(out.split('\n')[0] ?? '', /^EVENT\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
  } finally {
    await watcher.stop();
  }
});

function clientFor(apiServer: ApiServer): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(apiServer.kubeconfigPath);
  return kc;
}

test('@kubernetes/client-node reads and server-side applies through KubernetesObjectApi', async () => {
  const kc = clientFor(server);
  assert.equal(kc.getCurrentContext(), 'driftline-demo');
  const api = KubernetesObjectApi.makeApiClient(kc);
  const ns = await api.read({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  assert.equal(ns.metadata?.name, 'default');

  const spec: KubernetesObject & { data: Record<string, string> } = {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'a' },
  };
  const created = await api.patch(spec, undefined, undefined, 'driftline-test', true, PatchStrategy.ServerSideApply);
  assert.equal(created.data.mode, 'a');
  const updated = await api.patch({ ...spec, data: { mode: 'b' } }, undefined, undefined, 'driftline-test', true, PatchStrategy.ServerSideApply);
  assert.equal(updated.data.mode, 'b');
  const read = await api.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' } });
  assert.deepEqual(read.metadata?.managedFields?.map((e) => [e.manager, e.operation]), [['driftline-test', 'Apply']]);
  await assert.rejects(api.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'absent', namespace: 'default' } }), (error: { code?: number }) => error.code === 404);
});

test('@kubernetes/client-node Watch receives ADDED, MODIFIED and DELETED', async () => {
  const kc = clientFor(server);
  const api = KubernetesObjectApi.makeApiClient(kc);
  await kubectlOk(['create', 'namespace', 'client-watch']);
  const events: string[] = [];
  const controller = await new Watch(kc).watch('/api/v1/namespaces/client-watch/configmaps', {},
    (type, object: { metadata: { name: string }; data?: Record<string, string> }) => events.push(`${type} ${object.metadata.name} ${object.data?.['k'] ?? ''}`),
    () => undefined);
  try {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched', namespace: 'client-watch' }, data: { k: '1' } };
    await api.create(cm);
    await waitFor(() => events.includes('ADDED watched 1'), 'ADDED');
    await api.patch({ ...cm, data: { k: '2' } }, undefined, undefined, 'driftline-test', true, PatchStrategy.ServerSideApply);
    await waitFor(() => events.includes('MODIFIED watched 2'), 'MODIFIED');
    await api.delete(cm);
    await waitFor(() => events.includes('DELETED watched 2'), 'DELETED');
    assert.deepEqual(events, ['ADDED watched 1', 'MODIFIED watched 2', 'DELETED watched 2']);
  } finally {
    controller.abort();
  }
});

test('watch replays after resourceVersion, filters by label, sends bookmarks and closes at timeoutSeconds', async () => {
  const ns = 'raw-watch';
  await kubectlOk(['create', 'namespace', ns]);
  const list = await rawRequest(server, `/api/v1/namespaces/${ns}/configmaps`);
  const listed = JSON.parse(list.body) as { kind: string; metadata: { resourceVersion: string } };
  assert.equal(listed.kind, 'ConfigMapList');
  const rv = listed.metadata.resourceVersion;
  const watching = rawRequest(server, `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${rv}&labelSelector=team%3Dblue&allowWatchBookmarks=true&timeoutSeconds=1`);
  for (const [name, team] of [['blue-1', 'blue'], ['red-1', 'red']]) {
    await rawRequest(server, `/api/v1/namespaces/${ns}/configmaps`, { method: 'POST', body: { metadata: { name, labels: { team } } } });
  }
  // blue-1 leaves the selector: a watcher sees it as DELETED.
  await rawRequest(server, `/api/v1/namespaces/${ns}/configmaps/blue-1`, { method: 'PATCH', body: { metadata: { labels: { team: 'red' } } }, contentType: 'application/merge-patch+json' });
  const started = Date.now();
  const response = await watching;
  assert.ok(Date.now() - started < 5000, 'closed by timeoutSeconds');
  assert.equal(response.status, 200);
  const events = watchLines(response.body);
  const changes = events.filter((e) => e.type !== 'BOOKMARK').map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`);
  assert.deepEqual(changes, ['ADDED blue-1', 'DELETED blue-1']);
  const bookmark = events.find((e) => e.type === 'BOOKMARK');
  assert.ok(bookmark, 'at least one bookmark');
  assert.equal(bookmark.object.kind, 'ConfigMap');
  assert.match(bookmark.object.metadata?.resourceVersion ?? '', /^\d+$/);
});

test('a watch from a compacted resourceVersion gets a 410 Expired ERROR event', async () => {
  const small = await startApiServer({ port: 0, watchHistoryLimit: 3 });
  try {
    for (let i = 0; i < 5; i++) {
      await rawRequest(small, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: { metadata: { name: `c${i}` } } });
    }
    const response = await rawRequest(small, '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1');
    assert.equal(response.status, 200);
    const [event, ...rest] = watchLines(response.body);
    assert.equal(rest.length, 0);
    assert.equal(event?.type, 'ERROR');
    assert.equal(event.object.code, 410);
    assert.equal(event.object.reason, 'Expired');
    assert.match(event.object.message ?? '', /^too old resource version: 1 \(\d+\)$/);
  } finally {
    await small.close();
  }
});

test('sendInitialEvents ends the initial burst with an annotated bookmark', async () => {
  const response = await rawRequest(server, '/api/v1/namespaces?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1&fieldSelector=metadata.name%3Ddefault');
  const events = watchLines(response.body);
  assert.deepEqual(events.slice(0, 2).map((e) => e.type), ['ADDED', 'BOOKMARK']);
  assert.equal(events[0]?.object.metadata?.name, 'default');
  assert.equal(events[1]?.object.metadata?.annotations?.['k8s.io/initial-events-end'], 'true');
});

test('closing the server ends open watches', async () => {
  const temporary = await startApiServer({ port: 0 });
  const watching = rawRequest(temporary, '/api/v1/namespaces?watch=true');
  await waitFor(() => temporary.openWatchCount() === 1, 'the watch to open');
  await temporary.close();
  assert.equal(temporary.openWatchCount(), 0);
  const response = await watching;
  assert.equal(response.status, 200);
  assert.equal(watchLines(response.body).length, 4, 'the four default namespaces, then the end');
});
