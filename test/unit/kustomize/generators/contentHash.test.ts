import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentHash, encodeHash, hashInput } from '../../../../src/core/kustomize/generators/contentHash';
import { goJsonString } from '../../../../src/core/kustomize/generators/goJson';

// Every expected suffix below was printed by kubectl v1.35.2 (kustomize v5.7.1).

test('the ConfigMap vector from kustomize configmaps_test.go', () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'whatever' }, data: { fruit: 'Indian Gooseberry', year: '2020', crisis: 'true' } };
  assert.equal(hashInput(cm), '{"data":{"crisis":"true","fruit":"Indian Gooseberry","year":"2020"},"kind":"ConfigMap","name":""}');
  assert.equal(contentHash(cm), '79t79mt227');
});

test('the Secret vector, and the name never counts', () => {
  const secret = { kind: 'Secret', type: 'Opaque', metadata: { name: 'prefix-s-suffix' }, data: { username: 'YWRtaW4=', password: 'c29tZXB3' } };
  assert.equal(hashInput(secret), '{"data":{"password":"c29tZXB3","username":"YWRtaW4="},"kind":"Secret","name":"","type":"Opaque"}');
  assert.equal(contentHash(secret), 'bgd6bkgdm2');
});

test('a missing data field hashes as "", an empty one as {}', () => {
  assert.equal(contentHash({ kind: 'ConfigMap', metadata: { name: 'empty' } }), '6ct58987ht');
  assert.equal(contentHash({ kind: 'Secret', type: 'Opaque', metadata: { name: 'e' }, data: {} }), '46f8b28mk5');
  assert.equal(contentHash({ kind: 'Secret', type: 'Opaque', metadata: { name: 'e' } }), '8226t8dd99');
});

test('binaryData counts when present', () => {
  assert.equal(contentHash({ kind: 'ConfigMap', metadata: { name: 'nn' }, data: { x: '1' }, binaryData: { 'b.bin': '/w==' } }), '95f2ch99d4');
});

test("Go's encoding/json escaping: HTML-safe, \\b and \\f short forms, U+2028", () => {
  assert.equal(goJsonString('x\by\fz<>&\u2028é\u{1F600}'), '"x\\by\\fz\\u003c\\u003e\\u0026\\u2028é\u{1F600}"');
  assert.equal(contentHash({ kind: 'ConfigMap', metadata: { name: 'm' }, data: { a: 'x\by\fz<>&\u2028é\u{1F600}' } }), 'm468g4dc5h');
});

test('the suffix alphabet avoids digits-only names', () => {
  assert.equal(encodeHash('0123456789abcdef'), 'gh2k456789');
  assert.equal(encodeHash('aeaeaeaeae00'), 'mtmtmtmtmt');
});
