import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeConflict, parseApplyConflict } from '../../../src/core/sync/applyConflict';

const error = (message: string, code = 409): Error => Object.assign(new Error(message), { code });

test('one conflict: the manager and the field', () => {
  const c = parseApplyConflict(error('Apply failed with 1 conflict: conflict with "kubectl-set" using apps/v1: .spec.template.spec.containers[name="api"].image'));
  assert.deepEqual(c?.managers, [{ manager: 'kubectl-set', fields: ['.spec.template.spec.containers[name="api"].image'] }]);
  assert.equal(describeConflict(c!), 'kubectl-set (.spec.template.spec.containers[name="api"].image)');
});

test('several managers, several fields each (structured-merge-diff layout)', () => {
  const message = 'Apply failed with 3 conflicts: conflicts with "helm" using apps/v1:\n- .spec.replicas\n- .metadata.labels.tier\nconflicts with "kubectl-edit" with subresource "scale":\n- .spec.paused';
  assert.deepEqual(parseApplyConflict(error(message))?.managers, [
    { manager: 'helm', fields: ['.spec.replicas', '.metadata.labels.tier'] },
    { manager: 'kubectl-edit', fields: ['.spec.paused'] },
  ]);
});

test('other failures are not conflicts', () => {
  assert.equal(parseApplyConflict(error('Operation cannot be fulfilled: the object has been modified')), undefined);
  assert.equal(parseApplyConflict(error('Apply failed with 1 conflict: x', 422)), undefined);
});
