import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goyamlV3Number, goyamlV3NumberTag } from '../../../src/core/yaml/goyamlV3Number';

// Each reading below is what kubectl kustomize v1.35.2 printed for the plain scalar.

test('underscores are dropped before reading a number', () => {
  assert.equal(goyamlV3Number('1_000'), 1000);
  assert.equal(goyamlV3Number('1_0.5'), 10.5);
  assert.equal(goyamlV3Number('0x_1F'), 31);
});

test('integers read as Go strconv.ParseInt with base 0', () => {
  assert.equal(goyamlV3Number('0b101'), 5);
  assert.equal(goyamlV3Number('-0x1F'), -31);
  assert.equal(goyamlV3Number('0o17'), 15);
  assert.equal(goyamlV3Number('0123'), 83);
  assert.equal(goyamlV3Number('+12'), 12);
  assert.equal(goyamlV3Number('-0'), 0);
});

test('what no integer syntax takes may still be a YAML float', () => {
  assert.equal(goyamlV3Number('08'), 8);
  assert.equal(goyamlV3NumberTag('08'), '!!float');
  assert.equal(goyamlV3NumberTag('1.0'), '!!float');
  assert.equal(goyamlV3NumberTag('1_000'), '!!int');
  assert.equal(goyamlV3Number('.5'), 0.5);
  assert.equal(goyamlV3Number('1e3'), 1000);
});

test('other text is no number', () => {
  for (const text of ['1_a', '-', '0x', '_1', 'yes', '2024-01-01', '1.2.3', '.']) assert.equal(goyamlV3Number(text), undefined, text);
});
