import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesSelector, parseSelector } from '../../src/core/labelSelector';

const labels = { app: 'web', tier: 'backend', 'acme.io/team': 'shop', replicas: '3' };
const matches = (selector: string): boolean => matchesSelector(parseSelector(selector), labels);

test('equality, inequality and existence', () => {
  assert.ok(matches('app=web'));
  assert.ok(matches('app==web'));
  assert.ok(matches('app = web , tier=backend'));
  assert.ok(!matches('app!=web'));
  assert.ok(matches('zone!=eu'), '!= matches a missing label');
  assert.ok(matches('acme.io/team'));
  assert.ok(!matches('!acme.io/team'));
  assert.ok(matches('!zone'));
  assert.ok(!matches('zone'));
  assert.ok(!matches('app='), 'an empty value matches only an empty label');
});

test('set-based requirements', () => {
  assert.ok(matches('tier in (backend, frontend)'));
  assert.ok(!matches('tier in (frontend)'));
  assert.ok(matches('tier notin (frontend)'));
  assert.ok(matches('zone notin (eu)'), 'notin matches a missing label');
  assert.ok(!matches('zone in (eu)'));
  assert.ok(matches('app in (web),tier notin (db),!zone'));
});

test('numeric comparisons', () => {
  assert.ok(matches('replicas>2'));
  assert.ok(!matches('replicas<3'));
  assert.ok(!matches('app>1'), 'a non-numeric label never compares');
});

test('malformed selectors are errors', () => {
  for (const bad of ['app in (web', 'app in web', '=web', 'app=web,', 'app>x', '!']) {
    assert.throws(() => parseSelector(bad), /unable to parse selector/, bad);
  }
});
