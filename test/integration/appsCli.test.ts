import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKubectl } from '../support/kubectlTool';
import { fixturesDir, repoRoot } from '../support/fixtures';

// `driftline apps` on the fixture repositories, with exact expected tables. Run from the
// fixtures directory so that paths in diagnostics are short and stable.

const cli = join(repoRoot, 'dist', 'cli.js');
const repos = join(fixturesDir, 'repos');
const kubeconfig = 'gitops-kubeconfig.yaml';
let helm = '';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function apps(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    // A PATH without helm, so that "helm not found" does not depend on the machine.
    const env = { ...process.env, PATH: '/nonexistent', KUBECONFIG: '' };
    execFile(process.execPath, [cli, 'apps', ...args], { cwd: repos, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const lines = (s: string): string[] => s.replace(/\n$/, '').split('\n');

before(async () => {
  assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
  helm = (await ensureKubectl()).helm;
});

test('gitops layout: overlays, infrastructure, a directory app, another repo, a cluster Secret', async () => {
  const r = await apps('gitops-layout', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/gitops', '--context-map', 'https://kubernetes.default.svc=kind-dev');
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.deepEqual(lines(r.stdout), [
  "NAME                  PROJECT    SOURCE                                                                REVISION  DESTINATION                                           CONTEXT     ENV         SYNC                  RENDER",
  "api-dev               default    apps/api/overlays/dev                                                 HEAD      https://kubernetes.default.svc ns/api                 kind-dev    dev         manual                kustomize: 1 object",
  "guestbook-production  guestbook  apps/guestbook/overlays/production                                    v1.4.0    production ns/guestbook-production                    prod-admin  production  auto/prune/self-heal  kustomize: 2 objects",
  "guestbook-staging     guestbook  apps/guestbook/overlays/staging                                       main      https://staging.k8s.example.com ns/guestbook-staging  staging     staging     auto/prune            kustomize: 2 objects",
  "ingress-nginx         platform   infrastructure/ingress-nginx                                          HEAD      https://prod.k8s.example.com ns/ingress-nginx         prod-admin  -           manual                kustomize: 2 objects",
  "monitoring            platform   infrastructure/monitoring                                             HEAD      https://prod.k8s.example.com ns/monitoring            prod-admin  -           manual                directory: 2 objects",
  "vendor-dashboard      platform   https://github.com/vendor/dashboards.git//deploy/overlays/production  stable    https://prod.k8s.example.com ns/dashboards            prod-admin  production  manual                not rendered: source in another repository",
]);
});

test('ApplicationSets: list, git directories with exclude, matrix of git × clusters (goTemplate); a broken template is located', async () => {
  const r = await apps('appset-fleet', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/fleet', '--context-map', 'https://kubernetes.default.svc=kind-dev', '--context-map', 'staging-eu=staging');
  assert.deepEqual(lines(r.stdout), [
  "NAME                  PROJECT   SOURCE                    REVISION  DESTINATION                                        CONTEXT   ENV         SYNC        RENDER",
  "cert-manager-prod-eu  platform  platform/cert-manager     HEAD      https://prod-eu.k8s.example.com ns/cert-manager    -         production  auto/prune  directory: 1 object",
  "cert-manager-prod-us  platform  platform/cert-manager     HEAD      https://prod-us.k8s.example.com ns/cert-manager    -         production  auto/prune  directory: 1 object",
  "external-dns-prod-eu  platform  platform/external-dns     HEAD      https://prod-eu.k8s.example.com ns/external-dns    -         production  auto/prune  directory: 1 object",
  "external-dns-prod-us  platform  platform/external-dns     HEAD      https://prod-us.k8s.example.com ns/external-dns    -         production  auto/prune  directory: 1 object",
  "svc-billing           services  services/billing          HEAD      https://staging-eu.k8s.example.com ns/billing      staging   -           auto        kustomize: 1 object",
  "svc-search            services  services/search           HEAD      https://staging-eu.k8s.example.com ns/search       staging   -           auto        kustomize: 1 object",
  "web-dev               web       apps/web/envs/dev         main      https://kubernetes.default.svc ns/web-dev          kind-dev  dev         manual      kustomize: 1 object",
  "web-production        web       apps/web/envs/production  main      https://prod-eu.k8s.example.com ns/web-production  -         production  manual      kustomize: 1 object",
  "web-staging           web       apps/web/envs/staging     main      https://staging-eu.k8s.example.com ns/web-staging  staging   staging     manual      kustomize: 1 object",
]);
  assert.equal(r.stderr, 'driftline: appset-fleet/argocd/broken.yaml:19:9: ApplicationSet broken: template "{{range .items}}x{{end}}": "{{range}}" is not supported\n');
  assert.equal(r.code, 1);
});

test('app-of-apps: children come from the rendered parents, nested two levels', async () => {
  const r = await apps('app-of-apps', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/platform', '--context-map', 'https://kubernetes.default.svc=kind-dev');
  assert.equal(r.stderr, '');
  assert.deepEqual(lines(r.stdout), [
  "NAME          PROJECT   SOURCE                                REVISION  DESTINATION                                     CONTEXT   ENV      SYNC                  RENDER",
  "cert-manager  platform  platform/cert-manager                 v1.2.0    https://kubernetes.default.svc ns/cert-manager  kind-dev  -        manual                directory: 2 objects",
  "guestbook     default   workloads/guestbook/overlays/staging  HEAD      https://kubernetes.default.svc ns/guestbook     kind-dev  staging  manual                kustomize: 1 object",
  "platform      default   argocd/platform                       HEAD      https://kubernetes.default.svc ns/argocd        kind-dev  -        manual                directory: 1 object",
  "root          default   argocd/apps                           HEAD      https://kubernetes.default.svc ns/argocd        kind-dev  -        auto/prune/self-heal  kustomize: 2 objects",
]);
  const json = JSON.parse((await apps('app-of-apps', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/platform', '-o', 'json')).stdout) as { apps: Array<{ name: string; parent?: string; namespace?: string }> };
  assert.deepEqual(json.apps.map((a) => [a.name, a.parent ?? null, a.namespace ?? null]), [
    ['cert-manager', 'platform', 'argocd'],
    ['guestbook', 'root', 'argocd'],
    ['platform', 'root', 'argocd'],
    ['root', null, 'argocd'],
  ]);
});

test('Helm infrastructure rendered with the helm binary: value files through a $ref source, parameters', async () => {
  const r = await apps('helm-infra', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/infra', '--helm', helm);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.deepEqual(lines(r.stdout), [
  "NAME                PROJECT  SOURCE                                                          REVISION  DESTINATION                                      CONTEXT  ENV         SYNC            RENDER",
  "ingress-nginx       infra    https://kubernetes.github.io/ingress-nginx chart ingress-nginx  4.10.0    https://kubernetes.default.svc ns/ingress-nginx  -        -           manual          helm: not rendered: chart from a Helm repository",
  "podinfo-production  infra    infrastructure/charts/podinfo-lite                              main      https://kubernetes.default.svc ns/podinfo        -        production  auto/self-heal  helm: 2 objects",
  "podinfo-staging     infra    infrastructure/charts/podinfo-lite                              main      https://kubernetes.default.svc ns/podinfo        -        staging     manual          helm: 2 objects",
  "shop-production     shop     apps/shop/overlays/production                                   main      https://kubernetes.default.svc ns/shop           -        production  manual          kustomize: 1 object",
]);
});

test('Helm sources without a helm binary say so and do not fail the others', async () => {
  const r = await apps('helm-infra', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/infra', '-o', 'json');
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { apps: Array<{ name: string; render: { status: string; message: string } }> };
  assert.deepEqual(json.apps.map((a) => [a.name, a.render.status, a.render.message]), [
    ['ingress-nginx', 'not-rendered', 'not rendered: chart from a Helm repository'],
    ['podinfo-production', 'not-rendered', 'not rendered: helm not found'],
    ['podinfo-staging', 'not-rendered', 'not rendered: helm not found'],
    ['shop-production', 'rendered', '1 object'],
  ]);
});

test('the external renderer (kubectl kustomize) gives the same apps with per-resource provenance', async () => {
  const { kubectl } = await ensureKubectl();
  const r = await new Promise<CliResult>((resolve) => {
    const env = { ...process.env, PATH: join(kubectl, '..'), KUBECONFIG: '' };
    execFile(process.execPath, [cli, 'apps', 'gitops-layout', '--kubeconfig', kubeconfig, '--repo-url', 'https://github.com/example/gitops', '--renderer', 'kubectl', '-o', 'json'], { cwd: repos, env }, (error, stdout, stderr) => {
      resolve({ code: error ? 1 : 0, stdout, stderr });
    });
  });
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { apps: Array<{ name: string; render: { message: string } }> };
  assert.deepEqual(json.apps.map((a) => `${a.name}: ${a.render.message}`), [
    'api-dev: 1 object',
    'guestbook-production: 2 objects',
    'guestbook-staging: 2 objects',
    'ingress-nginx: 2 objects',
    'monitoring: 2 objects',
    'vendor-dashboard: not rendered: source in another repository',
  ]);
});
