import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { render, toYaml } from '../../src/core/kustomize/render';
import { formatDiagnostic } from '../../src/core/result';
import { DiskFileSystem } from '../../src/node/diskFileSystem';
import { ensureKubectl } from '../support/kubectlTool';
import { casesWith, fixturesDir, repoRoot } from '../support/fixtures';

// The differential suite: every fixture, and every overlay in examples/, through
// both Driftline and the real `kubectl kustomize` v1.35.2 (kustomize v5.7.1).

const run = promisify(execFile);
const root = join(fixturesDir, 'kustomize');
let kubectl = '';

before(async () => {
  kubectl = (await ensureKubectl()).kubectl;
});

async function kubectlKustomize(dir: string): Promise<{ ok: true; stdout: string } | { ok: false; stderr: string }> {
  try {
    const { stdout } = await run(kubectl, ['kustomize', dir], { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, stdout };
  } catch (e) {
    return { ok: false, stderr: String((e as { stderr?: unknown }).stderr ?? e) };
  }
}

const renderable = [...casesWith(root, 'expected.yaml'), ...casesWith(join(repoRoot, 'examples'), 'kustomization.yaml').filter((d) => d.includes('/overlays/'))];

for (const dir of renderable) {
  test(`kubectl kustomize and driftline agree on ${relative(repoRoot, dir)}`, async () => {
    const theirs = await kubectlKustomize(dir);
    assert.ok(theirs.ok, theirs.ok ? '' : theirs.stderr);
    const ours = await render(new DiskFileSystem(), dir);
    assert.ok(ours.ok, ours.ok ? '' : ours.error.map(formatDiagnostic).join('\n'));
    assert.equal(toYaml(ours.value), theirs.stdout);
    if (dir.startsWith(root)) assert.equal(readFileSync(join(dir, 'expected.yaml'), 'utf8'), theirs.stdout, 'expected.yaml is stale: regenerate it with kubectl');
  });
}

for (const dir of casesWith(root, 'expected-error.txt')) {
  test(`kubectl kustomize and driftline both reject ${relative(repoRoot, dir)}`, async () => {
    const theirs = await kubectlKustomize(dir);
    assert.ok(!theirs.ok, 'kubectl accepted a case the fixture says must fail');
    const ours = await render(new DiskFileSystem(), dir);
    assert.ok(!ours.ok, 'driftline accepted a case kubectl rejects');
  });
}
