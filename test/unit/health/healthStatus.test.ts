import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthOrder, isHealthStatus, isWorse, worstOf, type HealthStatus } from '../../../src/core/health/healthStatus';

test('statuses run from most to least healthy in Argo CD order', () => {
  assert.deepEqual(healthOrder, ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown']);
});

const worse: readonly [HealthStatus, HealthStatus, boolean][] = [
  ['Healthy', 'Suspended', true],
  ['Suspended', 'Progressing', true],
  ['Progressing', 'Missing', true],
  ['Missing', 'Degraded', true],
  ['Degraded', 'Unknown', true],
  ['Unknown', 'Healthy', false],
  ['Degraded', 'Missing', false],
  ['Progressing', 'Progressing', false],
];
for (const [current, next, expected] of worse) {
  test(`isWorse(${current}, ${next}) is ${expected}`, () => assert.equal(isWorse(current, next), expected));
}

test('worstOf aggregates like an Application: the least healthy wins', () => {
  assert.equal(worstOf([]), 'Healthy');
  assert.equal(worstOf(['Healthy', 'Suspended']), 'Suspended');
  assert.equal(worstOf(['Missing', 'Degraded', 'Progressing']), 'Degraded');
});

test('isHealthStatus accepts only the six codes', () => {
  assert.equal(isHealthStatus('Missing'), true);
  assert.equal(isHealthStatus('healthy'), false);
  assert.equal(isHealthStatus(undefined), false);
});
