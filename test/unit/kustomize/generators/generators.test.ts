import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, toYaml } from '../../../../src/core/kustomize/render';
import type { EntryKind, FileSystem } from '../../../../src/core/ports';
import { MemoryFileSystem } from '../../../support/memoryFileSystem';

const kustomization = [
  'configMapGenerator:',
  '  - name: app',
  '    envs:',
  '      - app.env',
  '    literals:',
  '      - GREETING=hello',
  '    files:',
  '      - logo.bin',
  '      - notes.txt',
  '    options:',
  '      labels:',
  '        team: web',
  '',
].join('\n');

const files = {
  '/app/kustomization.yaml': kustomization,
  '/app/app.env': '# settings\n  LOG_LEVEL=info\n',
  '/app/logo.bin': Uint8Array.from([0x89, 0x50, 0xff, 0x00]),
  '/app/notes.txt': 'read me\n',
};

async function renderOk(fs: FileSystem, dir = '/app') {
  const result = await render(fs, dir);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error));
  return result.value;
}

test('data keys record where each value was written', async () => {
  const { resources, provenance } = await renderOk(new MemoryFileSystem(files));
  const [cm] = resources;
  assert.ok(cm);
  const data = cm.object['data'] as Record<string, string>;
  const binaryData = cm.object['binaryData'] as Record<string, string>;
  const at = (parent: object, key: string) => provenance.of(parent, key)[0];
  assert.deepEqual(at(data, 'GREETING'), { file: '/app/kustomization.yaml', line: 6, column: 9, operation: 'generator' });
  assert.deepEqual(at(data, 'LOG_LEVEL'), { file: '/app/app.env', line: 2, column: 3, operation: 'generator' });
  assert.deepEqual(at(data, 'notes.txt'), { file: '/app/notes.txt', line: 1, column: 1, operation: 'generator' });
  assert.deepEqual(at(binaryData, 'logo.bin'), { file: '/app/logo.bin', line: 1, column: 1, operation: 'generator' });
  const labels = cm.object.metadata['labels'] as Record<string, string>;
  assert.equal(at(labels, 'team')?.line, 12);
  assert.equal(provenance.of(cm.object.metadata, 'name')[0]?.operation, 'generator hash suffix');
  assert.equal(cm.originalName, 'app');
  assert.match(String(cm.object.metadata['name']), /^app-[a-z0-9]{10}$/);
});

test('binary files keep their bytes through readBytes', async () => {
  const { resources } = await renderOk(new MemoryFileSystem(files));
  assert.deepEqual(resources[0]?.object['binaryData'], { 'logo.bin': 'iVD/AA==' });
});

test('a FileSystem without readBytes still renders text files', async () => {
  const memory = new MemoryFileSystem({ ...files, '/app/logo.bin': 'text logo' });
  const textOnly: FileSystem = {
    readFile: (p: string) => memory.readFile(p),
    stat: (p: string): Promise<EntryKind | undefined> => memory.stat(p),
    readDirectory: (p: string) => memory.readDirectory(p),
  };
  const { resources } = await renderOk(textOnly);
  assert.equal((resources[0]?.object['data'] as Record<string, string>)['logo.bin'], 'text logo');
});

test('merging in an overlay keeps the base name and both provenances', async () => {
  const fs = new MemoryFileSystem({
    ...files,
    '/overlay/kustomization.yaml': 'resources:\n  - ../app\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals:\n      - GREETING=hi\n',
  });
  const { resources, provenance } = await renderOk(fs, '/overlay');
  const data = resources[0]?.object['data'] as Record<string, string>;
  assert.equal(data['GREETING'], 'hi');
  assert.equal(data['LOG_LEVEL'], 'info');
  assert.deepEqual(provenance.of(data, 'GREETING').map((w) => `${w.file}:${w.line}`), ['/overlay/kustomization.yaml:7', '/app/kustomization.yaml:6']);
  assert.equal(provenance.of(data, 'LOG_LEVEL')[0]?.file, '/app/app.env');
});

test('kubectl-accepted oddities become warnings, not errors', async () => {
  const fs = new MemoryFileSystem({
    '/w/kustomization.yaml': 'configMapGenerator:\n  - name: w\n    behavior: mrege\n    literals:\n      - with space=1\n',
  });
  const { warnings } = await renderOk(fs, '/w');
  assert.deepEqual(warnings.map((w) => `${w.line}:${w.column} ${w.severity}`), ['3:5 warning', '5:9 warning']);
  assert.match(warnings[0]?.message ?? '', /unknown behavior 'mrege'/);
  assert.match(warnings[1]?.message ?? '', /'with space' is not a valid ConfigMap key/);
});

test('the emitted Secret wraps long base64 as a block scalar', async () => {
  const fs = new MemoryFileSystem({ '/s/kustomization.yaml': `secretGenerator:\n  - name: s\n    literals:\n      - k=${'x'.repeat(60)}\n` });
  const yaml = toYaml(await renderOk(fs, '/s'));
  assert.match(yaml, /\n {2}k: \|\n {4}eHh4[A-Za-z0-9+/]{66}\n {4}[A-Za-z0-9+/=]+\n/);
});
