import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, toYaml } from '../../src/core/kustomize/render';
import { diffCommits } from '../../src/core/rollback/renderedDiff';
import { DiskFileSystem } from '../../src/node/diskFileSystem';
import { GitRepository } from '../../src/node/gitRepository';
import { commit, configMap, deployment, driftline, git, initRepo, kustomization, write } from './syncFixture';

// `driftline rollback --mode revert` on real Git repositories: two apps, commits that
// touch both, dirty trees, and a commit hook that refuses.

let work: string;
let n = 0;

interface History {
  repo: string;
  shop: string;
  c1: string;
  c2: string;
  c3: string;
}

/** c1: both apps; c2: shop 1.1 AND blog's config in one commit; c3: shop adds a patch file. */
function history(): History {
  const repo = join(work, `repo-${n++}`);
  initRepo(repo);
  const c1 = commit(repo, 'shop and blog', {
    'apps/base/kustomization.yaml': kustomization('web.yaml'),
    'apps/base/web.yaml': deployment('web', 'shop', 'shop/web:1.0'),
    'apps/shop/kustomization.yaml': 'resources:\n- ../base\n- settings.yaml\n',
    'apps/shop/settings.yaml': configMap('settings', 'shop', { mode: 'a' }),
    'apps/blog/kustomization.yaml': kustomization('config.yaml'),
    'apps/blog/config.yaml': configMap('blog', 'blog', { theme: 'light' }),
  });
  const c2 = commit(repo, 'shop 1.1, blog dark theme', {
    'apps/base/web.yaml': deployment('web', 'shop', 'shop/web:1.1'),
    'apps/blog/config.yaml': configMap('blog', 'blog', { theme: 'dark' }),
  });
  const c3 = commit(repo, 'shop: replicas patch', {
    'apps/shop/kustomization.yaml': 'resources:\n- ../base\n- settings.yaml\npatches:\n- path: replicas.yaml\n',
    'apps/shop/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 3\n',
  });
  return { repo, shop: join(repo, 'apps', 'shop'), c1, c2, c3 };
}

const read = (repo: string, path: string): string => readFileSync(join(repo, path), 'utf8');
const show = (repo: string, rev: string, path: string): string => git(repo, 'show', `${rev}:${path}`);

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'driftline-rollback-'));
  process.env['XDG_STATE_HOME'] = join(work, 'state');
});

after(async () => {
  delete process.env['XDG_STATE_HOME'];
  if (work) await rm(work, { recursive: true, force: true });
});

test('the git tree file system renders any commit exactly as a checkout of it would', async () => {
  const h = history();
  const repo = await GitRepository.open(h.repo);
  assert.ok(repo);
  const atC1 = await render(repo.treeAt(h.c1), h.shop);
  git(h.repo, 'checkout', '-q', h.c1);
  const onDisk = await render(new DiskFileSystem(), h.shop);
  git(h.repo, 'checkout', '-q', 'main');
  assert.ok(atC1.ok && onDisk.ok);
  assert.equal(toYaml(atC1.value), toYaml(onDisk.value));
  const diff = await diffCommits(repo, h.shop, 'HEAD', h.c1);
  assert.ok(diff.ok);
  const web = diff.value.find((c) => c.ref.name === 'web');
  assert.deepEqual(web?.changes.map((c) => [c.path, c.before, c.after]), [
    ['spec.replicas', 3, 1],
    ['spec.template.spec.containers[name=web].image', 'shop/web:1.1', 'shop/web:1.0'],
  ]);
});

test('without --yes: the plan (files, message, rendered changes) and nothing else', async () => {
  const h = history();
  const run = await driftline(['rollback', h.shop, '--to', h.c1]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /changed\s+Deployment\/shop\/web/);
  assert.match(run.stdout, /restore\s+apps\/base\/web\.yaml/);
  assert.match(run.stdout, /delete\s+apps\/shop\/replicas\.yaml/);
  assert.match(run.stderr, /nothing changed; pass --yes/);
  assert.equal(git(h.repo, 'rev-parse', 'HEAD').trim(), h.c3);
  assert.equal(git(h.repo, 'status', '--porcelain'), '');
});

test('revert: one new commit restoring only the app\'s files; the other app keeps the same commit\'s change', async () => {
  const h = history();
  const run = await driftline(['rollback', h.shop, '--to', h.c1, '--yes']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(git(h.repo, 'rev-parse', 'HEAD~1').trim(), h.c3);
  const message = git(h.repo, 'log', '-1', '--format=%B');
  assert.match(message, new RegExp(`^Roll back apps/shop to ${h.c1.slice(0, 12)}`));
  assert.match(message, new RegExp(`Rollback-To: ${h.c1}`));
  assert.deepEqual(git(h.repo, 'show', '--name-status', '--format=', 'HEAD').trim().split('\n').sort(), [
    'M\tapps/shop/kustomization.yaml',
    'D\tapps/shop/replicas.yaml',
    'M\tapps/base/web.yaml',
  ].sort());
  for (const path of ['apps/base/web.yaml', 'apps/shop/kustomization.yaml', 'apps/shop/settings.yaml']) assert.equal(read(h.repo, path), show(h.repo, h.c1, path));
  assert.equal(existsSync(join(h.repo, 'apps/shop/replicas.yaml')), false);
  // c2 changed blog too: blog keeps it.
  assert.match(read(h.repo, 'apps/blog/config.yaml'), /theme: "dark"/);
  assert.equal(git(h.repo, 'status', '--porcelain'), '');
});

test('a dirty tree is refused and nothing is lost; --stash keeps the work in the stash', async () => {
  const h = history();
  write(h.repo, { 'apps/blog/config.yaml': configMap('blog', 'blog', { theme: 'work in progress' }), 'notes.txt': 'untracked idea\n' });
  const refused = await driftline(['rollback', h.shop, '--to', h.c1, '--yes']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /uncommitted changes \(.*apps\/blog\/config\.yaml.*\).*--stash/);
  assert.equal(git(h.repo, 'rev-parse', 'HEAD').trim(), h.c3);
  assert.match(read(h.repo, 'apps/blog/config.yaml'), /work in progress/);
  assert.equal(read(h.repo, 'notes.txt'), 'untracked idea\n');

  const stashed = await driftline(['rollback', h.shop, '--to', h.c1, '--yes', '--stash']);
  assert.equal(stashed.code, 0, stashed.stderr);
  assert.match(stashed.stdout, /git stash pop/);
  git(h.repo, 'stash', 'pop', '-q');
  assert.match(read(h.repo, 'apps/blog/config.yaml'), /work in progress/);
  assert.equal(read(h.repo, 'notes.txt'), 'untracked idea\n');
  assert.equal(read(h.repo, 'apps/base/web.yaml'), show(h.repo, h.c1, 'apps/base/web.yaml'));
});

test('a refused commit (pre-commit hook) aborts cleanly: HEAD, index and files exactly as before', async () => {
  const h = history();
  write(h.repo, { '.git/hooks/pre-commit': '#!/bin/sh\necho "policy: no commits today" >&2\nexit 1\n' });
  chmodSync(join(h.repo, '.git/hooks/pre-commit'), 0o755);
  const before = ['apps/base/web.yaml', 'apps/shop/kustomization.yaml', 'apps/shop/replicas.yaml'].map((p) => read(h.repo, p));
  const run = await driftline(['rollback', h.shop, '--to', h.c1, '--yes']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /working tree left as it was.*policy: no commits today/s);
  assert.equal(git(h.repo, 'rev-parse', 'HEAD').trim(), h.c3);
  assert.equal(git(h.repo, 'status', '--porcelain'), '');
  assert.deepEqual(['apps/base/web.yaml', 'apps/shop/kustomization.yaml', 'apps/shop/replicas.yaml'].map((p) => read(h.repo, p)), before);
});

test('rolling back to a commit where the app is already the same: nothing to do', async () => {
  const h = history();
  commit(h.repo, 'blog only', { 'apps/blog/config.yaml': configMap('blog', 'blog', { theme: 'blue' }) });
  const run = await driftline(['rollback', h.shop, '--to', h.c3, '--yes']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /nothing to roll back/);
  assert.equal(git(h.repo, 'log', '-1', '--format=%s').trim(), 'blog only');
});

test('unknown commits and modes are clear errors', async () => {
  const h = history();
  assert.match((await driftline(['rollback', h.shop, '--to', 'nope'])).stderr, /no commit 'nope'/);
  assert.match((await driftline(['rollback', h.shop, '--to', h.c1, '--mode', 'yolo'])).stderr, /unknown --mode 'yolo'/);
});
