// Bundles the extension-host tests (test/extensionHost/index.ts + *.spec.ts) and benchmark
// entries (*.bench.ts, run by bench/support/extensionHostRun.ts, never by index.ts) into
// out/extensionHost/ as CommonJS, the form VS Code's `extensionTestsPath` loads.
// `vscode` is provided by the extension host; mocha is bundled into index.js so the
// output runs wherever it is loaded from (code-server payload or @vscode/test-electron).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'test', 'extensionHost');
const outdir = join(root, 'out', 'extensionHost');
const entryPoints = readdirSync(srcDir)
  .filter((name) => name === 'index.ts' || name.endsWith('.spec.ts') || name.endsWith('.bench.ts'))
  .map((name) => join(srcDir, name));

await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
  // mocha's parallel mode require.resolve()s worker files; serial runs never load that code.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`built ${entryPoints.length} extension-host test files into ${outdir}`);
