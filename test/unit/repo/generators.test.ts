import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { discoverRepo } from '../../../src/core/repo/discover';

// ApplicationSet generators through discoverRepo, on in-memory repositories.

const repoURL = 'https://github.com/example/fleet.git';

function appSet(name: string, spec: string): string {
  return `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

const template = (name: string, path: string, server = 'https://kubernetes.default.svc'): string => `  template:
    metadata:
      name: '${name}'
    spec:
      project: default
      source:
        repoURL: ${repoURL}
        path: '${path}'
      destination:
        server: '${server}'
        namespace: demo
`;

async function names(files: Record<string, string>, options = {}): Promise<string[]> {
  const model = await discoverRepo(new MemoryFileSystem(files), '/r', { repoUrls: [repoURL], ...options });
  assert.deepEqual(model.diagnostics, []);
  return model.apps.map((a) => `${a.name} ${a.sources[0]?.path ?? ''} ${a.destination.server ?? ''}`);
}

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

test('git files generator: one app per config file, nested keys flattened for fasttemplate', async () => {
  const files = {
    '/r/clusters/eu/config.json': '{"cluster": {"name": "eu", "address": "https://eu.example.com"}}',
    '/r/clusters/us/config.yaml': 'cluster:\n  name: us\n  address: https://us.example.com\n',
    '/r/apps/demo/cm.yaml': cm,
    '/r/argocd/set.yaml': appSet('by-files', `  generators:\n  - git:\n      repoURL: ${repoURL}\n      revision: HEAD\n      files:\n      - path: clusters/**/config.*\n${template('demo-{{cluster.name}}-{{path.basename}}', 'apps/demo', '{{cluster.address}}')}`),
  };
  assert.deepEqual(await names(files), ['demo-eu-eu apps/demo https://eu.example.com', 'demo-us-us apps/demo https://us.example.com']);
});

test('merge generator: later generators override the base on mergeKeys', async () => {
  const spec = `  goTemplate: true
  generators:
  - merge:
      mergeKeys: [env]
      generators:
      - list:
          elements:
          - {env: dev, path: apps/a}
          - {env: prod, path: apps/a}
      - list:
          elements:
          - {env: prod, path: apps/b}
${template('m-{{.env}}', '{{.path}}')}`;
  const files = { '/r/apps/a/cm.yaml': cm, '/r/apps/b/cm.yaml': cm, '/r/argocd/set.yaml': appSet('merged', spec) };
  assert.deepEqual(await names(files), ['m-dev apps/a https://kubernetes.default.svc', 'm-prod apps/b https://kubernetes.default.svc']);
});

test('cluster generator: kubeconfig contexts as clusters, plus in-cluster when nothing narrows the selection', async () => {
  const spec = `  generators:\n  - clusters: {}\n${template('c-{{name}}', 'apps/a', '{{server}}')}`;
  const files = { '/r/apps/a/cm.yaml': cm, '/r/argocd/set.yaml': appSet('clusters', spec) };
  const contexts = [{ name: 'kind-dev', server: 'https://127.0.0.1:6443' }];
  assert.deepEqual(await names(files, { contexts, clustersFromContexts: true, contextMap: { 'https://kubernetes.default.svc': 'argocd-host' } }), [
    'c-in-cluster apps/a https://kubernetes.default.svc',
    'c-kind-dev apps/a https://127.0.0.1:6443',
  ]);
  const model = await discoverRepo(new MemoryFileSystem(files), '/r', { repoUrls: [repoURL], contexts, clustersFromContexts: true, contextMap: { 'https://kubernetes.default.svc': 'argocd-host' } });
  assert.deepEqual(model.apps.map((a) => a.context), ['argocd-host', 'kind-dev']);
});

test('matrix: the second generator sees the first one\'s parameters', async () => {
  const spec = `  generators:
  - matrix:
      generators:
      - list:
          elements:
          - {app: web}
          - {app: api}
      - git:
          repoURL: ${repoURL}
          revision: HEAD
          directories:
          - path: 'apps/{{app}}/envs/*'
${template('{{app}}-{{path.basename}}', '{{path}}')}`;
  const files = { '/r/apps/web/envs/dev/cm.yaml': cm, '/r/apps/web/envs/prod/cm.yaml': cm, '/r/apps/api/envs/dev/cm.yaml': cm, '/r/argocd/set.yaml': appSet('mx', spec) };
  assert.deepEqual(await names(files), ['api-dev apps/api/envs/dev https://kubernetes.default.svc', 'web-dev apps/web/envs/dev https://kubernetes.default.svc', 'web-prod apps/web/envs/prod https://kubernetes.default.svc']);
});

test('a git generator over another repository, and SCM generators, are warnings, not apps', async () => {
  const spec = `  generators:\n  - git:\n      repoURL: https://github.com/other/repo\n      directories:\n      - path: '*'\n  - scmProvider: {}\n${template('x-{{path.basename}}', 'apps/a')}`;
  const model = await discoverRepo(new MemoryFileSystem({ '/r/apps/a/cm.yaml': cm, '/r/argocd/set.yaml': appSet('elsewhere', spec) }), '/r', { repoUrls: [repoURL] });
  assert.deepEqual(model.apps, []);
  assert.deepEqual(model.diagnostics.map((d) => [d.severity, d.message, d.line]), [
    ['warning', 'git generator reads https://github.com/other/repo, another repository: not generated', 1],
    ['warning', 'scmProvider generator needs a live Argo CD: not generated', 1],
  ]);
});
