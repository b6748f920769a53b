import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { render, type RenderResult } from '../../../src/core/kustomize/render';
import { DiskFileSystem } from '../../../src/node/diskFileSystem';
import { ParseCache } from '../../../src/core/yaml/parseCache';
import { fixturesDir } from '../../support/fixtures';

// A key written twice. kubectl decodes kustomizations, replacement files and JSON 6902
// operations through JSON, so the later key wins without a word; a strategic merge patch
// merged into existing fields reads the earlier one. Driftline renders the same and says
// which key it ignored. A resource, or a patch adding a mapping with both keys, is an error
// (the expected-error.txt fixtures beside these).

const cases = join(fixturesDir, 'kustomize', 'duplicate-keys');

async function rendered(name: string): Promise<RenderResult> {
  const result = await render(new DiskFileSystem(), join(cases, name));
  assert.ok(result.ok, result.ok ? '' : result.error.map((d) => d.message).join('\n'));
  return result.value;
}

function warnings(result: RenderResult, dir: string): string[] {
  return result.warnings.map((w) => `${relative(join(cases, dir), w.file)}:${w.line}:${w.column} ${w.severity}: ${w.message}`);
}

test('a kustomization key written twice: the later one renders, its line is the origin, and the earlier one is a warning', async () => {
  const result = await rendered('kustomization-later-wins');
  assert.deepEqual(warnings(result, 'kustomization-later-wins'), [
    'kustomization.yaml:4:1 warning: "namespace" is written twice in this mapping; kubectl uses the later one (line 6) and ignores this one',
    'kustomization.yaml:9:3 warning: "newTag" is written twice in this mapping; kubectl uses the later one (line 10) and ignores this one',
  ]);
  const deployment = result.resources[0]?.object;
  assert.ok(deployment);
  const [namespace] = result.provenance.at(deployment, ['metadata', 'namespace']);
  assert.deepEqual([namespace?.line, namespace?.operation], [6, 'namespace']);
  const [image] = result.provenance.at(deployment, ['spec', 'template', 'spec', 'containers', 0, 'image']);
  assert.deepEqual([image?.line, image?.operation], [10, 'images']);
});

test('JSON 6902 operations and replacement files: the later key wins, each ignored key is named where it is written', async () => {
  assert.deepEqual(warnings(await rendered('json6902-later-wins'), 'json6902-later-wins'), [
    'kustomization.yaml:10:7 warning: "value" is written twice in this mapping; kubectl uses the later one (line 11) and ignores this one',
    'kustomization.yaml:12:7 warning: "op" is written twice in this mapping; kubectl uses the later one (line 13) and ignores this one',
  ]);
  assert.deepEqual(warnings(await rendered('replacement-file-later-wins'), 'replacement-file-later-wins'), [
    'replacement.yaml:3:3 warning: "fieldPath" is written twice in this mapping; kubectl uses the later one (line 4) and ignores this one',
  ]);
});

test('a strategic merge patch: the earlier key wins where it merges into the resource', async () => {
  assert.deepEqual(warnings(await rendered('strategic-merge-earlier-wins'), 'strategic-merge-earlier-wins'), [
    'patch.yaml:7:3 warning: "replicas" is written twice in this mapping; kubectl uses the earlier one (line 6) and ignores this one',
    'patch.yaml:13:9 warning: "image" is written twice in this mapping; kubectl uses the earlier one (line 12) and ignores this one',
    'patch.yaml:14:1 warning: "spec" is written twice in this mapping; kubectl uses the earlier one (line 5) and ignores this one',
  ]);
});

test('one field spelled several ways: the byte-wise greatest spelling wins, whatever the order', async () => {
  const result = await rendered('field-spelled-twice');
  assert.deepEqual(warnings(result, 'field-spelled-twice'), [
    'kustomization.yaml:6:1 warning: "Namespace" and "namespace" set the same field; kubectl uses "namespace" (line 5) and ignores this one',
    'kustomization.yaml:9:3 warning: "NewTag" and "newTag" set the same field; kubectl uses "newTag" (line 10) and ignores this one',
    'kustomization.yaml:11:3 warning: "NEWTAG" and "newTag" set the same field; kubectl uses "newTag" (line 10) and ignores this one',
  ]);
  const deployment = result.resources[0]?.object;
  assert.ok(deployment);
  assert.equal(result.provenance.at(deployment, ['spec', 'template', 'spec', 'containers', 0, 'image'])[0]?.line, 10);
});

test('a warm render (the kustomization from the parse cache) warns again', async () => {
  // The second render takes the parsed kustomization from the cache, warnings included.
  const options = { parseCache: new ParseCache() };
  const first = await render(new DiskFileSystem(), join(cases, 'kustomization-later-wins'), options);
  const second = await render(new DiskFileSystem(), join(cases, 'kustomization-later-wins'), options);
  assert.ok(first.ok && second.ok);
  assert.equal(first.value.warnings.length, 2);
  assert.deepEqual(second.value.warnings, first.value.warnings);
});
