// Rows that load the extension (code-server) or weigh its bundles need dist/. A fresh clone
// has none, and a stale one would measure yesterday's code: build when dist/ is missing or
// older than the newest source file. `npm run build` is what the tests run too.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let built = false;

export function ensureBuilt(repoRoot: string): void {
  if (built) return;
  const bundle = join(repoRoot, 'dist', 'extension.js');
  const sources = Math.max(newestMtime(join(repoRoot, 'src')), newestMtime(join(repoRoot, 'webview')));
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
    process.stderr.write('bench: building dist/ (npm run build)\n');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  built = true;
}
