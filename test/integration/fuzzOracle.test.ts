import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toYaml } from '../../src/core/kustomize/render';
import { createRenderer } from '../../src/core/kustomize/renderer';
import { DiskFileSystem } from '../../src/node/diskFileSystem';
import { ensureKubectl } from '../support/kubectlTool';
import { compareCase } from '../fuzz/differential';
import { fileText } from '../fuzz/fuzzCase';
import { generateCase } from '../fuzz/generateCase';

// A fixed slice of the differential fuzzer (`npm run fuzz`): the same 40 seeded cases
// every run, through `kubectl kustomize` and Driftline. A failure prints the case's seed;
// `npm run fuzz -- --seed <seed> --cases 1` writes a minimised reproduction.

const firstSeed = 20_260_000;
const cases = 40;
let kubectl = '';
let scratch = '';

before(async () => {
  kubectl = (await ensureKubectl()).kubectl;
  scratch = mkdtempSync(join(tmpdir(), 'driftline-fuzz-oracle-'));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

for (let seed = firstSeed; seed < firstSeed + cases; seed++) {
  test(`fuzz case ${seed}: kubectl kustomize and driftline agree`, async () => {
    const fuzzCase = generateCase(seed);
    const dir = join(scratch, String(seed));
    const verdict = await compareCase(kubectl, dir, fuzzCase);
    const show = (o: typeof verdict.kubectl): string => (o.ok ? o.yaml : `error: ${o.message}`);
    const files = Object.entries(fuzzCase.files).map(([path, file]) => `--- ${path}\n${fileText(file)}`).join('\n');
    assert.ok(verdict.agree, `seed ${seed}\n${files}\n=== kubectl\n${show(verdict.kubectl)}\n=== driftline\n${show(verdict.driftline)}`);
    // The incremental renderer (parse cache, kept results) must print the same bytes.
    if (verdict.driftline.ok) {
      const warm = createRenderer(new DiskFileSystem());
      await warm.render(join(dir, fuzzCase.root));
      warm.clear();
      const again = await warm.render(join(dir, fuzzCase.root));
      assert.ok(again.ok);
      assert.equal(toYaml(again.value), verdict.driftline.yaml);
    }
  });
}
