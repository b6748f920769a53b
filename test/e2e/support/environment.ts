// One e2e scenario's world: the API emulator, a throw-away copy of examples/ seeded with the
// real kubectl, code-server with the built .vsix, and a browser on its workbench. Every e2e
// file starts one in before() and closes it in after(); each clean-up runs even when another fails.
import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApiServer } from '../../apiserver/server';
import { launchBrowser, openWorkbench, type BrowserSession } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { builtVsix, kubectlFor } from './scenario';
import { copyExamples, type TempWorkspace } from './workspace';

export type Kubectl = (...args: string[]) => Promise<string>;

export interface EnvironmentOptions {
  /** Names the code-server sandbox and the scratch folder. */
  readonly name: string;
  /** VS Code user settings besides `driftline.kubeconfig`. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Prepares the workspace copy and the cluster before VS Code starts. */
  seed(kubectl: Kubectl, folder: string): Promise<void>;
  /** Runs once the browser page exists, before the workbench loads (e.g. console listeners). */
  onPage?(page: Page): void;
}

export interface Environment {
  readonly kubectl: Kubectl;
  /** The workspace folder VS Code has open (a copy of examples/). */
  folder(): string;
  page(): Page;
  /** The page once the browser runs, for failure screenshots. */
  pageIfStarted(): Page | undefined;
  /** The extension's audit records (its global storage's audit.jsonl), oldest first; none before the first. */
  auditRecords(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/**
 * Not started until `start()` runs (in before()); `kubectl`, `folder` and `page` may be captured
 * at module level and used from the tests.
 */
export function environment(options: EnvironmentOptions): Environment & { start(): Promise<void> } {
  let scratch: string | undefined;
  let apiServer: Awaited<ReturnType<typeof startApiServer>> | undefined;
  let workspace: TempWorkspace | undefined;
  let server: CodeServer | undefined;
  let session: BrowserSession | undefined;
  const kubectl = kubectlFor(() => apiServer?.kubeconfigPath ?? '');
  return {
    kubectl,
    folder: () => {
      assert.ok(workspace, 'workspace not created');
      return workspace.folder;
    },
    page: () => {
      assert.ok(session, 'browser not started');
      return session.page;
    },
    pageIfStarted: () => session?.page,
    async auditRecords() {
      assert.ok(server, 'code-server not started');
      const file = join(server.sandbox.userDataDir, 'User', 'globalStorage', 'driftline.driftline', 'audit.jsonl');
      const text = await readFile(file, 'utf8').catch(() => '');
      return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async start() {
      const vsix = builtVsix();
      scratch = await mkdtemp(join(tmpdir(), `driftline-${options.name}-`));
      apiServer = await startApiServer({ kubeconfigPath: join(scratch, 'kubeconfig') });
      workspace = await copyExamples();
      await options.seed(kubectl, workspace.folder);
      server = await startCodeServer({
        folder: workspace.folder,
        name: options.name,
        extensions: [vsix],
        settings: { 'driftline.kubeconfig': apiServer.kubeconfigPath, ...options.settings },
      });
      session = await launchBrowser(server.sandbox);
      options.onPage?.(session.page);
      await openWorkbench(session.page, server.workbenchUrl());
    },
    async close() {
      await session?.close().catch(() => undefined);
      await server?.stop().catch(() => undefined);
      await apiServer?.close().catch(() => undefined);
      await workspace?.dispose().catch(() => undefined);
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** The example production overlay applied by kubectl's field manager, its namespace first. */
export async function applyExampleOverlay(kubectl: Kubectl, folder: string, overlay: string): Promise<void> {
  await kubectl('create', 'namespace', 'guestbook-prod');
  await kubectl('apply', '--server-side', '--field-manager', 'kubectl', '-k', join(folder, overlay));
}
