import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvFile, type EnvParse } from '../../../../src/core/kustomize/generators/envFile';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function pairs(result: EnvParse): Array<[string, string, number, number]> {
  assert.ok(result.ok);
  return result.pairs.map((p) => [p.key, p.value, p.line, p.column]);
}

test('comments, blank lines, indentation and values kept verbatim', () => {
  const text = '# comment\n\n   # indented comment\n  KEY=value  \nQ="quoted"\nEQ=a=b=c\nNOVALUE\n';
  assert.deepEqual(pairs(parseEnvFile(bytes(text))), [
    ['KEY', 'value  ', 4, 3],
    ['Q', '"quoted"', 5, 1],
    ['EQ', 'a=b=c', 6, 1],
    ['NOVALUE', '', 7, 1],
  ]);
});

test('a BOM is stripped from the first line only', () => {
  assert.deepEqual(pairs(parseEnvFile(bytes('\ufeffA=1\n\ufeffB=2'))), [
    ['A', '1', 1, 1],
    ['\ufeffB', '2', 2, 1],
  ]);
});

test('lines split like bufio.ScanLines: CRLF, no empty last token, last line without newline', () => {
  assert.deepEqual(pairs(parseEnvFile(bytes('A=1\r\nB=2\r\n'))), [['A', '1', 1, 1], ['B', '2', 2, 1]]);
  assert.deepEqual(pairs(parseEnvFile(bytes('A=1\nB=x\r'))), [['A', '1', 1, 1], ['B', 'x', 2, 1]]);
  assert.deepEqual(pairs(parseEnvFile(bytes(''))), []);
});

test("leading space is Go's unicode.IsSpace, not JavaScript's \\s", () => {
  assert.deepEqual(pairs(parseEnvFile(bytes('\t\u00a0\u3000A=1\n'))), [['A', '1', 1, 4]]);
  // U+FEFF is not a space to Go, so a second-line BOM stays in the key.
  assert.deepEqual(pairs(parseEnvFile(bytes('X=0\n\ufeff A=1'))), [['X', '0', 1, 1], ['\ufeff A', '1', 2, 1]]);
});

test('keys are not validated, and an empty key is skipped (kubectl v1.35)', () => {
  assert.deepEqual(pairs(parseEnvFile(bytes('1BAD=1\nwith space=2\n=skipped\n'))), [
    ['1BAD', '1', 1, 1],
    ['with space', '2', 2, 1],
  ]);
});

test('invalid UTF-8 is reported with its line', () => {
  const result = parseEnvFile(Uint8Array.from([0x41, 0x3d, 0x31, 0x0a, 0x42, 0x3d, 0xff, 0x0a]));
  assert.deepEqual(result, { ok: false, line: 2, message: 'has invalid UTF-8 bytes' });
});
