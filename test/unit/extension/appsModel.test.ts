import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppModel } from '../../../src/core/repo/model';
import { appEntries, appsRendering, groupEntries } from '../../../src/extension/apps/appEntries';
import { guardSync } from '../../../src/extension/apps/contextGuard';
import { affectsRepoModel } from '../../../src/extension/apps/repoModelTriggers';
import { appDescription, elsewhereCounts, syncCounts } from '../../../src/extension/views/appNodeText';
import type { ResourceDiff } from '../../../src/core/diff/types';

// The Apps view's and the sync guard's rules, without VS Code.

const root = '/repo';

function app(name: string, dir: string, extra: Partial<AppModel> = {}): AppModel {
  return {
    name, project: 'default', labels: {}, location: { file: `${root}/argocd/${name}.yaml`, line: 1, column: 1 },
    sources: [{ repoURL: 'https://git.example.com/gitops.git', path: dir, targetRevision: 'main', repo: 'this', dir: `${root}/${dir}`, kind: 'kustomize' }],
    destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
    syncPolicy: { automated: false, prune: false, selfHeal: false, syncOptions: [] }, ignoreDifferences: [], diagnostics: [],
    ...extra,
  };
}

const rel = (dir: string): string => dir.slice(root.length + 1);
const prod = app('guestbook-prod', 'apps/guestbook/overlays/production', { context: 'prod-eks', environment: 'production' });
const staging = app('guestbook-staging', 'apps/guestbook/overlays/staging', { context: 'staging-gke', environment: 'staging' });
const overlays = [`${root}/apps/guestbook/overlays/production`, `${root}/apps/guestbook/overlays/staging`, `${root}/infra/monitoring/overlays/dev`];

test('apps come from the model; overlays no Application names are listed by their path', () => {
  const entries = appEntries([prod, staging], overlays, rel, 'kind-local');
  assert.deepEqual(entries.map((e) => [e.name, e.environment, e.cluster, e.app ? 'argo' : 'plain']), [
    ['guestbook-prod', 'production', 'prod-eks', 'argo'],
    ['guestbook-staging', 'staging', 'staging-gke', 'argo'],
    ['monitoring-dev', 'dev', 'kind-local', 'plain'],
  ]);
});

test('grouping by environment or by cluster', () => {
  const entries = appEntries([prod, staging, app('guestbook-prod-eu', 'apps/guestbook/overlays/production', { context: 'prod-eu', environment: 'production' })], overlays, rel, 'kind-local');
  const byEnv = groupEntries(entries, 'environment').map((g) => [g.name, g.entries.map((e) => e.name)]);
  assert.deepEqual(byEnv, [['dev', ['monitoring-dev']], ['production', ['guestbook-prod', 'guestbook-prod-eu']], ['staging', ['guestbook-staging']]]);
  const byCluster = groupEntries(entries, 'cluster').map((g) => [g.name, g.entries.map((e) => e.name)]);
  assert.deepEqual(byCluster, [['kind-local', ['monitoring-dev']], ['prod-eks', ['guestbook-prod']], ['prod-eu', ['guestbook-prod-eu']], ['staging-gke', ['guestbook-staging']]]);
});

test('an unresolved destination groups under what the Application says', () => {
  const [entry] = appEntries([app('a', 'x', { destination: { name: 'edge-1' }, contextNote: 'cluster "edge-1" is not declared in the repo' })], [], rel, undefined);
  assert.equal(entry?.cluster, 'edge-1');
});

test('which apps render an overlay directory', () => {
  const eu = app('guestbook-prod-eu', 'apps/guestbook/overlays/production', { context: 'prod-eu' });
  assert.deepEqual(appsRendering([prod, staging, eu], `${root}/apps/guestbook/overlays/production`).map((a) => a.name), ['guestbook-prod', 'guestbook-prod-eu']);
  assert.deepEqual(appsRendering([prod], `${root}/apps/guestbook/base`), []);
});

test('the context guard allows only the destination context', () => {
  assert.deepEqual(guardSync([], 'anything'), { kind: 'allowed', app: undefined });
  assert.equal(guardSync([prod], 'prod-eks').kind, 'allowed');
  const wrong = guardSync([prod], 'kind-local');
  assert.equal(wrong.kind, 'wrongContext');
  assert.equal(wrong.kind === 'wrongContext' && wrong.context, 'prod-eks');
  assert.equal(wrong.kind === 'wrongContext' && wrong.message, 'guestbook-prod deploys to context "prod-eks", but Driftline is connected to "kind-local". Nothing was applied.');
  // One overlay, two clusters: the app for the connected one is picked.
  const eu = app('guestbook-prod-eu', 'apps/guestbook/overlays/production', { context: 'prod-eu' });
  const picked = guardSync([prod, eu], 'prod-eu');
  assert.equal(picked.kind === 'allowed' && picked.app?.name, 'guestbook-prod-eu');
});

test('an app whose destination resolves to no context is refused with the reason', () => {
  const lost = app('lost', 'x', { contextNote: 'in-cluster destination: map it to a context' });
  const verdict = guardSync([lost], 'kind-local');
  assert.equal(verdict.kind, 'noContext');
  assert.match(verdict.kind === 'noContext' ? verdict.message : '', /^lost deploys to https:\/\/kubernetes\.default\.svc, which resolves to no kubeconfig context: in-cluster destination: map it to a context\. Map it in the setting driftline\.contextMappings\. Nothing was applied\.$/);
});

test('which file changes re-discover the repo model', () => {
  assert.equal(affectsRepoModel('/r/apps/x/kustomization.yaml', 'resources: []', new Set()), true);
  assert.equal(affectsRepoModel('/r/apps/x/Kustomization', undefined, new Set()), true);
  assert.equal(affectsRepoModel('/r/argocd/new.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n', new Set()), true);
  assert.equal(affectsRepoModel('/r/apps/x/deployment.yaml', 'kind: Deployment\n', new Set()), false);
  assert.equal(affectsRepoModel('/r/argocd/old.yaml', undefined, new Set(['/r/argocd/old.yaml'])), true);
  assert.equal(affectsRepoModel('/r/README.md', 'kind: Application', new Set()), false);
});

test('app node text: where it deploys, its counts, and Argo CD beside them', () => {
  const diff = (status: ResourceDiff['status']): ResourceDiff => ({ group: 'apps', version: 'v1', kind: 'Deployment', name: 'x', status, changes: [] }) as unknown as ResourceDiff;
  const [entry] = appEntries([prod], [], rel, undefined);
  assert.ok(entry);
  const counts = syncCounts({ errors: [], diffs: [diff('OutOfSync'), diff('Missing'), diff('Synced')] });
  assert.deepEqual(counts, { drifted: 2, text: '2 out of sync, 1 Missing' });
  const argo = { name: 'guestbook-prod', sync: 'OutOfSync', health: 'Healthy', resources: [], operationPending: false, history: [], automated: false };
  assert.equal(appDescription(entry, counts, argo, 'environment'), 'production · prod-eks · 2 out of sync, 1 Missing · Argo CD OutOfSync');
  assert.equal(appDescription(entry, syncCounts({ errors: [], diffs: [] }), undefined, 'cluster'), 'prod-eks · production · in sync');
  assert.equal(appDescription(entry, undefined, undefined, 'environment'), 'production · prod-eks · not rendered in the editor');
});

test('an app deploying to another context is not counted against the connected one', () => {
  const [prodEntry, plain] = appEntries([prod], [`${root}/infra/monitoring/overlays/dev`], rel, 'kind-local');
  assert.ok(prodEntry && plain);
  assert.deepEqual(elsewhereCounts(prodEntry, 'kind-local'), { drifted: 0, text: 'not compared: connected to kind-local' });
  assert.equal(elsewhereCounts(prodEntry, 'prod-eks'), undefined);
  assert.equal(elsewhereCounts(prodEntry, undefined), undefined);
  assert.equal(elsewhereCounts(plain, 'kind-local'), undefined, 'a plain overlay goes wherever Driftline is connected');
});
