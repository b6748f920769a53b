import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCatFileBatch } from '../../src/node/gitCatFileBatch';
import { commit, git, initRepo } from './syncFixture';

// One `git cat-file --batch` process answers many reads, in order, binary-safe; it closes
// when idle and a later read starts another.

let work: string;
let oids: Record<string, string>;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-catfile-'));
  initRepo(work);
  commit(work, 'files', { 'a.txt': 'alpha\n', 'b.txt': 'beta\nwith\nlines\n', 'empty.txt': '' });
  oids = Object.fromEntries(['a.txt', 'b.txt', 'empty.txt'].map((f) => [f, git(work, 'rev-parse', `HEAD:${f}`).trim()]));
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('concurrent reads come back matched to their object ids; a missing object is undefined', async () => {
  const batch = new GitCatFileBatch(work, 50);
  const [a, b, empty, missing] = await Promise.all([
    batch.read(oids['a.txt'] as string),
    batch.read(oids['b.txt'] as string),
    batch.read(oids['empty.txt'] as string),
    batch.read('0123456789012345678901234567890123456789'),
  ]);
  assert.equal(a?.toString(), 'alpha\n');
  assert.equal(b?.toString(), 'beta\nwith\nlines\n');
  assert.equal(empty?.length, 0);
  assert.equal(missing, undefined);
  batch.close();
  assert.equal((await batch.read(oids['a.txt'] as string))?.toString(), 'alpha\n', 'a read after close starts a new process');
  batch.close();
});
