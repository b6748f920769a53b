// Runs one benchmark entry (test/extensionHost/*.bench.ts, built into out/extensionHost/) inside
// the real extension host of code-server, the way test/e2e/extensionHost.test.ts runs the specs:
// the web workbench takes extensionDevelopmentPath / extensionTestsPath through its `payload`
// URL parameter and reports the end through window.codeAutomationExit.
// The entry reads its parameters from DRIFTLINE_BENCH_CONFIG and writes its figures as JSON to
// DRIFTLINE_BENCH_OUT: code-server passes its environment on to the extension host.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, openWorkbench } from '../../test/e2e/support/browser';
import { startCodeServer } from '../../test/e2e/support/codeServer';
import { waitFor } from '../../test/e2e/support/workbench';
import { ensureBuilt } from './ensureBuilt';

export interface ExtensionHostRunOptions {
  readonly repoRoot: string;
  /** Workspace folder VS Code opens. */
  readonly folder: string;
  /** File name of the built entry in out/extensionHost/, e.g. `editorLatency.bench.js`. */
  readonly entry: string;
  /** JSON-serialisable parameters for the entry. */
  readonly config: unknown;
  readonly settings?: Record<string, unknown>;
  readonly name: string;
  readonly timeoutMs: number;
}

export interface ExtensionHostRun<T> {
  readonly result: T;
  /** Text of every file VS Code logged (output channels included), for "activated in X ms". */
  readonly logs: string;
}

let testsBuilt = false;

async function profileWorkbench(page: Page, name: string): Promise<(() => Promise<void>) | undefined> {
  const dir = process.env['DRIFTLINE_BENCH_PROFILE'];
  if (!dir) return undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(join(dir, `${name}-workbench.cpuprofile`), JSON.stringify(profile));
  };
}

async function readTree(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const texts = await Promise.all(entries.filter((e) => e.isFile() && e.name.endsWith('.log'))
    .map((e) => readFile(join(e.parentPath, e.name), 'utf8').catch(() => '')));
  return texts.join('\n');
}

export async function runInExtensionHost<T>(options: ExtensionHostRunOptions): Promise<ExtensionHostRun<T>> {
  ensureBuilt(options.repoRoot);
  if (!testsBuilt) {
    const built = spawnSync(process.execPath, [join(options.repoRoot, 'scripts', 'buildExtensionHostTests.mjs')], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`building extension-host entries failed:\n${built.stdout}${built.stderr}`);
    testsBuilt = true;
  }
  const scratch = await mkdtemp(join(tmpdir(), 'driftline-bench-'));
  const out = join(scratch, 'result.json');
  // A private copy of the built extension: other work in this checkout (npm run build deletes
  // dist/ first) must not pull the bundle out from under a running extension host.
  const extension = join(scratch, 'extension');
  for (const entry of ['package.json', 'dist', 'media']) await cp(join(options.repoRoot, entry), join(extension, entry), { recursive: true });
  const log: string[] = [];
  const server = await startCodeServer({
    folder: options.folder,
    name: options.name,
    settings: options.settings ?? {},
    env: { DRIFTLINE_BENCH_CONFIG: JSON.stringify(options.config), DRIFTLINE_BENCH_OUT: out },
  });
  let result: T;
  try {
    const session = await launchBrowser(server.sandbox);
    try {
      let exitCode: number | undefined;
      await session.context.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
        log.push(`[${String(type)}] ${Array.isArray(args) ? format(...(args as unknown[])) : String(args)}`);
      });
      await session.context.exposeFunction('codeAutomationExit', (code: unknown) => {
        exitCode = Number(code);
      });
      // DRIFTLINE_BENCH_PROFILE also profiles the workbench (the browser's main thread), where an
      // edit is applied before the extension host hears of it.
      const stopWorkbenchProfile = await profileWorkbench(session.page, options.name);
      await openWorkbench(session.page, server.workbenchUrl({
        payload: [
          ['extensionDevelopmentPath', server.remoteUri(extension)],
          ['extensionTestsPath', server.remoteUri(join(options.repoRoot, 'out', 'extensionHost', options.entry))],
        ],
      }), 120_000);
      const code = await waitFor(() => exitCode, { timeout: options.timeoutMs, interval: 250, message: `${options.entry} to finish` });
      await stopWorkbenchProfile?.();
      if (code !== 0) throw new Error(`${options.entry} exited with ${code}:\n${log.join('\n').slice(-4000)}`);
    } finally {
      await session.close();
    }
    result = JSON.parse(await readFile(out, 'utf8')) as T;
  } finally {
    // stop() copies VS Code's logs (output channels included) to server.logsDir first.
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
  return { result, logs: await readTree(server.logsDir) };
}
