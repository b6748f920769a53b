import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { discoverRepo } from '../../../src/core/repo/discover';
import { renderApp } from '../../../src/core/repo/render/renderApp';
import { parseArgoImage } from '../../../src/core/repo/render/argoKustomizeOverlay';
import { environmentOf } from '../../../src/core/repo/environment';
import { resolveContext } from '../../../src/core/repo/destinationContext';
import { normalizeRepoUrl } from '../../../src/core/repo/repoUrl';
import type { ProcessRunner } from '../../../src/core/ports';

const repoURL = 'https://github.com/example/gitops.git';
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.25
`;

function app(name: string, source: string, extra = ''): string {
  return `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\nspec:\n  source:\n    repoURL: ${repoURL}\n${source}  destination:\n    server: https://kubernetes.default.svc\n    namespace: web\n${extra}`;
}

test('Argo CD kustomize options apply as a virtual overlay; the base files keep their positions', async () => {
  const fs = new MemoryFileSystem({
    '/r/base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
    '/r/base/deployment.yaml': deployment,
    '/r/base/patch.yaml': '- op: add\n  path: /metadata/annotations\n  value: {patched: "yes"}\n',
    '/r/argocd/web.yaml': app('web', `    path: base\n    kustomize:\n      namePrefix: eu-\n      images:\n      - nginx=registry.example.com/nginx:1.27\n      replicas:\n      - name: web\n        count: 3\n      commonAnnotations:\n        team: web\n      patches:\n      - target: {kind: Deployment}\n        path: patch.yaml\n`),
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: [repoURL] });
  const web = model.apps[0];
  assert.ok(web);
  const r = await renderApp(fs, web);
  assert.equal(r.status, 'rendered', r.message);
  const object = r.objects[0]?.object as { metadata: Record<string, unknown>; spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } } };
  assert.equal(object.metadata['name'], 'eu-web');
  assert.equal(object.metadata['namespace'], 'web', 'destination namespace for a namespaced object without one');
  assert.deepEqual(object.metadata['annotations'], { patched: 'yes', team: 'web' });
  assert.equal(object.spec.replicas, 3);
  assert.equal(object.spec.template.spec.containers[0]?.image, 'registry.example.com/nginx:1.27');
  assert.equal(r.objects[0]?.origin.file, '/r/base/deployment.yaml');
  // What the options write belongs to the Application's lines (the virtual overlay exists nowhere).
  const written = (path: Array<string | number>): string => {
    const w = r.provenance?.at(object, path)[0];
    return `${w?.file}:${w?.line} ${w?.operation}`;
  };
  assert.equal(written(['spec', 'template', 'spec', 'containers', 0, 'image']), '/r/argocd/web.yaml:12 argocd.kustomize.images');
  assert.equal(written(['metadata', 'name']), '/r/argocd/web.yaml:10 argocd.kustomize.namePrefix');
  assert.equal(written(['spec', 'replicas']), '/r/argocd/web.yaml:15 argocd.kustomize.replicas');
  assert.equal(written(['metadata', 'annotations', 'team']), '/r/argocd/web.yaml:17 argocd.kustomize.commonAnnotations');
  assert.equal(written(['metadata', 'annotations', 'patched']), '/r/argocd/web.yaml:19 argocd.kustomize.patches');
  assert.equal(written(['spec', 'template', 'spec', 'containers', 0, 'name']), '/r/base/deployment.yaml:10 resource');
});

test('image override syntax of kustomize edit set image', () => {
  assert.deepEqual(parseArgoImage('nginx:1.27'), { name: 'nginx', newTag: '1.27' });
  assert.deepEqual(parseArgoImage('nginx=ghcr.io/x/nginx:2'), { name: 'nginx', newName: 'ghcr.io/x/nginx', newTag: '2' });
  assert.deepEqual(parseArgoImage('localhost:5000/app@sha256:abc'), { name: 'localhost:5000/app', digest: 'sha256:abc' });
  assert.deepEqual(parseArgoImage('app=other/app'), { name: 'app', newName: 'other/app' });
});

test('one app that cannot render leaves the others rendering; diagnostics are per app', async () => {
  const fs = new MemoryFileSystem({
    '/r/good/kustomization.yaml': 'resources:\n- deployment.yaml\n',
    '/r/good/deployment.yaml': deployment,
    '/r/bad/kustomization.yaml': 'resources:\n- missing.yaml\n',
    '/r/argocd/apps.yaml': `${app('bad', '    path: bad\n')}---\n${app('good', '    path: good\n')}---\n${app('gone', '    path: nowhere\n')}`,
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: [repoURL] });
  const results = await Promise.all(model.apps.map(async (a) => [a.name, (await renderApp(fs, a)).status]));
  assert.deepEqual(results, [['bad', 'error'], ['gone', 'error'], ['good', 'rendered']]);
  assert.deepEqual(model.apps.find((a) => a.name === 'gone')?.diagnostics.map((d) => [d.message, d.line]), [['source path nowhere does not exist in this repository', 25]]);
});

test('helm sources: the exact helm template call through the ProcessRunner port, $ref value files, stdin values', async () => {
  const calls: Array<{ command: string; args: readonly string[]; input?: string }> = [];
  const runner: ProcessRunner = {
    async run(command, args, options) {
      calls.push({ command, args, ...(options?.input ? { input: options.input } : {}) });
      return { code: 0, stdout: '---\n# Source: chart/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-helm\n', stderr: '' };
    },
  };
  const fs = new MemoryFileSystem({
    '/r/charts/chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
    '/r/charts/chart/templates/cm.yaml': 'kind: ConfigMap\n',
    '/r/values/prod.yaml': 'a: 1\n',
    '/r/argocd/app.yaml': `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: chart-prod\nspec:\n  sources:\n  - repoURL: ${repoURL}\n    path: charts/chart\n    helm:\n      valueFiles: [$values/values/prod.yaml]\n      values: "b: 2"\n      parameters:\n      - {name: image.tag, value: "1.2", forceString: true}\n  - repoURL: ${repoURL}\n    ref: values\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: prod\n`,
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: [repoURL] });
  const chartApp = model.apps[0];
  assert.ok(chartApp);
  assert.equal((await renderApp(fs, chartApp)).message, 'not rendered: helm not found');
  const r = await renderApp(fs, chartApp, { runner, helm: '/bin/helm' });
  assert.equal(r.status, 'rendered');
  assert.deepEqual(calls, [{ command: '/bin/helm', args: ['template', 'chart-prod', '/r/charts/chart', '--include-crds', '--namespace', 'prod', '--values', '/r/values/prod.yaml', '--values', '-', '--set-string', 'image.tag=1.2'], input: 'b: 2' }]);
  assert.deepEqual(r.objects.map((o) => [o.object.metadata['name'], o.object.metadata['namespace'], o.origin.file]), [['from-helm', 'prod', '/r/charts/chart/templates/cm.yaml']]);
});

test('external renderer: kubectl kustomize output, options layered on top, per-resource origin only', async () => {
  const runner: ProcessRunner = { run: async () => ({ code: 0, stdout: deployment, stderr: '' }) };
  const fs = new MemoryFileSystem({
    '/r/base/kustomization.yaml': 'resources:\n- deployment.yaml\n',
    '/r/base/deployment.yaml': deployment,
    '/r/argocd/web.yaml': app('web', '    path: base\n    kustomize:\n      nameSuffix: -v2\n'),
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: [repoURL] });
  const r = await renderApp(fs, model.apps[0]!, { mode: 'kubectl', runner });
  assert.equal(r.status, 'rendered', r.message);
  assert.equal(r.objects[0]?.object.metadata['name'], 'web-v2');
  assert.deepEqual(r.objects[0]?.origin, { file: '/r/base/kustomization.yaml', line: 0, column: 0 });
  assert.equal(r.provenance, undefined);
});

test('environment labels: labels, then overlay paths, then words', () => {
  assert.equal(environmentOf('x', { environment: 'prod' }, []), 'production');
  assert.equal(environmentOf('guestbook', {}, ['apps/guestbook/overlays/stage']), 'staging');
  assert.equal(environmentOf('guestbook', {}, ['apps/guestbook/overlays/eu-1']), 'eu-1');
  assert.equal(environmentOf('api-dev', {}, ['apps/api']), 'dev');
  assert.equal(environmentOf('ingress', {}, ['infrastructure/ingress']), undefined);
});

test('destinations resolve to contexts by mapping, by server URL, by cluster name', () => {
  const contexts = [{ name: 'prod-admin', server: 'https://prod.example.com/' }];
  const clusters = [{ name: 'production', server: 'https://prod.example.com', labels: {}, annotations: {}, from: 'secret' as const }];
  assert.deepEqual(resolveContext({ server: 'https://prod.example.com' }, contexts, {}, []), { context: 'prod-admin' });
  assert.deepEqual(resolveContext({ name: 'production' }, contexts, {}, clusters), { context: 'prod-admin' });
  assert.deepEqual(resolveContext({ name: 'production' }, contexts, { production: 'mine' }, clusters), { context: 'mine' });
  assert.deepEqual(resolveContext({ server: 'https://kubernetes.default.svc' }, contexts, {}, []), { reason: 'in-cluster destination: map it to a context' });
  assert.deepEqual(resolveContext({ server: 'https://other' }, contexts, {}, []), { reason: 'no kubeconfig context for https://other' });
});

test('repository URLs compare the way Argo CD normalizes them', () => {
  for (const u of ['https://github.com/Example/GitOps.git', 'git@github.com:example/gitops', 'ssh://git@github.com/example/gitops/']) assert.equal(normalizeRepoUrl(u), 'github.com/example/gitops', u);
});
