// Everyday kubectl (v1.35) against the emulator: output formats, label/annotate, the three
// patch types, scale, diff; and the same objects through @kubernetes/client-node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import { parse as parseYaml } from 'yaml';
import { startHarness, webManifest, type Harness } from '../apiserver/testHarness';

let harness: Harness;
const ns = 'everyday';

before(async () => {
  harness = await startHarness();
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], webManifest(ns, 'nginx:1.27'));
  await harness.kubectlOk(['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=20s']);
});

after(async () => {
  await harness.close();
});

interface Managed { manager: string; operation: string; fieldsV1: Record<string, unknown> }
interface Deployment {
  kind?: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string>; managedFields?: Managed[]; resourceVersion: string };
  spec: { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
}

function kubectlOk(args: string[], input?: string): Promise<string> {
  return harness.kubectlOk(['-n', ns, ...args], input);
}

function deployment(): Promise<Deployment> {
  return harness.getJson<Deployment>(ns, 'deployment/web');
}

test('get -o yaml and -o json print the stored object; lists are kind List', async () => {
  const yaml = parseYaml(await kubectlOk(['get', 'deployment', 'web', '-o', 'yaml'])) as Deployment & { apiVersion: string };
  assert.equal(yaml.apiVersion, 'apps/v1');
  assert.equal(yaml.kind, 'Deployment');
  assert.equal(yaml.metadata.managedFields, undefined, 'managedFields are hidden unless asked for');
  assert.equal(yaml.spec.template.spec.containers[0]?.['image'], 'nginx:1.27');
  const list = JSON.parse(await kubectlOk(['get', 'deployments,services', '-o', 'json'])) as { kind: string; items: { kind: string; metadata: { name: string } }[] };
  assert.equal(list.kind, 'List');
  assert.deepEqual(list.items.map((i) => `${i.kind}/${i.metadata.name}`), ['Deployment/web', 'Service/web']);
  assert.equal((await kubectlOk(['get', 'deploy', 'web', '-o', 'jsonpath={.status.availableReplicas}'])), '2');
});

test('label and annotate add, refuse to overwrite without --overwrite, and remove', async () => {
  assert.equal((await kubectlOk(['label', 'deployment', 'web', 'tier=frontend'])).trim(), 'deployment.apps/web labeled');
  assert.equal((await kubectlOk(['annotate', 'deployment', 'web', 'owner=team-a'])).trim(), 'deployment.apps/web annotated');
  const refused = await harness.kubectl(['-n', ns, 'label', 'deployment', 'web', 'tier=backend']);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr.trim(), "error: 'tier' already has a value (frontend), and --overwrite is false");
  await kubectlOk(['label', 'deployment', 'web', 'tier=backend', '--overwrite']);
  let live = await deployment();
  assert.equal(live.metadata.labels?.['tier'], 'backend');
  assert.equal(live.metadata.annotations?.['owner'], 'team-a');
  assert.deepEqual(live.metadata.managedFields?.find((e) => e.manager === 'kubectl-label')?.fieldsV1, { 'f:metadata': { 'f:labels': { 'f:tier': {} } } });
  assert.deepEqual(live.metadata.managedFields?.find((e) => e.manager === 'kubectl-annotate')?.fieldsV1, { 'f:metadata': { 'f:annotations': { 'f:owner': {} } } });
  await kubectlOk(['label', 'deployment', 'web', 'tier-']);
  await kubectlOk(['annotate', 'deployment', 'web', 'owner-']);
  live = await deployment();
  assert.equal(live.metadata.labels?.['tier'], undefined);
  assert.equal(live.metadata.annotations?.['owner'], undefined);
  assert.equal(live.metadata.managedFields?.find((e) => e.manager === 'kubectl-label'), undefined, 'nothing left to own');
});

test('patch --type json, --type strategic and --type merge', async () => {
  await kubectlOk(['patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"add","path":"/spec/template/spec/containers/0/env","value":[{"name":"A","value":"1"}]}]']);
  await kubectlOk(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"envoy:1"},{"name":"nginx","env":[{"name":"B","value":"2"}]}]}}}}']);
  let live = await deployment();
  assert.deepEqual(live.spec.template.spec.containers.map((c) => c['name']), ['nginx', 'sidecar'], 'strategic merge keeps nginx and adds the sidecar');
  assert.deepEqual(live.spec.template.spec.containers[0]?.['env'], [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], 'env merged by name');
  await kubectlOk(['patch', 'deployment', 'web', '--type', 'merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}']);
  live = await deployment();
  assert.deepEqual(live.spec.template.spec.containers.map((c) => [c['name'], c['env']]), [['nginx', undefined]], 'merge patch replaces the list');
  const bad = await harness.kubectl(['-n', ns, 'patch', 'deployment', 'web', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/nope/x","value":1}]']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /doc is missing path: \/spec\/nope\/x/);
});

test('scale goes through /scale and is owned by kubectl with subresource scale', async () => {
  assert.equal((await kubectlOk(['scale', 'deployment/web', '--replicas=4'])).trim(), 'deployment.apps/web scaled');
  await kubectlOk(['rollout', 'status', 'deployment/web', '--timeout=20s']);
  const live = await deployment();
  assert.equal(live.spec.replicas, 4);
  const scaler = (live.metadata.managedFields ?? []).find((e) => e.manager === 'kubectl' && e.operation === 'Update') as (Managed & { subresource?: string }) | undefined;
  assert.equal(scaler?.subresource, 'scale');
  assert.deepEqual(scaler?.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
  const mismatch = await harness.kubectl(['-n', ns, 'scale', 'deployment/web', '--replicas=2', '--current-replicas=3']);
  assert.equal(mismatch.code, 1);
  assert.match(mismatch.stderr, /Expected replicas to be 3, was 4/);
});

test('diff shows what apply would change (exit 1) and nothing when in sync (exit 0)', async () => {
  const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: everyday}\ndata: {mode: a}\n';
  await harness.kubectlOk(['apply', '--server-side', '-f', '-'], manifest);
  const same = await harness.kubectl(['diff', '--server-side', '-f', '-'], manifest);
  assert.equal(same.code, 0, same.stderr);
  assert.equal(same.stdout, '');
  for (const mode of [['--server-side'], []]) {
    const changed = await harness.kubectl(['diff', ...mode, '-f', '-'], manifest.replace('mode: a', 'mode: b'));
    assert.equal(changed.code, 1, `diff ${mode.join(' ')}: ${changed.stderr}`);
    assert.match(changed.stdout, /^- {2}mode: a$/m);
    assert.match(changed.stdout, /^\+ {2}mode: b$/m);
    assert.doesNotMatch(changed.stdout, /^[-+]\s+(resourceVersion|annotations: \{\}|generation)/m, 'only the real change');
  }
  const live = await harness.getJson<{ data: Record<string, string> }>(ns, 'configmap/settings');
  assert.deepEqual(live.data, { mode: 'a' }, 'diff changes nothing');
});

test('client-node: KubernetesObjectApi list, merge patch, read, replace with a stale resourceVersion', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(harness.server.kubeconfigPath);
  const api = KubernetesObjectApi.makeApiClient(kc);
  const list = await api.list('apps/v1', 'Deployment', ns);
  assert.deepEqual(list.items.map((i) => i.metadata?.name), ['web']);
  const patched = await api.patch<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns }, spec: { replicas: 1 } } as unknown as Deployment, undefined, undefined, 'driftline-test', undefined, PatchStrategy.MergePatch);
  assert.equal(patched.spec.replicas, 1);
  const read = await api.read<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: ns } });
  assert.equal(read.spec.replicas, 1);
  assert.ok(Number(read.metadata.resourceVersion) >= Number(patched.metadata.resourceVersion), 'the controller may have written status since');
  const stale = { ...read, apiVersion: 'apps/v1', kind: 'Deployment', metadata: { ...read.metadata, resourceVersion: '1' } };
  await assert.rejects(api.replace(stale), (error: { code?: number; body?: unknown }) => {
    assert.equal(error.code, 409);
    const body = (typeof error.body === 'string' ? JSON.parse(error.body) : error.body) as { message: string };
    assert.equal(body.message, 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
    return true;
  });
});
