import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixturesDir, repoRoot } from '../support/fixtures';

// `driftline check` as users run it: the built CLI, over a repo with one broken overlay.

const run = promisify(execFile);
const cli = join(repoRoot, 'dist', 'cli.js');

before(() => {
  if (!existsSync(cli)) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
});

async function check(target: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'check', target], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

test('check reports the one broken overlay, located, and exits 1', async () => {
  const { code, stdout, stderr } = await check(join('test', 'fixtures', 'check-repo'));
  assert.equal(code, 1, stderr);
  assert.equal(
    stderr,
    'driftline: test/fixtures/check-repo/apps/shop/overlays/production/kustomization.yaml:6:3: unknown field "newTagg" in images[0] (Image); did you mean "newTag"?\n',
  );
  // Roots (search, both shop overlays) plus the base an Argo CD Application deploys.
  assert.equal(stdout, 'checked 4 kustomizations: 1 failed\n');
});

test('check exits 0 when everything renders', async () => {
  const { code, stderr } = await check(join(fixturesDir, 'check-repo', 'apps', 'shop', 'overlays', 'staging'));
  assert.equal(code, 0, stderr);
  assert.equal(stderr, '');
});

test('check names an Argo CD Application whose path does not exist', async () => {
  const { code, stderr } = await check(join('test', 'fixtures', 'check-missing-path'));
  assert.equal(code, 1);
  assert.equal(stderr, "driftline: test/fixtures/check-missing-path/app.yaml:9:11: Argo CD Application source path 'apps/gone' does not exist in the repository\n");
});
