import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, toYaml } from '../../../../src/core/kustomize/render';
import { formatDiagnostic } from '../../../../src/core/result';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';

// A strategic merge patch's scalar takes the style of the field it lands on (kyaml's
// FieldSetter): over a quoted field, what the patch wrote plain stays its text.

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

async function dataAfter(resource: string[], kustomization: string[], patch: string[]): Promise<string> {
  const files = {
    '/repo/kustomization.yaml': lines(...kustomization, 'resources:', '- cm.yaml', 'patches:', '- path: patch.yaml'),
    '/repo/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', ...resource),
    '/repo/patch.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', ...patch),
  };
  const result = await render(new MemoryFileSystem(files), '/repo');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  const yaml = toYaml(result.value);
  return yaml.slice(yaml.indexOf('data:'), yaml.indexOf('kind:'));
}

test('over a quoted field a plain number, boolean or date keeps its text as a string', async () => {
  const data = await dataAfter(['data:', '  a: "8080"', "  b: 'x'", '  c: "x"'], [], ['data:', '  a: 1.50', '  b: true', '  c: 2024-01-02']);
  assert.equal(data, lines('data:', '  a: "1.50"', '  b: "true"', '  c: "2024-01-02"'));
});

test('over a plain field, or as a new field, the patch value keeps its own meaning', async () => {
  const data = await dataAfter(['data:', '  a: x', '  b: 5'], [], ['data:', '  a: 1.50', '  b: 2024-01-02', '  c: 7', '  d: "8"']);
  assert.equal(data, lines('data:', '  a: 1.5', '  b: "2024-01-02T00:00:00Z"', '  c: 7', '  d: "8"'));
});

test('a label commonLabels created double-quoted takes a patched number as text; one it only overwrote does not', async () => {
  const files = {
    // Patches run before labels in a layer: the labels come from a base.
    '/repo/base/kustomization.yaml': lines('resources:', '- cm.yaml', 'commonLabels:', '  created: "true"', '  existing: "true"'),
    '/repo/base/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', '  labels:', '    existing: x'),
    '/repo/kustomization.yaml': lines('resources:', '- base', 'patches:', '- path: patch.yaml'),
    '/repo/patch.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', '  labels:', '    created: 5', '    existing: 5'),
  };
  const result = await render(new MemoryFileSystem(files), '/repo');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  assert.deepEqual(result.value.resources[0]?.object['metadata'], { name: 'cm', labels: { created: '5', existing: 5 } });
});

test('after a JSON patch only strings that need quotes count as quoted', async () => {
  const files = {
    '/repo/kustomization.yaml': lines(
      'resources:', '- cm.yaml', 'patches:',
      '- target: {name: cm}', '  patch: |', '    - op: add', '      path: /data/z', '      value: x',
      '- path: patch.yaml',
    ),
    '/repo/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', 'data:', '  a: "8080"', '  b: "abc"'),
    '/repo/patch.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', 'data:', '  a: 1', '  b: 2'),
  };
  const result = await render(new MemoryFileSystem(files), '/repo');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  assert.deepEqual(result.value.resources[0]?.object['data'], { a: '1', b: 2, z: 'x' });
});
