import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render, toYaml } from '../../../src/core/kustomize/render';
import { formatDiagnostic } from '../../../src/core/result';
import { DiskFileSystem } from '../../../src/node/diskFileSystem';
import { casesWith, fixturesDir } from '../../support/fixtures';

// Golden cases, as kustomize's krusty tests: each expected.yaml was printed by
// `kubectl kustomize` v1.35.2 (kustomize v5.7.1); test/integration re-checks
// them against the live binary.
const root = join(fixturesDir, 'kustomize');

for (const dir of casesWith(root, 'expected.yaml')) {
  test(`renders ${relative(root, dir)} exactly as kubectl kustomize`, async () => {
    const result = await render(new DiskFileSystem(), dir);
    assert.ok(result.ok, result.ok ? '' : result.error.map(formatDiagnostic).join('\n'));
    assert.equal(toYaml(result.value), readFileSync(join(dir, 'expected.yaml'), 'utf8'));
  });
}

for (const dir of casesWith(root, 'expected-error.txt')) {
  test(`reports a located error for ${relative(root, dir)}`, async () => {
    const result = await render(new DiskFileSystem(), dir);
    assert.ok(!result.ok, 'render should fail');
    const [first] = result.error;
    assert.ok(first);
    assert.equal(formatDiagnostic({ ...first, file: relative(dir, first.file) }), readFileSync(join(dir, 'expected-error.txt'), 'utf8').trim());
  });
}
