// CustomResourceDefinitions served dynamically by the emulator, driven by the real kubectl
// (v1.35) and @kubernetes/client-node with the CRDs in test/fixtures/crds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import { rawRequest } from '../apiserver/httpsClient';
import { crdFixtures, startHarness, waitFor, watchLines, type Harness } from '../apiserver/testHarness';

let harness: Harness;

before(async () => {
  harness = await startHarness();
  await harness.kubectlOk(['create', 'namespace', 'crs']);
});

after(async () => {
  await harness.close();
});

const crdNames = [
  'applications.argoproj.io', 'applicationsets.argoproj.io', 'appprojects.argoproj.io',
  'certificates.cert-manager.io', 'externalsecrets.external-secrets.io',
];

async function applyCrds(): Promise<void> {
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], await crdFixtures());
  await harness.kubectlOk(['wait', '--for=condition=Established', '--timeout=20s', ...crdNames.map((n) => `crd/${n}`)]);
}

function certificate(dnsNames: string[]): string {
  return `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: web, namespace: crs}
spec:
  secretName: web-tls
  dnsNames: [${dnsNames.join(', ')}]
  issuerRef: {name: letsencrypt, kind: ClusterIssuer}
`;
}

interface Managed { manager: string; operation: string; subresource?: string; fieldsV1: Record<string, unknown> }

test('a fresh cluster serves no custom kinds; applied CRDs are served, Established and discoverable', async () => {
  const before = await harness.kubectl(['get', 'applications']);
  assert.equal(before.code, 1);
  assert.match(before.stderr, /the server doesn't have a resource type "applications"/);

  const out = await harness.kubectlOk(['apply', '--server-side', '-f', '-'], await crdFixtures());
  assert.deepEqual(out.trim().split('\n').sort(), crdNames.map((n) => `customresourcedefinition.apiextensions.k8s.io/${n} serverside-applied`));
  await applyCrds();
  const crd = await harness.getJson<{ spec: { names: Record<string, unknown>; conversion: unknown }; status: { acceptedNames: { kind: string }; storedVersions: string[] }; metadata: { managedFields: Managed[] } }>('default', 'crd/certificates.cert-manager.io');
  assert.equal(crd.status.acceptedNames.kind, 'Certificate');
  assert.deepEqual(crd.status.storedVersions, ['v1']);
  assert.deepEqual(crd.spec.conversion, { strategy: 'None' });
  assert.deepEqual(crd.metadata.managedFields.map((e) => [e.manager, e.operation, e.subresource]),
    [['kubectl', 'Apply', undefined], ['kube-apiserver', 'Update', 'status']]);

  assert.match(await harness.kubectlOk(['get', 'crd']), /^NAME\s+CREATED AT\napplications\.argoproj\.io\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/);
  const resources = await harness.kubectlOk(['api-resources', '--api-group=argoproj.io']);
  assert.match(resources, /^applications\s+app,apps\s+argoproj\.io\/v1alpha1\s+true\s+Application$/m);
  assert.match(resources, /^applicationsets\s+appset,appsets\s+argoproj\.io\/v1alpha1\s+true\s+ApplicationSet$/m);
  assert.match(resources, /^appprojects\s+appproj,appprojs\s+argoproj\.io\/v1alpha1\s+true\s+AppProject$/m);
  const es = await harness.kubectlOk(['api-resources', '--categories=external-secrets']);
  assert.match(es, /^externalsecrets\s+es\s+external-secrets\.io\/v1\s+true\s+ExternalSecret$/m);
});

test('custom resources get their printer columns and schema defaults', async () => {
  await applyCrds();
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: guestbook, namespace: crs}
spec:
  project: default
  source: {repoURL: 'https://example.com/repo.git', path: guestbook, targetRevision: HEAD}
  destination: {server: 'https://kubernetes.default.svc', namespace: guestbook}
status:
  sync: {status: Synced, revision: abc123}
  health: {status: Healthy}
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: db, namespace: crs}
spec:
  secretStoreRef: {name: vault, kind: ClusterSecretStore}
  target: {name: db}
  data:
  - secretKey: password
    remoteRef: {key: db/password}
`);
  // No status subresource on Application: its status is written with the object, as Argo CD does.
  assert.match(await harness.kubectlOk(['-n', 'crs', 'get', 'app']), /^NAME\s+SYNC STATUS\s+HEALTH STATUS\nguestbook\s+Synced\s+Healthy\n$/);
  assert.match(await harness.kubectlOk(['-n', 'crs', 'get', 'app', '-o', 'wide']), /^guestbook\s+Synced\s+Healthy\s+abc123\s+default$/m);
  const secret = await harness.getJson<{ spec: { refreshInterval: string; target: { creationPolicy: string } } }>('crs', 'externalsecret/db');
  assert.equal(secret.spec.refreshInterval, '1h0m0s');
  assert.equal(secret.spec.target.creationPolicy, 'Owner');
  assert.match(await harness.kubectlOk(['-n', 'crs', 'get', 'es']), /^NAME\s+STORETYPE\s+STORE\s+REFRESH INTERVAL\s+STATUS\s+READY\ndb\s+ClusterSecretStore\s+vault\s+1h0m0s\s+$/m);
});

test('server-side apply treats unmarked CR lists as atomic and x-kubernetes-list-type map lists by key', async () => {
  await applyCrds();
  await harness.kubectlOk(['apply', '--server-side', '--field-manager=team-a', '-f', '-'], certificate(['a.example.com', 'b.example.com']));
  const conflict = await harness.kubectl(['apply', '--server-side', '--field-manager=team-b', '-f', '-'], certificate(['c.example.com']));
  assert.equal(conflict.code, 1);
  assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "team-a": \.spec\.dnsNames\n/);
  await harness.kubectlOk(['apply', '--server-side', '--field-manager=team-b', '--force-conflicts', '-f', '-'], certificate(['c.example.com']));
  let cert = await harness.getJson<{ spec: { dnsNames: string[] }; status?: { conditions: { type: string; status: string }[] }; metadata: { managedFields: Managed[] } }>('crs', 'certificate/web');
  assert.deepEqual(cert.spec.dnsNames, ['c.example.com'], 'an atomic list is replaced whole');

  // Two controllers apply one condition each through /status: the map list keeps both.
  const path = '/apis/cert-manager.io/v1/namespaces/crs/certificates/web/status';
  for (const [manager, type] of [['cert-manager-certificates-readiness', 'Ready'], ['cert-manager-certificates-trigger', 'Issuing']]) {
    const body = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'web', namespace: 'crs' }, status: { conditions: [{ type, status: 'True', reason: 'Test', message: type }] } };
    const response = await rawRequest(harness.server, `${path}?fieldManager=${manager}&force=true`, { method: 'PATCH', body, contentType: 'application/apply-patch+yaml' });
    assert.equal(response.status, 200, response.body);
  }
  cert = await harness.getJson('crs', 'certificate/web');
  assert.deepEqual(cert.status?.conditions.map((c) => c.type), ['Ready', 'Issuing']);
  const readiness = cert.metadata.managedFields.find((e) => e.manager === 'cert-manager-certificates-readiness');
  assert.equal(readiness?.subresource, 'status');
  assert.ok(JSON.stringify(readiness?.fieldsV1).includes('"k:{\\"type\\":\\"Ready\\"}"'), JSON.stringify(readiness?.fieldsV1));
  assert.match(await harness.kubectlOk(['-n', 'crs', 'get', 'cert']), /^web\s+True\s+web-tls\s+\d+s$/m);
});

test('kubectl patch: strategic merge on a CR is refused (415) as kubectl reports it; merge and json patches work', async () => {
  await applyCrds();
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata: {name: team, namespace: crs}\nspec: {sourceRepos: ["*"]}\n');
  const smp = await harness.kubectl(['-n', 'crs', 'patch', 'appproject', 'team', '-p', '{"spec":{"description":"x"}}']);
  assert.equal(smp.code, 1);
  assert.equal(smp.stderr.trim(), 'error: application/strategic-merge-patch+json is not supported by argoproj.io/v1alpha1, Kind=AppProject: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
  assert.equal((await harness.kubectlOk(['-n', 'crs', 'patch', 'appproject', 'team', '--type', 'merge', '-p', '{"spec":{"description":"x"}}'])).trim(), 'appproject.argoproj.io/team patched');
  await harness.kubectlOk(['-n', 'crs', 'patch', 'appproject', 'team', '--type', 'json', '-p', '[{"op":"add","path":"/spec/sourceRepos/-","value":"https://b"}]']);
  const project = await harness.getJson<{ spec: { description: string; sourceRepos: string[] }; metadata: { generation: number } }>('crs', 'appproject/team');
  assert.deepEqual(project.spec, { description: 'x', sourceRepos: ['*', 'https://b'] });
  assert.equal(project.metadata.generation, 3);
});

test('client-node lists, patches and reads custom resources; watches see them', async () => {
  await applyCrds();
  const kc = new KubeConfig();
  kc.loadFromFile(harness.server.kubeconfigPath);
  const api = KubernetesObjectApi.makeApiClient(kc);
  const watching = rawRequest(harness.server, '/apis/argoproj.io/v1alpha1/namespaces/crs/applicationsets?watch=true&timeoutSeconds=2');
  await waitFor(() => harness.server.openWatchCount() > 0, 'the watch to open');
  const appSet = { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'clusters', namespace: 'crs' }, spec: { generators: [{ list: { elements: [] } }], template: {} } };
  await api.patch(appSet, undefined, undefined, 'driftline-test', true, PatchStrategy.ServerSideApply);
  await api.patch({ ...appSet, spec: { ...appSet.spec, goTemplate: true } }, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
  const list = await api.list('argoproj.io/v1alpha1', 'ApplicationSet', 'crs');
  assert.deepEqual(list.items.map((i) => [i.kind, i.metadata?.name]), [['ApplicationSet', 'clusters']], 'CR list items keep kind');
  const read = await api.read<typeof appSet & { spec: { goTemplate?: boolean } }>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'clusters', namespace: 'crs' } });
  assert.equal(read.spec.goTemplate, true);
  const events = watchLines((await watching).body).map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`);
  assert.deepEqual(events, ['ADDED clusters', 'MODIFIED clusters']);
});

test('deleting a CRD deletes its custom resources and stops serving the kind', async () => {
  await applyCrds();
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata: {name: doomed, namespace: crs}\nspec: {}\n');
  const list = await rawRequest(harness.server, '/apis/argoproj.io/v1alpha1/appprojects');
  const rv = (JSON.parse(list.body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
  const watching = rawRequest(harness.server, `/apis/argoproj.io/v1alpha1/appprojects?watch=true&resourceVersion=${rv}&timeoutSeconds=2`);
  await waitFor(() => harness.server.openWatchCount() > 0, 'the watch to open');
  assert.equal((await harness.kubectlOk(['delete', 'crd', 'appprojects.argoproj.io'])).trim(), 'customresourcedefinition.apiextensions.k8s.io "appprojects.argoproj.io" deleted');
  const deleted = watchLines((await watching).body).filter((e) => e.type === 'DELETED').map((e) => e.object.metadata?.name);
  assert.ok(deleted.includes('doomed'), `DELETED events: ${deleted.join(',')}`);
  const gone = await rawRequest(harness.server, '/apis/argoproj.io/v1alpha1/namespaces/crs/appprojects');
  assert.equal(gone.status, 404);
  const discovery = JSON.parse((await rawRequest(harness.server, '/apis/argoproj.io/v1alpha1')).body) as { resources: { name: string }[] };
  assert.deepEqual(discovery.resources.map((r) => r.name).sort(), ['applications', 'applicationsets', 'applicationsets/status']);
});

test('a CRD whose name does not match its names is refused with 422', async () => {
  const bad = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Gadget, plural: gadgets}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n';
  const result = await harness.kubectl(['apply', '--server-side', '-f', '-'], bad);
  assert.equal(result.code, 1);
  // kubectl rewrites Invalid errors as `The <details.kind> "<name>" is invalid: <causes>`.
  assert.equal(result.stderr.trim(), 'The CustomResourceDefinition "widgets.example.com" is invalid: metadata.name: Invalid value: "widgets.example.com": must be spec.names.plural+"."+spec.group');
  const raw = await rawRequest(harness.server, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
    method: 'POST', body: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', names: { kind: 'Gadget', plural: 'gadgets' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] } },
  });
  assert.equal(raw.status, 422);
  const status = JSON.parse(raw.body) as { message: string; details: { kind: string; causes: { field: string }[] } };
  assert.equal(status.details.kind, 'CustomResourceDefinition');
  assert.deepEqual(status.details.causes.map((c) => c.field), ['metadata.name', 'spec.versions[0].schema.openAPIV3Schema']);
  assert.match(status.message, /^CustomResourceDefinition\.apiextensions\.k8s\.io "widgets\.example\.com" is invalid: \[metadata\.name: Invalid value/);
});
