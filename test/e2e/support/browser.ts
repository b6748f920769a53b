// Drives Debian's chromium with playwright-core: `npx playwright install` needs the internet,
// the apt package does not.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Sandbox } from './codeServer';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** A fresh browser (Playwright gives every launch a new temporary profile) with one page. */
export async function launchBrowser(sandbox: Sandbox): Promise<BrowserSession> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: apt-get install -y --no-install-recommends chromium`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    // Chromium writes ~/.config/chromium and ~/.cache/dconf: keep them in the sandbox.
    env: sandbox.env,
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}

/** Navigates to the workbench and waits until VS Code has rendered it. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.goto(url, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
}
