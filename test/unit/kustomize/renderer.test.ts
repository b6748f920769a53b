import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, toYaml, type RenderResult } from '../../../src/core/kustomize/render';
import { createRenderer } from '../../../src/core/kustomize/renderer';
import { parseFieldPath, resolveFieldPath } from '../../../src/core/fieldPath';
import type { Result } from '../../../src/core/result';
import type { EntryKind, FileSystem } from '../../../src/core/ports';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// The incremental renderer: an edit re-renders only the roots that read the edited file,
// and every result equals a cold render's, provenance included.

const deployment = (image: string): string =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  replicas: 1', '  template:', '    spec:', '      containers:', '        - name: api', `          image: ${image}`, ''].join('\n');

function repo(): MemoryFileSystem {
  return new MemoryFileSystem({
    '/repo/base/kustomization.yaml': 'resources:\n  - app.yaml\ncommonLabels:\n  app: api\n',
    '/repo/base/app.yaml': deployment('api:1.0'),
    '/repo/prod/kustomization.yaml': 'namespace: prod\nresources:\n  - ../base\nimages:\n  - name: api\n    newTag: "2.0"\n',
    '/repo/staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../base\nreplicas:\n  - name: api\n    count: 2\n',
  });
}

/** Counts reads of each path, to see which roots a render really walked. */
class CountingFileSystem implements FileSystem {
  readonly reads = new Map<string, number>();
  constructor(private readonly inner: FileSystem) {}
  readFile(path: string): Promise<string | undefined> {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return this.inner.readFile(path);
  }
  stat(path: string): Promise<EntryKind | undefined> {
    return this.inner.stat(path);
  }
  readDirectory(path: string): Promise<string[]> {
    return this.inner.readDirectory(path);
  }
}

function value(result: Result<RenderResult>): RenderResult {
  assert.ok(result.ok, result.ok ? '' : result.error.map((d) => d.message).join('\n'));
  return result.value;
}

function trace(result: RenderResult, path: string): string[] {
  const [first] = result.resources;
  assert.ok(first);
  const steps = parseFieldPath(path);
  assert.ok(steps);
  const concrete = resolveFieldPath(first.object, steps);
  assert.ok(concrete);
  return result.provenance.at(first.object, concrete).map((w) => `${w.file}:${w.line}:${w.column} ${w.operation}`);
}

async function assertSameAsCold(fs: FileSystem, dir: string, warm: RenderResult): Promise<void> {
  const cold = value(await render(fs, dir));
  assert.equal(toYaml(warm), toYaml(cold));
  for (const path of ['spec.template.spec.containers[name=api].image', 'spec.replicas', 'metadata.namespace', 'spec.selector.matchLabels.app']) {
    assert.deepEqual(trace(warm, path), trace(cold, path), path);
  }
}

test('an unchanged root is not rendered again', async () => {
  const fs = new CountingFileSystem(repo());
  const renderer = createRenderer(fs);
  const first = await renderer.render('/repo/prod');
  const reads = fs.reads.get('/repo/prod/kustomization.yaml');
  assert.equal(await renderer.render('/repo/prod'), first);
  assert.equal(fs.reads.get('/repo/prod/kustomization.yaml'), reads);
});

test('an edit to one overlay re-renders that overlay only', async () => {
  const mem = repo();
  const renderer = createRenderer(mem);
  const prod = await renderer.render('/repo/prod');
  const staging = await renderer.render('/repo/staging');
  mem.write('/repo/prod/kustomization.yaml', 'namespace: prod\nresources:\n  - ../base\nimages:\n  - name: api\n    newTag: "3.0"\n');
  assert.deepEqual(renderer.invalidate(['/repo/prod/kustomization.yaml']), ['/repo/prod']);
  const prodAgain = await renderer.render('/repo/prod');
  assert.notEqual(prodAgain, prod);
  assert.equal(await renderer.render('/repo/staging'), staging);
  assert.match(toYaml(value(prodAgain)), /image: api:3\.0/);
  await assertSameAsCold(mem, '/repo/prod', value(prodAgain));
});

test('an edit to a shared base re-renders every overlay that reads it, identical to a cold render', async () => {
  const mem = repo();
  const renderer = createRenderer(mem);
  await renderer.render('/repo/prod');
  await renderer.render('/repo/staging');
  mem.write('/repo/base/app.yaml', deployment('api:1.1').replace('replicas: 1', 'replicas: 3'));
  assert.deepEqual(renderer.invalidate(['/repo/base/app.yaml']).sort(), ['/repo/prod', '/repo/staging']);
  for (const dir of ['/repo/prod', '/repo/staging']) await assertSameAsCold(mem, dir, value(await renderer.render(dir)));
});

test('warm renders from the parse cache keep provenance apart and equal to cold ones', async () => {
  const mem = repo();
  const renderer = createRenderer(mem);
  const a = value(await renderer.render('/repo/prod'));
  renderer.clear();
  const b = value(await renderer.render('/repo/prod'));
  // Distinct objects: a transformer of one render must never touch another's.
  assert.notEqual(a.resources[0]?.object, b.resources[0]?.object);
  await assertSameAsCold(mem, '/repo/prod', b);
  assert.deepEqual(trace(b, 'spec.template.spec.containers[name=api].image'), ['/repo/prod/kustomization.yaml:6:5 images', '/repo/base/app.yaml:11:11 resource']);
});

test('creating a file a render looked for re-renders the root', async () => {
  const mem = repo();
  const renderer = createRenderer(mem);
  await renderer.render('/repo/prod');
  // kustomize refuses two kustomization files; the render had checked that one was absent.
  mem.write('/repo/prod/kustomization.yml', 'resources: []\n');
  assert.deepEqual(renderer.invalidate(['/repo/prod/kustomization.yml']), ['/repo/prod']);
  assert.equal((await renderer.render('/repo/prod')).ok, false);
});

test('inputs name every file the render read', async () => {
  const renderer = createRenderer(repo());
  await renderer.render('/repo/staging');
  const inputs = renderer.inputsOf('/repo/staging');
  assert.ok(inputs?.has('/repo/base/app.yaml'));
  assert.ok(inputs?.has('/repo/staging/kustomization.yaml'));
  assert.ok(!inputs?.has('/repo/prod/kustomization.yaml'));
});

test('a render overtaken by an edit while it ran still names what it read', async () => {
  const mem = repo();
  const renderer = createRenderer(mem);
  const overtaken = renderer.render('/repo/prod');
  // The render has read the kustomization by the time the edit lands (its first read).
  await new Promise((resolve) => setImmediate(resolve));
  mem.write('/repo/prod/kustomization.yaml', 'namespace: prod\nresources:\n  - ../base\nimages:\n  - name: api\n    newTag: "3.0"\n');
  assert.deepEqual(renderer.invalidate(['/repo/prod/kustomization.yaml']), ['/repo/prod']);
  await overtaken;
  // Not kept (the next render reads the edit), but the editor must still route this file's
  // next keystrokes to the root: an empty answer left the overlay deaf to its own file.
  assert.ok(renderer.inputsOf('/repo/prod')?.has('/repo/prod/kustomization.yaml'));
  assert.match(toYaml(value(await renderer.render('/repo/prod'))), /image: api:3\.0/);
});
