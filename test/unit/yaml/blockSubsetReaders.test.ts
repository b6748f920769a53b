import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeBlockSubset } from '../../../src/core/yaml/blockSubsetCompose';
import { parseTracked, type ScalarMode } from '../../../src/core/yaml/trackedParse';
import { Provenance, type FieldWrite } from '../../../src/core/provenance';
import { generateAnchorsAndBlockScalars, generateNearYaml, random } from './nearYaml';

// What parseTracked makes of the block-subset composer's nodes (values, aliases resolved,
// provenance with its quoted/plainText styles) must be what it makes of the package's.
// A trailing comment holding a tab sends the same text to the package without changing
// a single node.

const toPackage = '#\t\n';

/** The value with, beside every field, the writes provenance holds for it. */
function withWrites(value: unknown, provenance: Provenance): unknown {
  if (value === null || typeof value !== 'object') return value;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.map(([key, item]) => ({ key, writes: provenance.of(value, key) as FieldWrite[], value: withWrites(item, provenance) }));
}

function read(text: string, mode: ScalarMode): unknown {
  const provenance = new Provenance();
  const parsed = parseTracked('f.yaml', text, provenance, 'resource', { scalars: mode });
  assert.ok(parsed.ok, text);
  return parsed.value.map((doc) => ({ location: doc.location, value: withWrites(doc.value, provenance) }));
}

/** Asserts agreement when the subset composer takes `text`; returns whether it did. */
function readsAlike(text: string): boolean {
  const base = text.endsWith('\n') ? text : `${text}\n`;
  if (!composeBlockSubset(base)) return false;
  assert.equal(composeBlockSubset(base + toPackage), undefined);
  for (const mode of ['plain', 'resource', 'yaml11'] as const) assert.deepEqual(read(base, mode), read(base + toPackage, mode), `${mode}\n${base}`);
  return true;
}

test('block scalars and aliases read the same through either composer', () => {
  const texts = [
    'metadata:\n  labels: &labels\n    app: web\n  annotations:\n    note: &n |\n      multi\n      line\nspec:\n  selector:\n    matchLabels: *labels\n  template:\n    metadata:\n      labels: *labels\n      annotations:\n        copy: *n\n',
    'data:\n  a.sh: |-\n    #!/bin/sh\n\n    echo hi\n  b: >+\n    folded\n     more\n\n  n: &num 0440\n  m: *num\n',
    '- &item\n  name: x\n  port: 80\n- *item\n- &s >-\n  text\n- *s\n',
  ];
  for (const text of texts) assert.ok(readsAlike(text), `gave up on:\n${text}`);
});

test('generated near-YAML reads the same through either composer (fixed seed)', () => {
  const next = random(7);
  let taken = 0;
  const cases = 1500;
  for (let i = 0; i < cases; i++) if (readsAlike(i % 2 === 0 ? generateNearYaml(next) : generateAnchorsAndBlockScalars(next))) taken++;
  assert.ok(taken > cases / 10, `took ${taken} of ${cases}`);
});
