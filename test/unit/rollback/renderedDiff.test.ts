import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffRenders } from '../../../src/core/rollback/renderedDiff';
import { refLabel } from '../../../src/core/sync/objectRef';
import type { KubeObject } from '../../../src/core/ports';

const cm = (name: string, data: Record<string, string>, apiVersion = 'v1'): KubeObject => ({ apiVersion, kind: 'ConfigMap', metadata: { name, namespace: 'n' }, data });

test('per resource: added, removed, changed (with paths), unchanged', () => {
  const before = [cm('same', { a: '1' }), cm('edited', { a: '1' }), cm('gone', { a: '1' })];
  const after = [cm('same', { a: '1' }), cm('edited', { a: '2' }), cm('new', { a: '1' })];
  const diff = diffRenders(before, after);
  assert.deepEqual(diff.map((d) => `${d.status} ${refLabel(d.ref)}`), ['unchanged ConfigMap/n/same', 'changed ConfigMap/n/edited', 'added ConfigMap/n/new', 'removed ConfigMap/n/gone']);
  assert.deepEqual(diff[1]?.changes, [{ path: 'data.a', before: '1', after: '2' }]);
});
