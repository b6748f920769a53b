import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { parseFieldPath, resolveFieldPath } from '../../../src/core/fieldPath';
import { formatDiagnostic } from '../../../src/core/result';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// Every value a patch writes traces to the patch's own line and column (the patch file,
// or the kustomization line inside an inline patch); values it leaves alone keep theirs.

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const base = {
  '/repo/base/kustomization.yaml': lines('resources:', '  - app.yaml'),
  '/repo/base/app.yaml': lines(
    'apiVersion: apps/v1', //                    1
    'kind: Deployment', //                       2
    'metadata:', //                              3
    '  name: api', //                            4
    'spec:', //                                  5
    '  replicas: 1', //                          6
    '  template:', //                            7
    '    spec:', //                              8
    '      containers:', //                      9
    '        - name: api', //                   10
    '          image: api:1.0', //              11
    '          args: [--port=80]', //           12
    '          env:', //                        13
    '            - name: MODE', //              14
    '              value: slow', //             15
    '            - name: REGION', //            16
    '              value: us', //               17
  ),
};

async function traceIn(files: Record<string, string>, kind: string, path: string): Promise<string[]> {
  const result = await render(new MemoryFileSystem({ ...base, ...files }), '/repo/prod');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  const resource = result.value.resources.find((r) => r.object['kind'] === kind);
  assert.ok(resource, `no ${kind}`);
  const steps = parseFieldPath(path);
  assert.ok(steps, `parse ${path}`);
  const concrete = resolveFieldPath(resource.object, steps);
  assert.ok(concrete, `resolve ${path}`);
  return result.value.provenance.at(resource.object, concrete).map((w) => `${w.file}:${w.line}:${w.column} ${w.operation}`);
}

const trace = (files: Record<string, string>, path: string): Promise<string[]> => traceIn(files, 'Deployment', path);

const sidecarOverlay = {
  '/repo/prod/kustomization.yaml': lines('resources:', '  - ../base', 'patches:', '  - path: sidecar.yaml'),
  '/repo/prod/sidecar.yaml': lines(
    'apiVersion: apps/v1', //                    1
    'kind: Deployment', //                       2
    'metadata:', //                              3
    '  name: api', //                            4
    'spec:', //                                  5
    '  replicas: 3', //                          6
    '  template:', //                            7
    '    spec:', //                              8
    '      containers:', //                      9
    '        - name: proxy', //                 10
    '          image: envoy:1.30', //           11
    '        - name: api', //                   12
    '          args: [--port=8080]', //         13
    '          env:', //                        14
    '            - name: MODE', //              15
    '              value: fast', //             16
  ),
};

test('a scalar set by a patch file traces to the patch, then the base', async () => {
  assert.deepEqual(await trace(sidecarOverlay, 'spec.replicas'), ['/repo/prod/sidecar.yaml:6:3 patch', '/repo/base/app.yaml:6:3 resource']);
});

test('a container added by a patch traces to the patch, though kustomize puts it first', async () => {
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[0].image'), ['/repo/prod/sidecar.yaml:11:11 patch']);
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=proxy]'), ['/repo/prod/sidecar.yaml:10:11 patch']);
});

test('a container the patch moved keeps its history for fields it left alone', async () => {
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].image'), ['/repo/base/app.yaml:11:11 resource']);
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[1]'), ['/repo/base/app.yaml:10:11 resource']);
});

test('a list without merge keys is replaced: its items trace to the patch', async () => {
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].args[0]'), ['/repo/prod/sidecar.yaml:13:18 patch']);
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].args'), [
    '/repo/prod/sidecar.yaml:13:11 patch',
    '/repo/base/app.yaml:12:11 resource',
  ]);
});

test('an env var merged by name: the new value traces to the patch, its name to the base', async () => {
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].env[name=MODE].value'), [
    '/repo/prod/sidecar.yaml:16:15 patch',
    '/repo/base/app.yaml:15:15 resource',
  ]);
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].env[name=MODE].name'), ['/repo/base/app.yaml:14:15 resource']);
  assert.deepEqual(await trace(sidecarOverlay, 'spec.template.spec.containers[name=api].env[name=REGION].value'), ['/repo/base/app.yaml:17:15 resource']);
});

const inlineOverlay = {
  '/repo/prod/kustomization.yaml': lines(
    'resources:', //                                        1
    '  - ../base', //                                       2
    'patches:', //                                          3
    '  - patch: |-', //                                     4
    '      apiVersion: apps/v1', //                         5
    '      kind: Deployment', //                            6
    '      metadata:', //                                   7
    '        name: api', //                                 8
    '      spec:', //                                       9
    '        template:', //                                10
    '          spec:', //                                  11
    '            containers:', //                          12
    '              - name: api', //                        13
    '                image: api:2.0', //                   14
    '  - target: {kind: Deployment}', //                   15
    '    patch: |', //                                     16
    '      - op: replace', //                              17
    '        path: /spec/replicas', //                     18
    '        value: 7', //                                 19
    '      - op: add', //                                  20
    '        path: /spec/template/spec/containers/0/env/0', // 21
    '        value: {name: DEBUG, value: "1"}', //          22
    "  - target: {kind: Deployment}", //                   23
    `    patch: '[{"op": "add", "path": "/spec/paused", "value": true}]'`, // 24
  ),
};

test('an inline strategic merge patch traces to its line inside the kustomization', async () => {
  assert.deepEqual(await trace(inlineOverlay, 'spec.template.spec.containers[name=api].image'), [
    '/repo/prod/kustomization.yaml:14:17 patch',
    '/repo/base/app.yaml:11:11 resource',
  ]);
});

test('an inline JSON 6902 operation traces to its value line', async () => {
  assert.deepEqual(await trace(inlineOverlay, 'spec.replicas'), ['/repo/prod/kustomization.yaml:19:9 patch', '/repo/base/app.yaml:6:3 resource']);
  assert.deepEqual(await trace(inlineOverlay, 'spec.template.spec.containers[0].env[0].value'), ['/repo/prod/kustomization.yaml:22:30 patch']);
  assert.deepEqual(await trace(inlineOverlay, 'spec.template.spec.containers[0].env[0]'), ['/repo/prod/kustomization.yaml:22:9 patch']);
});

test('items after a JSON 6902 insertion keep their own history', async () => {
  assert.deepEqual(await trace(inlineOverlay, 'spec.template.spec.containers[0].env[1].value'), ['/repo/base/app.yaml:15:15 resource']);
  assert.deepEqual(await trace(inlineOverlay, 'spec.template.spec.containers[0].env[name=REGION]'), ['/repo/base/app.yaml:16:15 resource']);
});

test('a one-line quoted JSON patch traces to the column inside the quotes', async () => {
  assert.deepEqual(await trace(inlineOverlay, 'spec.paused'), ['/repo/prod/kustomization.yaml:24:52 patch']);
});

test('a deprecated inline patchesStrategicMerge entry traces into the kustomization', async () => {
  const files = {
    '/repo/prod/kustomization.yaml': lines(
      'resources:', //                         1
      '  - ../base', //                        2
      'patchesStrategicMerge:', //             3
      '  - |-', //                             4
      '    apiVersion: apps/v1', //            5
      '    kind: Deployment', //               6
      '    metadata:', //                      7
      '      name: api', //                    8
      '    spec:', //                          9
      '      minReadySeconds: 5', //          10
    ),
  };
  assert.deepEqual(await trace(files, 'spec.minReadySeconds'), ['/repo/prod/kustomization.yaml:10:7 patch']);
  const result = await render(new MemoryFileSystem({ ...base, ...files }), '/repo/prod');
  assert.ok(result.ok);
  assert.deepEqual(
    result.value.warnings.map((w) => `${w.line}:${w.column} ${w.severity}`),
    ['3:1 warning'],
  );
});

test('a patch applied to several targets writes each one', async () => {
  const files = {
    '/repo/base/kustomization.yaml': lines('resources:', '  - app.yaml', '  - worker.yaml'),
    '/repo/base/worker.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: worker', 'spec:', '  replicas: 1'),
    '/repo/prod/kustomization.yaml': lines(
      'resources:', //                             1
      '  - ../base', //                            2
      'patches:', //                               3
      '  - target:', //                            4
      '      kind: Deployment', //                 5
      '    patch: |-', //                          6
      '      apiVersion: apps/v1', //              7
      '      kind: Deployment', //                 8
      '      metadata:', //                        9
      '        name: any', //                     10
      '        labels:', //                       11
      '          tier: backend', //               12
    ),
  };
  const result = await render(new MemoryFileSystem({ ...base, ...files }), '/repo/prod');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  const labels = result.value.resources.map((r) => {
    const path = resolveFieldPath(r.object, parseFieldPath('metadata.labels.tier') ?? []);
    assert.ok(path);
    return result.value.provenance.at(r.object, path).map((w) => `${w.line}:${w.column}`);
  });
  assert.deepEqual(labels, [['12:11'], ['12:11']]);
  // Each target got its own copy: changing one leaves the other alone.
  const [first, second] = result.value.resources;
  assert.ok(first && second);
  assert.notEqual(first.object.metadata['labels'], second.object.metadata['labels']);
});
