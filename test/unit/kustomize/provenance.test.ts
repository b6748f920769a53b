import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { parseFieldPath, resolveFieldPath } from '../../../src/core/fieldPath';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const fs = new MemoryFileSystem({
  '/repo/base/kustomization.yaml': 'resources:\n  - app.yaml\n',
  '/repo/base/app.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  replicas: 1',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: api:1.0',
    '',
  ].join('\n'),
  '/repo/prod/kustomization.yaml': [
    'namespace: prod',
    'resources:',
    '  - ../base',
    'images:',
    '  - name: api',
    '    newTag: "2.0"',
    'replicas:',
    '  - name: api',
    '    count: 4',
    '',
  ].join('\n'),
});

async function trace(path: string): Promise<string[]> {
  const result = await render(fs, '/repo/prod');
  assert.ok(result.ok);
  const [deployment] = result.value.resources;
  assert.ok(deployment);
  const steps = parseFieldPath(path);
  assert.ok(steps, `parse ${path}`);
  const concrete = resolveFieldPath(deployment.object, steps);
  assert.ok(concrete, `resolve ${path}`);
  return result.value.provenance.at(deployment.object, concrete).map((w) => `${w.file}:${w.line}:${w.column} ${w.operation}`);
}

test('an image set by the overlay traces to newTag first, then the base line', async () => {
  assert.deepEqual(await trace('spec.template.spec.containers[name=api].image'), [
    '/repo/prod/kustomization.yaml:6:5 images',
    '/repo/base/app.yaml:11:11 resource',
  ]);
});

test('replicas trace to the overlay count, then the base', async () => {
  assert.deepEqual(await trace('spec.replicas'), ['/repo/prod/kustomization.yaml:9:5 replicas', '/repo/base/app.yaml:6:3 resource']);
});

test('a namespace set by the overlay traces to its namespace line', async () => {
  assert.deepEqual(await trace('metadata.namespace'), ['/repo/prod/kustomization.yaml:1:1 namespace']);
});

test('a field untouched by the overlay traces to the base only', async () => {
  assert.deepEqual(await trace('spec.template.spec.containers[0].name'), ['/repo/base/app.yaml:10:11 resource']);
});
