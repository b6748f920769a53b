import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base64FromText } from '../../src/core/encoding/base64';

test('base64 matches Node for ASCII, UTF-8 and every padding length', () => {
  for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'payments-api', 'ünïcødé ✓', 'line\nbreak']) {
    assert.equal(base64FromText(text), Buffer.from(text, 'utf8').toString('base64'), text);
  }
});
