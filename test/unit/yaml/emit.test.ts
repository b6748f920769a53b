import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { emitDocument, emitStream } from '../../../src/core/yaml/emit';
import { fixturesDir } from '../../support/fixtures';

test('quotes, escapes, folds and orders like kubectl kustomize (goyaml.v2)', () => {
  const dir = join(fixturesDir, 'yaml', 'tricky-strings');
  const input: unknown = parse(readFileSync(join(dir, 'input.yaml'), 'utf8'));
  assert.equal(emitDocument(input), readFileSync(join(dir, 'expected.yaml'), 'utf8'));
});

test('sequences under a mapping are not indented; empty collections are flow style', () => {
  assert.equal(emitDocument({ b: [{ name: 'x', ports: [] }, 'plain'], a: {} }), 'a: {}\nb:\n- name: x\n  ports: []\n- plain\n');
});

test('natural key order puts digit runs in numeric order and non-letters first', () => {
  assert.equal(emitDocument({ a10: 1, a9: 2, 'a-b': 3, ab: 4 }), 'a-b: 3\na9: 2\na10: 1\nab: 4\n');
});

test('numbers: integers stay integers, small floats use Go exponent form', () => {
  assert.equal(emitDocument({ i: 3, f: 0.5, tiny: 0.00001 }), 'f: 0.5\ni: 3\ntiny: 1e-05\n');
});

test('documents are joined by --- with no leading separator', () => {
  assert.equal(emitStream([{ a: 1 }, { b: 2 }]), 'a: 1\n---\nb: 2\n');
});
