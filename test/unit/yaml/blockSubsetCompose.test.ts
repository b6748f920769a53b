import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { composeBlockSubset, type ComposedStream } from '../../../src/core/yaml/blockSubsetCompose';
import { parseTracked } from '../../../src/core/yaml/trackedParse';
import { Provenance } from '../../../src/core/provenance';
import { fixturesDir, repoRoot } from '../../support/fixtures';
import { generateAnchorsAndBlockScalars, generateNearYaml, random } from './nearYaml';

// The block-subset composer must build exactly what the `yaml` package composes (values,
// styles, source text, positions) whenever it takes a text, and take only texts the
// package parses without errors or warnings.

function packageStream(text: string): { stream: ComposedStream; clean: boolean } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  return { stream: { documents, lineCounter }, clean: documents.every((d) => d.errors.length === 0 && d.warnings.length === 0) };
}

/**
 * What our readers see of a node tree, with positions as line:column: values, styles,
 * source text, anchors, what each alias resolves to (readers resolve them against the
 * document), and where a block scalar ends.
 */
function describe(node: unknown, lines: LineCounter, doc: unknown): unknown {
  const at = (offset: number | undefined): string => {
    const { line, col } = lines.linePos(offset ?? -1);
    return `${line}:${col}`;
  };
  const inner = (child: unknown): unknown => describe(child, lines, doc);
  if (node === null) return null;
  if (isAlias(node)) {
    const target = isDocument(doc) ? (node.resolve(doc as Document) as Node | undefined) : undefined;
    return { at: at(node.range?.[0]), alias: node.source, resolves: target ? at(target.range?.[0]) : 'nothing' };
  }
  if (isScalar(node)) {
    const value = typeof node.value === 'number' ? `number ${Object.is(node.value, -0) ? '-0' : String(node.value)}` : node.value;
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    return { at: at(node.range?.[0]), ...(block ? { end: at(node.range?.[2]) } : {}), value, source: node.source, type: node.type, tag: node.tag, format: node.format, minFractionDigits: node.minFractionDigits, anchor: node.anchor };
  }
  if (isSeq(node)) return { at: at(node.range?.[0]), anchor: node.anchor, flow: node.flow === true, seq: node.items.map(inner) };
  if (isMap(node)) {
    return { at: at(node.range?.[0]), anchor: node.anchor, flow: node.flow === true, map: node.items.map((pair) => (isPair(pair) ? [inner(pair.key), inner(pair.value)] : 'not a pair')) };
  }
  return `unexpected ${String(node)}`;
}

function describeStream(stream: ComposedStream): unknown {
  return stream.documents.map((doc) => ({ document: isDocument(doc), errors: doc.errors.length, contents: describe(doc.contents, stream.lineCounter, doc) }));
}

/** Asserts agreement when the subset composer takes `text`; returns whether it did. */
function agrees(text: string, label: string): boolean {
  const fast = composeBlockSubset(text);
  if (!fast) return false;
  const full = packageStream(text);
  assert.ok(full.clean, `${label}: taken by the subset composer, but the package reports problems\n${text}`);
  assert.deepEqual(describeStream(fast), describeStream(full.stream), `${label}\n${text}`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$|^Kustomization$/.test(entry) ? [path] : [];
    });
}

test('composes every fixture and example it takes exactly as the yaml package does', () => {
  const files = [...yamlFiles(fixturesDir), ...yamlFiles(join(repoRoot, 'examples'))];
  let taken = 0;
  for (const file of files) if (agrees(readFileSync(file, 'utf8'), file)) taken++;
  // The point is speed on ordinary files: most fixtures are plain block YAML.
  assert.ok(taken > files.length / 2, `took only ${taken} of ${files.length} files`);
});

test('leaves everything outside plain block YAML to the yaml package', () => {
  const outside = [
    'b: *x\na: &x 1\n',
    'a: &x\n  b: *x\n',
    'a: &x 1\nb: &x 2\n',
    'a: &x 1\n---\nb: *x\n',
    '&x a: 1\n',
    'a: &x\nb: 1\n',
    '- &x\n- 1\n',
    'a: *x y\n',
    'a: &x 1\nb: &y *x\n',
    'a: &x\n  b: 1\nc:\n  <<: *x\n',
    'a: {b: 1}\n',
    'a: [1, 2]\n',
    'a: |\n\n  text\n',
    'a: |\n',
    'a: |\n    x\n  y\n',
    'a: |\n  x\n   \n',
    'a: |#c\n  x\n',
    'a: |12\n  x\n',
    '|\n  x\n',
    'a: !!str 1\n',
    'a: "esc\\n"\n',
    'a: "multi\n  line"\n',
    'a: plain\n  continued\n',
    'a: 1\na: 2\n',
    'a:\tb\n',
    'a: 1\r\nb: 2\r\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n...\n',
    '<<: {a: 1}\n',
    'true: 1\n',
    'a: b: c\n',
    '- - x\n',
    'just a scalar\n',
    'a:\n  - x\n - y\n',
    '? complex\n: key\n',
  ];
  for (const text of outside) assert.equal(composeBlockSubset(text), undefined, text);
});

test('takes the usual shapes: nested maps, sequences at or under their key, comments, quotes, documents', () => {
  const usual = [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x # trailing\n  labels:\n    app: "web"\ndata:\n  k: \'it\'\'s\'\n',
    'resources:\n- a.yaml\n- ../base\n',
    'spec:\n  containers:\n    - name: c\n      args:\n      - --port=8080\n      - -v\n      env:\n        -  name: A\n           value: "1"\n',
    '# head\n---\na: 1\n---\nb:\n---\n',
    'a:\nb: # c\nc:   \n',
    'n: 010\nh: 0x1F\nf: 1.50\ne: 1e3\ni: .inf\nz: -0\nt: 2024-01-02\nb: True\nq: ~\n',
    'list:\n-\n  a: 1\n- # note\n  b: 2\n',
    'data:\n  run.sh: |\n    #!/bin/sh\n\n    echo "$1"\n      indented\n  app.conf: >-\n    folded\n    text\n\n    para\n  keep: |+\n    x\n\n# c\n',
    'a: |2-\n    more\n   less\nb: >+ # h\n x\n',
    '- |\n  item\n- a: >\n    b\n  c: 1\n',
    'metadata:\n  labels: &labels\n    app: web\nspec:\n  selector:\n    matchLabels: *labels\n  name: &n web\n  list: &l\n  - 1\n  also: *n # c\n  again: *l\n',
    '- &s x\n- *s\n- &b |\n  t\n- *b\n',
    'a: |+\n  x\n ',
    'a: >+\n  x\n\n  ',
  ];
  for (const text of usual) assert.ok(agrees(text, 'usual shape'), `gave up on:\n${text}`);
});

test('agrees with the yaml package on generated near-YAML (fixed seeds)', () => {
  const next = random(20261126);
  let taken = 0;
  const cases = 4000;
  for (let i = 0; i < cases; i++) if (agrees(generateNearYaml(next), `case ${i}`)) taken++;
  // Both sides of the boundary get exercised.
  assert.ok(taken > cases / 10 && taken < cases, `took ${taken} of ${cases}`);
});

test('agrees with the yaml package on generated anchors, aliases and block scalars (fixed seed)', () => {
  const next = random(7);
  let taken = 0;
  const cases = 3000;
  for (let i = 0; i < cases; i++) if (agrees(generateAnchorsAndBlockScalars(next), `case ${i}`)) taken++;
  assert.ok(taken > cases / 4 && taken < cases, `took ${taken} of ${cases}`);
});

test('parseTracked reports the yaml package\'s error for a file outside the subset', () => {
  const parsed = parseTracked('f.yaml', 'a: 1\na: 2\n', new Provenance(), 'resource', { scalars: 'resource' });
  assert.equal(parsed.ok, false);
  if (!parsed.ok) assert.deepEqual(parsed.error.map((d) => [d.line, d.message]), [[2, 'invalid YAML: mapping key "a" already defined at line 1']]);
});
