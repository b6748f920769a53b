import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { discoverRepo } from '../../../src/core/repo/discover';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const child = (name: string, path: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\nspec:\n  source:\n    repoURL: https://git.example.com/r.git\n    path: ${path}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${name}\n`;

test('kustomizations as bases and overlays, charts, plain manifest directories, repo URL from .git/config', async () => {
  const fs = new MemoryFileSystem({
    '/r/.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@git.example.com:r.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
    '/r/apps/a/base/kustomization.yaml': 'resources:\n- cm.yaml\n',
    '/r/apps/a/base/cm.yaml': cm('a'),
    '/r/apps/a/overlays/prod/kustomization.yaml': 'resources:\n- ../../base\n',
    '/r/charts/c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
    '/r/charts/c/templates/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
    '/r/plain/cm.yaml': cm('plain'),
    '/r/argocd/a.yaml': child('a', 'apps/a/overlays/prod'),
  });
  const model = await discoverRepo(fs, '/r');
  assert.deepEqual(model.kustomizations, [
    { dir: '/r/apps/a/base', role: 'base', root: false },
    { dir: '/r/apps/a/overlays/prod', role: 'overlay', root: true },
  ]);
  assert.deepEqual(model.charts, [{ dir: '/r/charts/c', name: 'c', version: '0.1.0' }]);
  assert.deepEqual(model.directories, ['/r/argocd', '/r/plain']);
  assert.deepEqual(model.apps.map((a) => [a.name, a.sources[0]?.repo, a.sources[0]?.kind, a.environment]), [['a', 'this', 'kustomize', 'production']]);
  assert.deepEqual(model.diagnostics, []);
});

test('app-of-apps: children from the rendered parent (kustomize transformations applied), cycles stop', async () => {
  const fs = new MemoryFileSystem({
    '/r/root.yaml': child('root', 'apps'),
    '/r/apps/kustomization.yaml': 'resources:\n- a.yaml\n- self.yaml\nnamePrefix: team-\n',
    '/r/apps/a.yaml': child('a', 'workloads/a'),
    '/r/apps/self.yaml': child('loop', 'apps'),
    '/r/workloads/a/cm.yaml': cm('a'),
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: ['https://git.example.com/r'] });
  assert.deepEqual(model.apps.map((a) => [a.name, a.parent ?? null, a.namespace ?? null]), [
    ['root', null, null],
    ['team-a', 'root', 'root'],
    ['team-loop', 'root', 'root'],
  ]);
});

test('multi-source apps: a $ref source lends the repo root; a chart from a Helm repository is external', async () => {
  const fs = new MemoryFileSystem({
    '/r/values/prod.yaml': 'a: 1\n',
    '/r/argocd/app.yaml': `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ext\nspec:\n  sources:\n  - repoURL: https://charts.example.com\n    chart: redis\n    targetRevision: 18.0.0\n    helm:\n      valueFiles: [$values/values/prod.yaml]\n  - repoURL: https://git.example.com/r.git\n    ref: values\n  destination:\n    name: in-cluster\n    namespace: redis\n  syncPolicy:\n    automated:\n      enabled: false\n`,
  });
  const model = await discoverRepo(fs, '/r', { repoUrls: ['https://git.example.com/r'] });
  const app = model.apps[0];
  assert.deepEqual(app?.sources.map((s) => [s.kind ?? null, s.repo, s.dir ?? null, s.chart ?? null]), [['helm', 'other', null, 'redis'], [null, 'this', '/r', null]]);
  assert.deepEqual(app?.syncPolicy, { automated: false, prune: false, selfHeal: false, syncOptions: [] });
});
