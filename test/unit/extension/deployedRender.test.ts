import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Logger } from '../../../src/core/ports';
import type { AppModel } from '../../../src/core/repo/model';
import type { RenderResult } from '../../../src/core/kustomize/render';
import { DiskFileSystem } from '../../../src/node/diskFileSystem';
import { RenderClient } from '../../../src/extension/worker/renderClient';
import { DeployedRenders, appRenderKey, kustomizeSourceOf } from '../../../src/extension/apps/deployedRender';
import { repoRoot } from '../../support/fixtures';

// The editor renders an overlay as the Application deploying it has Argo CD build it: its
// kustomize options applied in the render worker (the real one, bundled as the build bundles
// it), unsaved buffers included, and what the options write attributed to the Application.

const production = join(repoRoot, 'examples', 'apps', 'guestbook', 'overlays', 'production');
const kustomization = join(production, 'kustomization.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'driftline-deployed-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const workerScript = join(scratch, 'renderWorker.js');
buildSync({ entryPoints: [join(repoRoot, 'src', 'extension', 'worker', 'renderWorker.ts')], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const imagePath = ['spec', 'template', 'spec', 'containers', 0, 'image'];

const appFile = join(scratch, 'guestbook-production.yaml');
const appText = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook-production
spec:
  source:
    repoURL: https://git.example.com/platform/gitops.git
    path: apps/guestbook/overlays/production
    kustomize:
      namePrefix: eu-
      images:
        - ghcr.io/driftline/guestbook:2.0.0
  destination:
    namespace: guestbook-prod
`;

function appModel(kustomize: AppModel['sources'][number]['kustomize']): AppModel {
  return {
    name: 'guestbook-production', project: 'default', labels: {}, location: { file: appFile, line: 1, column: 1 },
    sources: [{ repoURL: 'https://git.example.com/platform/gitops.git', path: 'apps/guestbook/overlays/production', targetRevision: 'HEAD', repo: 'this', dir: production, kind: 'kustomize', ...(kustomize ? { kustomize } : {}) }],
    destination: { namespace: 'guestbook-prod' }, syncPolicy: { automated: false, prune: false, selfHeal: false, syncOptions: [] }, ignoreDifferences: [], diagnostics: [],
  };
}

function deployment(rendered: RenderResult | undefined): Record<string, unknown> & { metadata: Record<string, unknown> } {
  const found = rendered?.resources.find((r) => r.object['kind'] === 'Deployment');
  assert.ok(found, 'no Deployment rendered');
  return found.object;
}

function effective(rendered: RenderResult | undefined, path: Array<string | number>): string {
  const write = rendered?.provenance.at(deployment(rendered), path)[0];
  return `${write?.file}:${write?.line} ${write?.operation}`;
}

test('an Application with kustomize options: rendered with them in the worker, unsaved buffers included, writes on the Application', async (t) => {
  writeFileSync(appFile, appText);
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  let app: AppModel | undefined = appModel({ namePrefix: 'eu-', images: ['ghcr.io/driftline/guestbook:2.0.0'] });
  const deployed = new DeployedRenders({ renders: client, fs: new DiskFileSystem(), appFor: () => app, trackingIdOf: async () => 'apps/guestbook/overlays/production' });

  const first = await deployed.render(production, { known: false, urgent: false });
  assert.ok(first?.rendered, `rendered: ${first?.errors.map((e) => e.message).join('; ')}`);
  assert.equal(deployment(first.rendered).metadata['name'], 'eu-guestbook');
  assert.equal(effective(first.rendered, imagePath), `${appFile}:12 argocd.kustomize.images`);
  assert.equal(effective(first.rendered, ['metadata', 'name']), `${appFile}:10 argocd.kustomize.namePrefix`);
  assert.equal(effective(first.rendered, ['spec', 'replicas']), `${kustomization}:11 replicas`, 'what the overlay writes keeps its line');
  assert.equal(first.trackingId, 'apps/guestbook/overlays/production');
  assert.ok(first.inputs.has(kustomization) && first.inputs.has(appFile), 'the overlay and the Application are inputs');
  assert.ok(![...first.inputs].some((p) => p.includes('.driftline-argocd-')), 'the virtual overlay is no input anyone opens or commits');

  assert.equal(await deployed.render(production, { known: true, urgent: false }), undefined, 'nothing changed: nothing new');

  // An unsaved edit of the overlay shows, with the options still applied.
  client.setBuffer(kustomization, readFileSync(kustomization, 'utf8').replace('count: 3', 'count: 7'));
  t.after(() => client.setBuffer(kustomization, undefined));
  const edited = await deployed.render(production, { known: true, urgent: true });
  assert.equal((deployment(edited?.rendered)['spec'] as { replicas: number }).replicas, 7);
  assert.equal(deployment(edited?.rendered).metadata['name'], 'eu-guestbook');

  // The Application's lines move (same options): the same render, attributed to the new lines.
  writeFileSync(appFile, appText.replace('    kustomize:\n', '    # moved by one line\n    kustomize:\n'));
  const moved = await deployed.render(production, { known: true, urgent: false });
  assert.equal(effective(moved?.rendered, imagePath), `${appFile}:13 argocd.kustomize.images`);

  // Other options: a new virtual overlay.
  app = appModel({ images: ['ghcr.io/driftline/guestbook:3.0.0'] });
  const changed = await deployed.render(production, { known: true, urgent: false });
  assert.equal(deployment(changed?.rendered).metadata['name'], 'guestbook');
  assert.equal((deployment(changed?.rendered)['spec'] as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]?.image, 'ghcr.io/driftline/guestbook:3.0.0');

  // No Application any more: the directory itself, even though the worker still holds its older render.
  app = undefined;
  const plain = await deployed.render(production, { known: true, urgent: false });
  assert.equal(effective(plain?.rendered, imagePath), `${kustomization}:8 images`);
  assert.equal(deployment(plain?.rendered).metadata['name'], 'guestbook');
});

test('a broken option is reported on the Application, not on the virtual overlay', async (t) => {
  writeFileSync(appFile, appText.replace('namePrefix: eu-', 'components: [../missing]'));
  const client = new RenderClient(silent, workerScript);
  t.after(() => client.dispose());
  const app = appModel({ components: ['../missing'] });
  const deployed = new DeployedRenders({ renders: client, fs: new DiskFileSystem(), appFor: () => app, trackingIdOf: async () => 'x' });
  const broken = await deployed.render(production, { known: false, urgent: false });
  assert.equal(broken?.rendered, undefined);
  assert.ok((broken?.errors.length ?? 0) > 0);
  assert.deepEqual(broken?.errors.map((e) => `${e.file}:${e.line}`), [`${appFile}:10`], broken?.errors.map((e) => e.message).join('; '));
});

test('the render key changes with what changes the render or the diff, not with anything else', () => {
  const app = appModel({ images: ['a:1'] });
  assert.deepEqual(kustomizeSourceOf(app, production), { options: { images: ['a:1'] }, index: 0 });
  assert.equal(kustomizeSourceOf(appModel(undefined), production), undefined);
  assert.equal(kustomizeSourceOf(app, '/elsewhere'), undefined);
  assert.equal(appRenderKey(undefined, production), '');
  assert.equal(appRenderKey(appModel({ images: ['a:1'] }), production), appRenderKey({ ...app, labels: { team: 'x' } }, production));
  assert.notEqual(appRenderKey(app, production), appRenderKey(appModel({ images: ['a:2'] }), production));
  assert.notEqual(appRenderKey(app, production), appRenderKey({ ...app, ignoreDifferences: [{ kind: 'Deployment', jsonPointers: ['/spec/replicas'] }] }, production));
});
