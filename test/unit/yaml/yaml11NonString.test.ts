import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isYaml11NonString } from '../../../src/core/yaml/yaml11NonString';

// kyaml double-quotes a string it sets when yaml.v2 would read the text as no string.

test('numbers, YAML 1.1 booleans, nulls and collections read as no string', () => {
  for (const text of ['5', '0x1F', '0123', '1e3', '.5', 'yes', 'off', 'y', '~', 'null', 'a: b', '- x', '[a]', '{a: 1}', '# comment']) {
    assert.equal(isYaml11NonString(text), true, text);
  }
});

test('words, timestamps, base 60 and unreadable text stay strings', () => {
  for (const text of ['', 'abc', '2024-01-01', '12:30', 'key=value', 'http://example.com:8080/x', "it's", '@handle', '`tick`', '"quoted"', 'two\nlines']) {
    assert.equal(isYaml11NonString(text), false, text);
  }
});
