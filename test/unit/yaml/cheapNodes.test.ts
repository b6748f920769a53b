import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { newMap, newPair, newScalar, newSeq } from '../../../src/core/yaml/cheapNodes';

test('cheap nodes are the yaml package\'s nodes to its guards and classes', () => {
  const scalar = newScalar(3);
  const pair = newPair(newScalar('k'), scalar);
  assert.ok(isScalar(scalar) && scalar instanceof Scalar && scalar.value === 3);
  assert.ok(isPair(pair) && pair instanceof Pair && pair.value === scalar);
  assert.ok(isMap(newMap()) && newMap() instanceof YAMLMap && !isSeq(newMap()));
  assert.ok(isSeq(newSeq()) && newSeq() instanceof YAMLSeq && !isMap(newSeq()));
  assert.equal(String(scalar), '3');
});

test('every collection has items of its own', () => {
  const a = newMap();
  const b = newMap();
  a.items.push(newPair(newScalar('k'), newScalar(1)));
  assert.equal(b.items.length, 0);
  const s = newSeq();
  s.items.push(newScalar(1));
  assert.equal(newSeq().items.length, 0);
});
