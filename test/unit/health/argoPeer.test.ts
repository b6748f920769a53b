// Argo CD's own health fixtures (gitops-engine pkg/health/testdata) with the status Argo CD
// assigns to each. Driftline matches every one; there are no deliberate differences.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { assessHealth } from '../../../src/core/health/assessHealth';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// CI places a copy of shared/ beside the clone, at the same relative place as locally.
const peerDir = path.resolve(repoRoot, '..', 'shared', 'peer-tests', 'argo-health');

interface PeerCase {
  readonly file: string;
  readonly expected: string;
}

function readExpected(): PeerCase[] {
  return readFileSync(path.join(peerDir, 'expected.tsv'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [file = '', expected = ''] = line.split('\t').map((cell) => cell.trim());
      return { file, expected };
    });
}

const folderExists = existsSync(path.join(peerDir, 'expected.tsv'));
const listed = folderExists ? readExpected() : [];
const present = folderExists ? readdirSync(peerDir).filter((name) => /\.ya?ml$/.test(name)) : [];
// expected.tsv may list fixtures that were not copied; those are skipped, never the others.
const tested = listed.filter((peer) => present.includes(peer.file));

test('the Argo CD peer suite is where CI puts it', () => {
  assert.ok(folderExists, `missing ${peerDir}`);
  assert.ok(tested.length > 0, 'no peer fixtures found');
});

describe('Argo CD peer suite: every fixture gets the status Argo CD assigns', () => {
  for (const { file, expected } of tested) {
    test(`${file} → ${expected}`, () => {
      // statefulset-ondelete.yaml repeats spec.updateStrategy; Go's YAML reader keeps the last.
      const object: unknown = parse(readFileSync(path.join(peerDir, file), 'utf8'), { uniqueKeys: false });
      assert.ok(typeof object === 'object' && object !== null && !Array.isArray(object), `${file} is not one object`);
      const health = assessHealth(object as Record<string, unknown>);
      assert.equal(health?.status ?? 'none', expected);
    });
  }
});

test('every fixture in the folder is listed and tested (nothing silently dropped)', () => {
  const unlisted = present.filter((file) => !listed.some((peer) => peer.file === file));
  assert.deepEqual(unlisted, [], 'fixtures without an expected status');
  assert.equal(tested.length, present.length);
});
