import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { parseFieldPath, resolveFieldPath } from '../../../src/core/fieldPath';
import { formatDiagnostic } from '../../../src/core/result';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// Where names, labels, annotations and rewritten references come from: the exact
// kustomization line of the namePrefix / label key / namespace that wrote them.

const fs = new MemoryFileSystem({
  '/repo/base/kustomization.yaml': [
    'namePrefix: shop-', // 1
    'nameSuffix: -v2', // 2
    'commonLabels:', // 3
    '  app: web', // 4
    'commonAnnotations:', // 5
    '  team: payments', // 6
    'resources:', // 7
    '  - app.yaml', // 8
    '',
  ].join('\n'),
  '/repo/base/app.yaml': [
    'apiVersion: v1', // 1
    'kind: ConfigMap', // 2
    'metadata:', // 3
    '  name: settings', // 4
    '---', // 5
    'apiVersion: v1', // 6
    'kind: ServiceAccount', // 7
    'metadata:', // 8
    '  name: runner', // 9
    '---', // 10
    'apiVersion: apps/v1', // 11
    'kind: Deployment', // 12
    'metadata:', // 13
    '  name: web', // 14
    'spec:', // 15
    '  template:', // 16
    '    spec:', // 17
    '      serviceAccountName: runner', // 18
    '      containers:', // 19
    '        - name: web', // 20
    '          image: web:1', // 21
    '          envFrom:', // 22
    '            - configMapRef:', // 23
    '                name: settings', // 24
    '---', // 25
    'apiVersion: rbac.authorization.k8s.io/v1', // 26
    'kind: RoleBinding', // 27
    'metadata:', // 28
    '  name: runner', // 29
    'roleRef:', // 30
    '  apiGroup: rbac.authorization.k8s.io', // 31
    '  kind: ClusterRole', // 32
    '  name: view', // 33
    'subjects:', // 34
    '  - kind: ServiceAccount', // 35
    '    name: runner', // 36
    '  - kind: ServiceAccount', // 37
    '    name: default', // 38
    '',
  ].join('\n'),
  '/repo/prod/kustomization.yaml': [
    'namespace: shop-prod', // 1
    'namePrefix: prod-', // 2
    'labels:', // 3
    '  - pairs:', // 4
    '      env: production', // 5
    '    includeTemplates: true', // 6
    'resources:', // 7
    '  - ../base', // 8
    '',
  ].join('\n'),
});

async function trace(kind: string, path: string): Promise<string[]> {
  const result = await render(fs, '/repo/prod');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  const resource = result.value.resources.find((r) => r.object['kind'] === kind);
  assert.ok(resource, `no ${kind}`);
  const steps = parseFieldPath(path);
  assert.ok(steps, `parse ${path}`);
  const concrete = resolveFieldPath(resource.object, steps);
  assert.ok(concrete, `resolve ${path}`);
  return result.value.provenance.at(resource.object, concrete).map((w) => `${w.file.replace('/repo/', '')}:${w.line}:${w.column} ${w.operation}`);
}

test('a name traces to the overlay prefix, then the base suffix and prefix, then the resource', async () => {
  assert.deepEqual(await trace('Deployment', 'metadata.name'), [
    'prod/kustomization.yaml:2:1 namePrefix',
    'base/kustomization.yaml:2:1 nameSuffix',
    'base/kustomization.yaml:1:1 namePrefix',
    'base/app.yaml:14:3 resource',
  ]);
});

test('a rewritten reference traces to the write that gave the target its final name', async () => {
  assert.deepEqual(await trace('Deployment', 'spec.template.spec.containers[name=web].envFrom[0].configMapRef.name'), [
    'prod/kustomization.yaml:2:1 nameReference',
    'base/app.yaml:24:17 resource',
  ]);
  assert.deepEqual(await trace('Deployment', 'spec.template.spec.serviceAccountName'), [
    'prod/kustomization.yaml:2:1 nameReference',
    'base/app.yaml:18:7 resource',
  ]);
});

test('a RoleBinding subject takes the ServiceAccount name and namespace through nameReference', async () => {
  assert.deepEqual(await trace('RoleBinding', 'subjects[0].name'), ['prod/kustomization.yaml:2:1 nameReference', 'base/app.yaml:36:5 resource']);
  assert.deepEqual(await trace('RoleBinding', 'subjects[0].namespace'), ['prod/kustomization.yaml:1:1 nameReference']);
  // The namespace transformer itself only moves subjects named `default`.
  assert.deepEqual(await trace('RoleBinding', 'subjects[1].namespace'), ['prod/kustomization.yaml:1:1 namespace']);
});

test('commonLabels trace to the label key, in metadata, selectors and templates alike', async () => {
  assert.deepEqual(await trace('Deployment', 'metadata.labels.app'), ['base/kustomization.yaml:4:3 commonLabels']);
  assert.deepEqual(await trace('Deployment', 'spec.selector.matchLabels.app'), ['base/kustomization.yaml:4:3 commonLabels']);
  assert.deepEqual(await trace('Deployment', 'spec.template.metadata.labels.app'), ['base/kustomization.yaml:4:3 commonLabels']);
});

test('labels entries trace to their pair, templates included, selectors not', async () => {
  assert.deepEqual(await trace('Deployment', 'metadata.labels.env'), ['prod/kustomization.yaml:5:7 labels']);
  assert.deepEqual(await trace('Deployment', 'spec.template.metadata.labels.env'), ['prod/kustomization.yaml:5:7 labels']);
  const result = await render(fs, '/repo/prod');
  assert.ok(result.ok);
  const deployment = result.value.resources.find((r) => r.object['kind'] === 'Deployment');
  assert.equal(resolveFieldPath(deployment?.object, parseFieldPath('spec.selector.matchLabels.env') ?? []), undefined);
});

test('commonAnnotations and namespace trace to their kustomization lines', async () => {
  assert.deepEqual(await trace('ConfigMap', 'metadata.annotations.team'), ['base/kustomization.yaml:6:3 commonAnnotations']);
  assert.deepEqual(await trace('ConfigMap', 'metadata.namespace'), ['prod/kustomization.yaml:1:1 namespace']);
});

test('an ambiguous reference is reported at the reference itself', async () => {
  const ambiguous = new MemoryFileSystem({
    '/r/a/kustomization.yaml': 'namePrefix: a-\nresources:\n  - cm.yaml\n',
    '/r/a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n',
    '/r/b/kustomization.yaml': 'resources:\n  - cm.yaml\n  - pod.yaml\n',
    '/r/b/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n',
    '/r/b/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: v\n      configMap:\n        name: cfg\n',
    '/r/o/kustomization.yaml': 'namePrefix: o-\nresources:\n  - ../a\n  - ../b\n',
  });
  const result = await render(ambiguous, '/r/o');
  assert.ok(!result.ok);
  const [d] = result.error;
  assert.equal(`${d?.file}:${d?.line}:${d?.column}`, '/r/b/pod.yaml:9:9');
  assert.match(d?.message ?? '', /found multiple possible referrals for 'cfg': ConfigMap\.v1\/o-a-cfg\.\[noNs\], ConfigMap\.v1\/o-cfg\.\[noNs\]/);
});
