import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/fixtures';

// What the .vsix ships, as `vsce ls` computes it from .vscodeignore: the bundles,
// media, the manifest, README and LICENSE — never sources, maps, tests or tools.
const allowed = [/^dist\/(extension|services|renderWorker)\.js$/, /^dist\/webview\/[^/]+\.(js|css|ttf)$/, /^media\//, /^package\.json$/, /^README\.md$/, /^LICENSE$/];

function packagedFiles(): string[] {
  const out = execFileSync(join(repoRoot, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  return out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
}

test('the .vsix ships only dist/, media/, package.json, README and LICENSE', () => {
  const files = packagedFiles();
  const unexpected = files.filter((f) => !allowed.some((pattern) => pattern.test(f)));
  assert.deepEqual(unexpected, []);
  for (const required of ['dist/extension.js', 'dist/services.js', 'dist/renderWorker.js', 'dist/webview/main.js', 'package.json', 'README.md', 'LICENSE']) {
    assert.ok(files.includes(required), `${required} is missing from the package: ${files.join(', ')}`);
  }
});

test('the extension bundles stay within their 1.5 MB budget', () => {
  const size = ['extension.js', 'services.js', 'renderWorker.js'].reduce((sum, name) => sum + statSync(join(repoRoot, 'dist', name)).size, 0);
  assert.ok(size <= 1.5 * 1024 * 1024, `dist/{extension,services,renderWorker}.js weigh ${(size / 1024 / 1024).toFixed(2)} MB`);
});
