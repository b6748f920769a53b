// Runs the mocha specs of test/extensionHost/ inside the real extension host of code-server.
// code-server has no --extensionDevelopmentPath flag; the web workbench takes the same
// arguments through its `payload` URL parameter and reports the result through
// window.codeAutomationExit / window.codeAutomationLog, which we expose with Playwright.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { after, before, test } from 'node:test';
import { launchBrowser, openWorkbench, type BrowserSession } from './support/browser';
import { artifactsDir, repoRoot, startCodeServer, type CodeServer } from './support/codeServer';
import { copyExamples, type TempWorkspace } from './support/workspace';
import { waitFor } from './support/workbench';

// Overridable so the harness itself can be proven against a stub extension.
const extensionPath = process.env.DRIFTLINE_E2E_EXTENSION_PATH ?? repoRoot;
const testsEntry = join(repoRoot, 'out', 'extensionHost', 'index.js');

let workspace: TempWorkspace | undefined;
let server: CodeServer | undefined;
let session: BrowserSession | undefined;
/** Extension-host and workbench log lines, as received through codeAutomationLog. */
const logLines: string[] = [];
/** The page's own console, kept only for the artifact log. */
const consoleLines: string[] = [];

before(async () => {
  const main = (JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')) as { main?: string }).main;
  assert.ok(main && existsSync(join(extensionPath, main)), `${join(extensionPath, main ?? '?')} missing: run npm run build`);
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'buildExtensionHostTests.mjs')], { encoding: 'utf8' });
  assert.equal(built.status, 0, `building extension-host tests failed:\n${built.stdout}${built.stderr}`);
  workspace = await copyExamples();
  server = await startCodeServer({ folder: workspace.folder, name: 'extension-host' });
});

after(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, 'extension-host-tests.log'),
    `${logLines.join('\n')}\n\n--- browser console ---\n${consoleLines.join('\n')}\n`);
  await session?.close();
  await server?.stop();
  await workspace?.dispose();
});

test('extension-host specs pass inside code-server', { timeout: 180_000 }, async () => {
  assert.ok(server);
  session = await launchBrowser(server.sandbox);
  let exitCode: number | undefined;
  // Must be exposed before the workbench loads: it checks for them when the tests finish.
  await session.context.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
    // Extension-host console calls arrive as printf-style argument arrays (mocha uses them).
    const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
    logLines.push(`[${String(type)}] ${text}`);
  });
  await session.context.exposeFunction('codeAutomationExit', (code: unknown) => {
    exitCode = typeof code === 'number' ? code : Number(code);
  });
  session.page.on('console', (message) => consoleLines.push(`[console.${message.type()}] ${message.text()}`));

  await openWorkbench(session.page, server.workbenchUrl({
    payload: [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsEntry)],
    ],
  }));
  const code = await waitFor(() => exitCode, { timeout: 120_000, interval: 250, message: 'codeAutomationExit' });

  const output = logLines.join('\n');
  const passing = /(\d+) passing/.exec(output);
  const failing = /(\d+) failing/.exec(output);
  assert.equal(code, 0, `extension-host tests exited with ${code}; see artifacts/e2e/extension-host-tests.log\n${output.slice(-4000)}`);
  assert.ok(passing && Number(passing[1]) > 0, `no "N passing" line in the mocha output:\n${output.slice(-4000)}`);
  assert.equal(failing ? Number(failing[1]) : 0, 0, `mocha reported failures:\n${output.slice(-4000)}`);
});
