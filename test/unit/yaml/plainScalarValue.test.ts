import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainScalarValue } from '../../../src/core/yaml/plainScalarValue';

// Text read as kustomize reads a plain scalar of a resource.

test('numbers, octal, booleans and timestamps read typed; YAML 1.1 words stay text', () => {
  assert.equal(plainScalarValue('1.50'), 1.5);
  assert.equal(plainScalarValue('0440'), 288);
  assert.equal(plainScalarValue('0x1F'), 31);
  assert.equal(plainScalarValue('true'), true);
  assert.equal(plainScalarValue('2024-01-01'), '2024-01-01T00:00:00Z');
  assert.equal(plainScalarValue('yes'), 'yes');
  assert.equal(plainScalarValue('info'), 'info');
});
