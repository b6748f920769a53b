import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readApplicationStatus } from '../../../src/core/argo/applicationStatus';
import { historyEntryForCommit } from '../../../src/core/argo/rollback';
import { rollbackChoices } from '../../../src/extension/commands/rollbackChoices';
import { application, shaOld } from '../../support/argoFixtures';

// The rollback QuickPick: Argo CD's rollback only for an app Argo CD manages on the connected
// cluster, naming the history entry that deployed the commit, and saying what auto-sync does.

test('without Argo CD: revert (recommended), apply the past, preview', () => {
  const choices = rollbackChoices({ short: '1111111', canPreview: true });
  assert.deepEqual(choices.map((c) => `${c.mode}: ${c.description}`), ['revert: recommended', 'apply: emergency', 'preview: changes nothing']);
  assert.match(choices[1]?.detail ?? '', /auto-sync may undo it/);
});

test('Argo CD app under auto-sync: the history entry of the commit, the refusal and the undo said up front', () => {
  const status = readApplicationStatus(application('shop', true));
  const choices = rollbackChoices({ short: shaOld.slice(0, 7), canPreview: false, argo: { appName: 'shop', status, entry: historyEntryForCommit(status.history, shaOld) } });
  assert.deepEqual(choices.map((c) => c.mode), ['revert', 'apply', 'argo']);
  const argo = choices[2];
  assert.equal(argo?.description, 'history 2');
  assert.equal(argo?.detail, 'Argo CD re-syncs shop to 1111111, as it deployed it on 2026-01-01T10:00:05Z; Git is not changed; Argo CD refuses while auto-sync is on.');
  assert.match(choices[1]?.detail ?? '', /auto-sync is on and will undo it \(you can turn it off first\)/);
});

test('a commit Argo CD never deployed: the choice says so and lists what it did deploy', () => {
  const status = readApplicationStatus(application('shop', false));
  const argo = rollbackChoices({ short: 'fedcba9', canPreview: false, argo: { appName: 'shop', status, entry: undefined } })[2];
  assert.equal(argo?.description, 'not in Argo CD\'s history');
  assert.equal(argo?.detail, 'Argo CD never deployed fedcba9 (its history: 0000000, 1111111); revert in Git or apply the past instead.');
});
