// The extension host code as three bundles (cjs, `vscode` external): a thin entry that activation
// evaluates, the services it loads on first need (see src/extension/main.ts) and their render
// worker thread; the CLI; and
// the diff webview (browser). Type-checking is `tsc --noEmit`, not esbuild's job.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });

// Always minified, so that size budgets hold for every build; `--production`
// (packaging) drops the source maps, which never ship.
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: production ? false : 'linked', minify: true, keepNames: true, logLevel: 'warning', legalComments: 'none' };

const extensionHost = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], alias: { 'whatwg-url': './scripts/shims/whatwgUrl.cjs' } };

await Promise.all([
  build({ ...extensionHost, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', metafile: true }).then(entryStaysThin),
  build({ ...extensionHost, entryPoints: ['src/extension/services.ts'], outfile: 'dist/services.js' }),
  // The services' render thread: discovery and rendering off the extension host's main thread.
  build({ ...extensionHost, entryPoints: ['src/extension/worker/renderWorker.ts'], outfile: 'dist/renderWorker.js' }),
  build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } }),
  ...webviewBuilds(),
]);
chmodSync('dist/cli.js', 0o755);

// Activation evaluates all of extension.js: a stray import of the services (or of src/core, which
// they pull in) would silently make every activation pay for them again.
function entryStaysThin({ metafile }) {
  const heavy = Object.keys(metafile.inputs).filter((input) => !input.startsWith('src/extension/') || input.endsWith('/services.ts'));
  if (heavy.length > 0) throw new Error(`dist/extension.js must stay thin, but bundles: ${heavy.join(', ')}`);
}

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
