import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/core/ports';
import { diffRenders } from '../../../src/core/rollback/renderedDiff';
import { comparisonSnapshot, comparisonTexts, type CommitComparison } from '../../../src/extension/webviewHost/commitComparison';
import { resourceKey } from '../../../src/shared/resourceKey';

// The diff panel comparing two commits' renders: rows Added/Removed/Changed (changed first),
// both sides' YAML for a resource, and never a Secret's value.

const configMap = (name: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'shop' }, data });
const secret = (password: string): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'shop' }, stringData: { password } });

function comparison(): CommitComparison {
  const left = [configMap('settings', { mode: 'fast' }), configMap('same', { a: '1' }), configMap('gone', { b: '2' }), secret('head-secret-1')];
  const right = [configMap('settings', { mode: 'safe' }), configMap('same', { a: '1' }), configMap('new', { c: '3' }), secret('old-secret-2')];
  return { app: 'apps/shop', left: { label: 'HEAD 1111111', objects: left }, right: { label: '2222222', objects: right }, changes: diffRenders(left, right) };
}

test('rows say what moving from the left commit to the right one does, changed first; the sides are named', () => {
  const snapshot = comparisonSnapshot(comparison());
  assert.deepEqual(snapshot.compare, { left: 'HEAD 1111111', right: '2222222' });
  assert.deepEqual(snapshot.resources.map((r) => `${r.status} ${r.name}`), ['Changed settings', 'Added new', 'Changed creds', 'Removed gone', 'Unchanged same']);
  assert.deepEqual(snapshot.resources[0]?.changedPaths, ['data.mode']);
  assert.ok(snapshot.resources.every((r) => r.health === undefined));
});

test('both sides of a resource as YAML; a Secret shows masks only, the changed value with the longer one', () => {
  const c = comparison();
  const settings = comparisonTexts(c, resourceKey({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'settings' }));
  assert.match(settings?.left ?? '', /mode: fast/);
  assert.match(settings?.right ?? '', /mode: safe/);
  const added = comparisonTexts(c, resourceKey({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'new' }));
  assert.equal(added?.left, '');
  const creds = comparisonTexts(c, resourceKey({ apiVersion: 'v1', kind: 'Secret', namespace: 'shop', name: 'creds' }));
  const both = `${creds?.left ?? ''}${creds?.right ?? ''}`;
  assert.ok(!both.includes('head-secret-1') && !both.includes('old-secret-2'));
  assert.match(creds?.left ?? '', /password: "?\+{8}"?/);
  assert.match(creds?.right ?? '', /password: "?\+{9}"?/);
  assert.equal(comparisonTexts(c, 'v1|ConfigMap|shop|unknown'), undefined);
});
