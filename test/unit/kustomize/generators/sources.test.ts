import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLiteralSource, removeQuotes } from '../../../../src/core/kustomize/generators/literalSource';
import { parseFileSource } from '../../../../src/core/kustomize/generators/fileSource';
import { wrappedBase64 } from '../../../../src/core/kustomize/generators/wrappedBase64';

test('literals split at the first = and lose one matching pair of quotes', () => {
  assert.deepEqual(parseLiteralSource('a=b=c'), { ok: true, key: 'a', value: 'b=c' });
  assert.deepEqual(parseLiteralSource('a="x"'), { ok: true, key: 'a', value: 'x' });
  assert.deepEqual(parseLiteralSource('a='), { ok: true, key: 'a', value: '' });
  assert.equal(parseLiteralSource('novalue').ok, false);
  assert.equal(parseLiteralSource('=v').ok, false);
  assert.equal(removeQuotes("'single'"), 'single');
  assert.equal(removeQuotes('"mixed\''), '"mixed\'');
  assert.equal(removeQuotes('"'), '"');
  assert.equal(removeQuotes('""'), '');
  assert.equal(removeQuotes('"a"b"'), 'a"b');
});

test('file sources: path, key=path, and the = errors', () => {
  assert.deepEqual(parseFileSource('dir/app.properties'), { ok: true, key: 'app.properties', path: 'dir/app.properties' });
  assert.deepEqual(parseFileSource('k=dir/x.txt'), { ok: true, key: 'k', path: 'dir/x.txt' });
  assert.equal(parseFileSource('=x.txt').ok, false);
  assert.equal(parseFileSource('k=').ok, false);
  assert.equal(parseFileSource('k=a=b').ok, false);
});

test('base64 wraps at 70 characters, with a final newline, only from 70 on', () => {
  const short = wrappedBase64(new Uint8Array(51));
  assert.equal(short.length, 68);
  assert.ok(!short.includes('\n'));
  const long = wrappedBase64(new Uint8Array(52));
  assert.equal(long, `${'A'.repeat(70)}\n==\n`);
  const exact = wrappedBase64(new Uint8Array(105));
  assert.equal(exact, `${'A'.repeat(70)}\n${'A'.repeat(70)}\n`);
});
