import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { render } from '../../../src/core/kustomize/render';
import type { Logger } from '../../../src/core/ports';
import { DiskFileSystem } from '../../../src/node/diskFileSystem';
import { RenderClient } from '../../../src/extension/worker/renderClient';
import { fromWire, toWire } from '../../../src/extension/worker/wireRender';
import { repoRoot } from '../../support/fixtures';

// The render worker renders what the in-process renderer renders, provenance included, and
// follows the unsaved buffers the main thread sends it. The worker script is bundled here as
// scripts/build.mjs bundles dist/renderWorker.js.

const apps = join(repoRoot, 'examples', 'apps', 'guestbook');
const production = join(apps, 'overlays', 'production');
const kustomization = join(production, 'kustomization.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'driftline-worker-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const workerScript = join(scratch, 'renderWorker.js');
buildSync({ entryPoints: [join(repoRoot, 'src', 'extension', 'worker', 'renderWorker.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const imagePath = ['spec', 'template', 'spec', 'containers', 0, 'image'];

function deployment<T extends { resources: readonly { object: Record<string, unknown> }[] }>(result: T): Record<string, unknown> {
  const found = result.resources.find((r) => r.object['kind'] === 'Deployment');
  assert.ok(found, 'no Deployment rendered');
  return found.object;
}

test('provenance survives the trip across a thread boundary (structured clone)', async () => {
  const rendered = await render(new DiskFileSystem(), production);
  assert.ok(rendered.ok);
  const copy = fromWire(structuredClone(toWire(rendered.value)));
  assert.deepEqual(copy.resources.map((r) => r.object), rendered.value.resources.map((r) => r.object));
  const original = rendered.value.provenance.at(deployment(rendered.value), imagePath);
  assert.ok(original.length > 1, 'the image has a chain of writes (base, then the overlay)');
  assert.deepEqual(copy.provenance.at(deployment(copy), imagePath), original);
  assert.deepEqual(copy.provenance.at(deployment(copy), ['spec', 'replicas']), rendered.value.provenance.at(deployment(rendered.value), ['spec', 'replicas']));
});

test('the worker finds the roots and renders them, following unsaved buffers', async (t) => {
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  assert.deepEqual(await client.roots([apps]), [production, join(apps, 'overlays', 'staging')]);

  const first = await client.render(production, { known: false, urgent: false });
  assert.ok(first?.rendered, 'rendered');
  assert.equal((deployment(first.rendered)['spec'] as { replicas: number }).replicas, 3);
  assert.ok(first.inputs.has(kustomization) && first.inputs.has(join(apps, 'base', 'deployment.yaml')), 'inputs name every file read');
  const [effective] = first.rendered.provenance.at(deployment(first.rendered), imagePath);
  assert.equal(effective?.file, kustomization);

  assert.equal(await client.render(production, { known: true, urgent: false }), undefined, 'nothing changed: nothing sent');
  client.clear();
  assert.equal(await client.render(production, { known: true, urgent: false }), undefined, 'rendered anew, but the same: nothing sent');
  assert.ok((await client.render(production, { known: false, urgent: false }))?.rendered, 'sent to a caller that holds nothing');

  client.setBuffer(kustomization, readFileSync(kustomization, 'utf8').replace('count: 3', 'count: 5'));
  const edited = await client.render(production, { known: true, urgent: true });
  assert.equal((deployment(edited?.rendered ?? { resources: [] })['spec'] as { replicas: number }).replicas, 5);

  client.setBuffer(kustomization, undefined);
  const reverted = await client.render(production, { known: true, urgent: false });
  assert.equal((deployment(reverted?.rendered ?? { resources: [] })['spec'] as { replicas: number }).replicas, 3);
});

test('the worker discovers the repository model: Argo CD apps and the overlays they deploy', async (t) => {
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  const examples = join(repoRoot, 'examples');
  const model = await client.discoverRepo(examples, { runBinaries: false, repoUrls: [] });
  assert.ok(model.apps.some((a) => a.sources.some((s) => s.dir === production)), `no app deploys ${production}: ${model.apps.map((a) => a.name).join(', ')}`);
});

test('a broken overlay comes back as diagnostics, and the worker keeps serving', async (t) => {
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  client.setBuffer(kustomization, 'resources: [../../missing]\n');
  const broken = await client.render(production, { known: false, urgent: false });
  assert.equal(broken?.rendered, undefined);
  assert.ok((broken?.errors.length ?? 0) > 0, 'diagnostics');
  client.setBuffer(kustomization, undefined);
  assert.ok((await client.render(production, { known: true, urgent: false }))?.rendered);
});

test("a keystroke's render is answered while a discovery of the whole repository is still running", async (t) => {
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  assert.ok((await client.render(production, { known: false, urgent: true }))?.rendered, 'rendered once');
  const order: string[] = [];
  const discovery = client.discoverRepo(repoRoot, { runBinaries: false, repoUrls: [] }).then(() => order.push('discovery'));
  client.setBuffer(kustomization, readFileSync(kustomization, 'utf8').replace('count: 3', 'count: 4'));
  const render = client.render(production, { known: true, urgent: true }).then((r) => order.push(r?.rendered ? 'render' : 'nothing'));
  await Promise.all([discovery, render]);
  client.setBuffer(kustomization, undefined);
  assert.deepEqual(order, ['render', 'discovery']);
});
