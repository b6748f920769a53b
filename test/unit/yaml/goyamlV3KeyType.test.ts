import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { goyamlV3KeyType } from '../../../src/core/yaml/goyamlV3KeyType';

// Which unquoted keys yaml.v3 reads as no string: kubectl cannot print a nested one
// (each row checked with `kubectl kustomize` on `spec: {<key>: x}`).

function keyType(key: string): string | undefined {
  const doc = parseDocument(`${key}: x\n`);
  const pair = (doc.contents as { items: { key: unknown }[] }).items[0];
  return goyamlV3KeyType(pair?.key)?.type;
}

test('numbers as yaml.v3 reads them, including the ones the 1.2 core schema calls strings', () => {
  for (const key of ['2', '9000', '0x1F', '1_000', '0440', '-3']) assert.equal(keyType(key), 'integer', key);
  for (const key of ['1.5', '1e3', '.inf']) assert.equal(keyType(key), 'decimal number', key);
});

test('booleans, nulls and timestamps are no strings either', () => {
  assert.equal(keyType('true'), 'boolean');
  assert.equal(keyType('~'), 'null');
  assert.equal(keyType('2020-01-01'), 'timestamp');
});

test('YAML 1.1 words, sexagesimal-looking text and quoted keys are strings to yaml.v3', () => {
  for (const key of ['yes', 'on', 'y', '12:30', '"2"', "'true'", 'port-9000', '1.2.3']) assert.equal(keyType(key), undefined, key);
});
