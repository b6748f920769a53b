// Node 20's test runner only discovers .js files in a directory, so collect the
// *.test.ts files ourselves and hand them to `node --test` (with tsx for TypeScript).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/runTests.mjs <dir> [--serial] [--only pattern]');
  process.exit(2);
}
const serial = rest.includes('--serial');
const onlyAt = rest.indexOf('--only');
const only = onlyAt >= 0 ? rest[onlyAt + 1] : undefined;

function collect(path) {
  if (statSync(path).isDirectory()) {
    return readdirSync(path).sort().flatMap((entry) => collect(join(path, entry)));
  }
  return path.endsWith('.test.ts') && (!only || path.includes(only)) ? [path] : [];
}

const files = collect(dir);
if (files.length === 0) {
  console.error(`no *.test.ts files under ${dir}`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
if (serial) args.push('--test-concurrency=1');
const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
