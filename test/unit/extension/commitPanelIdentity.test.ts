// The identity a two-commit diff panel persists: what it must bring back after a reload, and
// nothing it must accept instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitPanelIdentity, parseCommitPanelIdentity } from '../../../src/extension/webviewHost/commitPanelIdentity';

const left = 'a'.repeat(40);
const right = '0123456789abcdef0123456789abcdef01234567';

test('round-trips the app directory and both full commit hashes', () => {
  const identity = { dir: '/repo/apps/guestbook/overlays/production', left, right };
  assert.deepEqual(parseCommitPanelIdentity(commitPanelIdentity(identity)), identity);
});

test('a Git-against-live panel\'s overlay path is not a commit comparison', () => {
  assert.equal(parseCommitPanelIdentity('/repo/apps/guestbook/overlays/production'), undefined);
});

test('rejects short or non-hex commits, a missing directory, and broken JSON', () => {
  const encoded = (value: unknown): string => `driftline-commits:${JSON.stringify(value)}`;
  assert.equal(parseCommitPanelIdentity(encoded({ dir: '/r', left: 'abc1234', right })), undefined);
  assert.equal(parseCommitPanelIdentity(encoded({ dir: '/r', left, right: 'HEAD' })), undefined);
  assert.equal(parseCommitPanelIdentity(encoded({ dir: '', left, right })), undefined);
  assert.equal(parseCommitPanelIdentity(encoded({ left, right })), undefined);
  assert.equal(parseCommitPanelIdentity('driftline-commits:{not json'), undefined);
  assert.equal(parseCommitPanelIdentity(encoded(null)), undefined);
});
