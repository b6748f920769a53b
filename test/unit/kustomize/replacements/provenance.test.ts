import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../../src/core/kustomize/render';
import { closestName } from '../../../../src/core/kustomize/validation/suggest';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';

const fs = new MemoryFileSystem({
  '/repo/kustomization.yaml': [
    'resources:',
    '- app.yaml',
    'replacements:',
    '- source:',
    '    kind: Service',
    '  targets:',
    '  - select:',
    '      kind: Ingress',
    '    fieldPaths:',
    '    - spec.defaultBackend.service.name',
    '',
  ].join('\n'),
  '/repo/app.yaml': [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: web',
    'spec:',
    '  defaultBackend:',
    '    service:',
    '      name: TBD',
    '',
  ].join('\n'),
});

test('a replaced field records the replacement entry, then the resource line', async () => {
  const result = await render(fs, '/repo');
  assert.ok(result.ok);
  const ingress = result.value.resources.find((r) => r.object['kind'] === 'Ingress');
  assert.ok(ingress);
  const writes = result.value.provenance.at(ingress.object, ['spec', 'defaultBackend', 'service', 'name']);
  assert.deepEqual(
    writes.map((w) => `${w.file}:${w.line}:${w.column} ${w.operation}`),
    ['/repo/kustomization.yaml:4:3 replacement', '/repo/app.yaml:13:7 resource'],
  );
});

test('misspelled fields get the closest known name', () => {
  assert.equal(closestName('namespcae', ['namespace', 'namePrefix']), 'namespace');
  assert.equal(closestName('Resources', ['resources']), 'resources');
  assert.equal(closestName('zzz', ['resources', 'images']), undefined);
});
