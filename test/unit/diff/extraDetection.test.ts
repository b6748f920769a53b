import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../../src/core/kustomize/render';
import { diffRendered, type LiveSource } from '../../../src/core/diff/diffRendered';
import type { KubeObject } from '../../../src/core/ports';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

// Extra: live objects tracked as part of the app (Driftline's annotation, Argo CD's
// annotation or instance label) that Git no longer has; IgnoreExtraneous opts out.

const fs = new MemoryFileSystem({
  '/repo/app/kustomization.yaml': 'namespace: web\nresources:\n  - cm.yaml\n',
  '/repo/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: prod\n',
});

function configMap(name: string, annotations: Record<string, string> = {}, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'web', annotations, labels }, data: { mode: 'prod' } };
}

async function statuses(objects: KubeObject[], tracking: { id: string; argoAppName?: string }): Promise<string[]> {
  const rendered = await render(fs, '/repo/app');
  assert.ok(rendered.ok);
  const live: LiveSource = {
    get: async (ref) => objects.find((o) => o.metadata.name === ref.name),
    list: async (apiVersion, kind, namespace) => objects.filter((o) => o.apiVersion === apiVersion && o.kind === kind && o.metadata.namespace === namespace),
  };
  const diffs = await diffRendered(rendered.value, live, { tracking });
  return diffs.map((d) => `${d.name}:${d.status}:${d.health?.status ?? 'none'}`);
}

const desired = configMap('settings', { 'driftline.dev/tracking-id': 'app' });

test("an object carrying Driftline's tracking id that Git dropped is Extra", async () => {
  assert.deepEqual(await statuses([desired, configMap('old', { 'driftline.dev/tracking-id': 'app' })], { id: 'app' }), ['settings:Synced:none', 'old:Extra:none']);
});

test("another overlay's tracking id is not Extra", async () => {
  assert.deepEqual(await statuses([desired, configMap('theirs', { 'driftline.dev/tracking-id': 'other/app' })], { id: 'app' }), ['settings:Synced:none']);
});

test('an untracked object is not Extra', async () => {
  assert.deepEqual(await statuses([desired, configMap('manual')], { id: 'app' }), ['settings:Synced:none']);
});

test("Argo CD's tracking annotation marks Extra for its app only", async () => {
  const objects = [desired, configMap('a', { 'argocd.argoproj.io/tracking-id': 'guestbook:/ConfigMap:web/a' }), configMap('b', { 'argocd.argoproj.io/tracking-id': 'other:/ConfigMap:web/b' })];
  assert.deepEqual(await statuses(objects, { id: 'app', argoAppName: 'guestbook' }), ['settings:Synced:none', 'a:Extra:none']);
});

test("Argo CD's instance label marks Extra", async () => {
  assert.deepEqual(await statuses([desired, configMap('c', {}, { 'app.kubernetes.io/instance': 'guestbook' })], { id: 'app', argoAppName: 'guestbook' }), ['settings:Synced:none', 'c:Extra:none']);
});

test('IgnoreExtraneous keeps a tracked leftover out of the result', async () => {
  const leftover = configMap('kept', { 'driftline.dev/tracking-id': 'app', 'argocd.argoproj.io/compare-options': 'ServerSideDiff=true, IgnoreExtraneous' });
  assert.deepEqual(await statuses([desired, leftover], { id: 'app' }), ['settings:Synced:none']);
});

test('without tracking nothing is Extra', async () => {
  const rendered = await render(fs, '/repo/app');
  assert.ok(rendered.ok);
  const objects = [desired, configMap('old', { 'driftline.dev/tracking-id': 'app' })];
  const diffs = await diffRendered(rendered.value, { get: async (ref) => objects.find((o) => o.metadata.name === ref.name), list: async () => objects });
  assert.deepEqual(diffs.map((d) => d.status), ['Synced']);
});
