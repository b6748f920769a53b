// Three bundles: the extension host code (cjs, `vscode` external), the CLI, and
// the diff webview (browser). Type-checking is `tsc --noEmit`, not esbuild's job.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

// Always minified, so that size budgets hold for every build; `--production`
// (packaging) drops the source maps, which never ship.
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: production ? false : 'linked', minify: true, keepNames: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } }),
  ...webviewBuilds(),
]);
chmodSync('dist/cli.js', 0o755);

// The diff panel: its script plus main.css (Monaco's and ours, bundled from the CSS the code
// imports) and codicon.ttf (Monaco's icon font, referenced from that CSS); and Monaco's editor
// worker as its own file, which the webview starts from a blob: URL (see webview/monacoWorker.ts).
function webviewBuilds() {
  const browser = { ...common, platform: 'browser', format: 'iife', target: 'es2022' };
  return [
    build({ ...browser, entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js', loader: { '.ttf': 'file' }, assetNames: '[name]' }),
    build({ ...browser, entryPoints: ['node_modules/monaco-editor/esm/vs/editor/editor.worker.js'], outfile: 'dist/webview/editor.worker.js' }),
  ];
}
