import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { composeBlockSubset, type ComposedStream } from '../../../src/core/yaml/blockSubsetCompose';
import { parseTracked } from '../../../src/core/yaml/trackedParse';
import { Provenance } from '../../../src/core/provenance';
import { fixturesDir, repoRoot } from '../../support/fixtures';

// The block-subset composer must build exactly what the `yaml` package composes (values,
// styles, source text, positions) whenever it takes a text, and take only texts the
// package parses without errors or warnings.

function packageStream(text: string): { stream: ComposedStream; clean: boolean } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  return { stream: { documents, lineCounter }, clean: documents.every((d) => d.errors.length === 0 && d.warnings.length === 0) };
}

/** What our readers see of a node tree, with positions as line:column. */
function describe(node: unknown, lines: LineCounter): unknown {
  const at = (n: Node): string => {
    const { line, col } = lines.linePos(n.range?.[0] ?? -1);
    return `${line}:${col}`;
  };
  if (node === null) return null;
  if (isScalar(node)) {
    const value = typeof node.value === 'number' ? `number ${Object.is(node.value, -0) ? '-0' : String(node.value)}` : node.value;
    return { at: at(node), value, source: node.source, type: node.type, tag: node.tag, format: node.format, minFractionDigits: node.minFractionDigits };
  }
  if (isSeq(node)) return { at: at(node), flow: node.flow === true, seq: node.items.map((item) => describe(item, lines)) };
  if (isMap(node)) {
    return { at: at(node), flow: node.flow === true, map: node.items.map((pair) => (isPair(pair) ? [describe(pair.key, lines), describe(pair.value, lines)] : 'not a pair')) };
  }
  return `unexpected ${String(node)}`;
}

function describeStream(stream: ComposedStream): unknown {
  return stream.documents.map((doc) => ({ errors: doc.errors.length, contents: describe(doc.contents, stream.lineCounter) }));
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
    'a: &x 1\nb: *x\n',
    'a: {b: 1}\n',
    'a: [1, 2]\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
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
  ];
  for (const text of usual) assert.ok(agrees(text, 'usual shape'), `gave up on:\n${text}`);
});

/** mulberry32: a tiny seeded generator, so the random cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mostly what the subset takes, with a sprinkle of what it must leave to the package.
const scalars = ['a', 'x-y', 'http://h:80/p', '1', '-1', '010', '0x1F', '0o7', '1e3', '.inf', '.NaN', '1_0', 'true', 'yes', 'False', '~', 'null', '2024-01-01', '1.50', "'q'", "'it''s'", "''", '""', '"d"', "'x' #c", 'a # c', 'a#b', 'b]', 'x  y', 'é ü', 'a,b', '--x', 'a"b', "a'b"];
const oddScalars = ['"a\\"b"', '"x" y', '{x}', '[y]', '&a x', '*a', '!t x', '|', '>', '- x', '-', 'a: b', 'a:', ':x', '@x', '%x', '`x', '?x', '#c', 'a\tb', '"a:" b', '<<'];
const keys = ['a', 'b', 'name', 'x y', '"q"', "'s'", "'a''b'", 'a#b', 'é', 'k.io/x', 'c', 'd', 'e'];
const oddKeys = ['true', '1', '<<', 'a ', '-k', '~', 'k:v', '"k" ', '? k', '...', '---', 'a'];

function generate(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const scalar = (): string => pick(next() < 0.04 ? oddScalars : scalars);
  const key = (): string => pick(next() < 0.03 ? oddKeys : keys);
  const lines: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const noise = (indent: number): void => {
    const r = next();
    if (r < 0.05) lines.push(`${pad(Math.floor(next() * (indent + 3)))}# note`);
    else if (r < 0.08) lines.push('');
    else if (r < 0.09) lines.push(pad(Math.floor(next() * 4)));
  };
  const value = (indent: number, depth: number, lead: string): void => {
    const r = next();
    if (depth > 3 || r < 0.45) {
      lines.push(`${lead}${scalar()}${next() < 0.1 ? ' # c' : ''}`);
      if (next() < 0.01) lines.push(`${pad(indent + 1 + Math.floor(next() * 3))}${scalar()}`);
      return;
    }
    const open = lead.trimEnd();
    if (r < 0.75) block(indent, depth, open, 'map');
    else block(indent, depth, open, 'seq');
  };
  const block = (parentIndent: number, depth: number, head: string, kind: 'map' | 'seq'): void => {
    const sameIndentSeq = kind === 'seq' && head.endsWith(':') && next() < 0.5;
    const indent = head === '' ? 0 : sameIndentSeq ? parentIndent : parentIndent + 1 + Math.floor(next() * 3) + (next() < 0.02 ? -1 : 0);
    const compact = head.endsWith('-') && next() < 0.7;
    if (head !== '' && !compact) lines.push(next() < 0.1 ? `${head} # c` : head);
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      noise(indent);
      const first = compact && i === 0;
      const lead = first ? `${head} ` : pad(indent);
      if (kind === 'map') {
                const r = next();
        if (r < 0.08) lines.push(`${lead}${key()}:`);
        else if (r < 0.6) value(indent, depth + 1, `${lead}${key()}: `);
        else block(first ? head.length + 1 : indent, depth + 1, `${lead}${key()}:`, next() < 0.5 ? 'map' : 'seq');
      } else {
        const r = next();
        if (r < 0.03) lines.push(`${lead}-`);
        else if (r < 0.5) value(indent, depth + 1, `${lead}- `);
        else block(first ? head.length + 1 : indent, depth + 1, `${lead}-`, next() < 0.7 ? 'map' : 'seq');
      }
    }
  };
  const documents = 1 + Math.floor(next() * 2);
  for (let d = 0; d < documents; d++) {
    if (d > 0 || next() < 0.2) lines.push(pick(['---', '---', '--- ', '...', '---\n---']));
    block(0, 0, '', next() < 0.8 ? 'map' : 'seq');
  }
  if (next() < 0.1) lines.push('---');
  const text = lines.join('\n') + (next() < 0.9 ? '\n' : '');
  return next() < 0.02 ? text.replace('\n', '\r\n') : text;
}

test('agrees with the yaml package on generated near-YAML (fixed seeds)', () => {
  const next = random(20261126);
  let taken = 0;
  const cases = 4000;
  for (let i = 0; i < cases; i++) if (agrees(generate(next), `case ${i}`)) taken++;
  // Both sides of the boundary get exercised.
  assert.ok(taken > cases / 10 && taken < cases, `took ${taken} of ${cases}`);
});

test('parseTracked reports the yaml package\'s error for a file outside the subset', () => {
  const parsed = parseTracked('f.yaml', 'a: 1\na: 2\n', new Provenance(), 'resource', 'resource');
  assert.equal(parsed.ok, false);
  if (!parsed.ok) assert.deepEqual(parsed.error.map((d) => [d.line, d.message]), [[2, 'invalid YAML: Map keys must be unique']]);
});
