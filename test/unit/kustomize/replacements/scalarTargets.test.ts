import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../../src/core/kustomize/render';
import { formatDiagnostic } from '../../../../src/core/result';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';

// kyaml's replacement sets only the text of an existing scalar: the node keeps its type.

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function files(source: string, target: string): Record<string, string> {
  return {
    '/repo/kustomization.yaml': lines(
      'resources:', '- r.yaml', 'replacements:',
      '- source: {kind: ConfigMap, fieldPath: data.v}', '  targets:', '  - select: {kind: Deployment}', '    fieldPaths: [spec.replicas]',
    ),
    '/repo/r.yaml': lines(
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: c', 'data:', `  v: ${source}`, '---',
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', `  replicas: ${target}`,
    ),
  };
}

test('an integer field takes integer text', async () => {
  const result = await render(new MemoryFileSystem(files('"0x1F"', '1')), '/repo');
  assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
  assert.deepEqual(result.value.resources.find((r) => r.object['kind'] === 'Deployment')?.object['spec'], { replicas: 31 });
});

test('an integer field that cannot take the text fails the render, as kubectl does', async () => {
  const result = await render(new MemoryFileSystem(files('team-a', '1')), '/repo');
  assert.ok(!result.ok);
  assert.match(result.error.map(formatDiagnostic).join('\n'), /cannot decode !!str `team-a` as a !!int/);
});
