import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './support/ensureBuilt';
import type { BenchRow } from './table';

const mb = (bytes: number): number => bytes / 1024 / 1024;

function dirBytes(dir: string, skip: (name: string) => boolean): number {
  return readdirSync(dir).filter((name) => !skip(name)).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Bytes that ship (source maps never do: `--production` drops them), as built by scripts/build.mjs. */
export async function benchBundleSizes(repoRoot: string): Promise<BenchRow[]> {
  ensureBuilt(repoRoot);
  const dist = join(repoRoot, 'dist');
  const isMap = (name: string): boolean => name.endsWith('.map');
  // The extension host loads extension.js at activation, services.js on first need, and
  // renderWorker.js in its render thread.
  const shipped = ['extension.js', 'services.js', 'renderWorker.js'];
  const extension = dirBytes(dist, (name) => isMap(name) || !shipped.includes(name));
  const entry = statSync(join(dist, 'extension.js')).size;
  const cli = statSync(join(dist, 'cli.js')).size;
  const webview = dirBytes(join(dist, 'webview'), isMap);
  return [
    { name: 'bundle: extension host (extension.js + services.js + renderWorker.js)', ours: mb(extension), unit: 'MB', budget: '≤ 1.5 MB', pass: mb(extension) <= 1.5 },
    { name: 'bundle: activation entry (extension.js)', ours: mb(entry), unit: 'MB', budget: 'reported' },
    { name: 'bundle: CLI (cli.js)', ours: mb(cli), unit: 'MB', budget: 'reported' },
    { name: 'bundle: diff webview (dist/webview/*, Monaco included)', ours: mb(webview), unit: 'MB', budget: 'reported' },
  ];
}
