import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldPath, parseFieldPath, resolveFieldPath } from '../../src/core/fieldPath';

const object = { spec: { containers: [{ name: 'sidecar' }, { name: 'api', ports: [{ containerPort: 80 }], args: ['a', 'b'] }] } };

test('parses keys, [key=value] and [index]', () => {
  assert.deepEqual(parseFieldPath('spec.containers[name=api].args[1]'), [
    { key: 'spec' },
    { key: 'containers' },
    { match: { field: 'name', value: 'api' } },
    { key: 'args' },
    { index: 1 },
  ]);
});

test('rejects malformed paths', () => {
  for (const bad of ['', '.spec', 'spec.', 'spec..x', 'spec[name=a', '[0]x']) assert.equal(parseFieldPath(bad), undefined, bad);
});

test('resolves to concrete indices and back to kubectl style', () => {
  const steps = parseFieldPath('spec.containers[name=api].ports[0].containerPort');
  assert.ok(steps);
  const concrete = resolveFieldPath(object, steps);
  assert.deepEqual(concrete, ['spec', 'containers', 1, 'ports', 0, 'containerPort']);
  assert.equal(formatFieldPath(object, concrete ?? []), 'spec.containers[name=api].ports[containerPort=80].containerPort');
});

test('a missing item resolves to undefined', () => {
  const steps = parseFieldPath('spec.containers[name=nope].image');
  assert.ok(steps);
  assert.equal(resolveFieldPath(object, steps), undefined);
});
