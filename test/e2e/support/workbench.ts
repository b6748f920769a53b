// What a user does and sees in the VS Code workbench, in terms of its DOM. Selectors are the
// ones VS Code 1.100 renders (see /work/shared/reference/vscode-e2e.md).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { artifactsDir } from './codeServer';

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  /** Describes what was awaited, for the timeout message. */
  message?: string;
}

/**
 * Polls `fn` until it returns something other than `undefined`/`false`, and returns that.
 * Errors thrown by `fn` count as "not yet" so transient DOM states do not fail the test.
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | false> | T | undefined | false,
  { timeout = 60_000, interval = 200, message = 'condition' }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = 'never evaluated';
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== false) return value;
      last = String(value);
    } catch (error) {
      last = `threw ${String(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${last})`);
    await new Promise((done) => setTimeout(done, interval));
  }
}

const quickInput = '.quick-input-widget';
const quickInputBox = `${quickInput} .quick-input-box input`;
const quickInputRows = `${quickInput} .quick-input-list .monaco-list-row`;

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Opens a workspace file through Quick Open (Ctrl+P), like a user typing its path. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  const input = page.locator(quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(relativePath);
  // File search is asynchronous (ripgrep): wait for a row of this file, not just any row.
  const row = page.locator(quickInputRows).filter({ has: page.locator('.label-name', { hasText: exactText(name) }) });
  await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  return activeEditor(page, relativePath);
}

/** Runs a command from the palette (F1) by its full title, e.g. `Driftline: Sync App`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  const row = page.locator(quickInputRows).filter({ has: page.locator('.label-name', { hasText: exactText(title) }) });
  await row.first().waitFor({ state: 'visible', timeout: 30_000 });
  // Click the exact match: Enter would run whatever fuzzy match happens to be first.
  await row.first().click();
  // The palette closes, or the command already replaced it with a quick pick of its own.
  await waitFor(async () => !(await page.locator(quickInput).isVisible()) || (await input.inputValue().catch(() => '')) !== `>${title}`,
    { timeout: 10_000, interval: 50, message: `the command palette to run ${title}` });
}

/** The editor in the active group whose document URI ends with `fileSuffix`, once visible. */
export async function activeEditor(page: Page, fileSuffix: string, timeout = 30_000): Promise<Locator> {
  const editor = page.locator(`.editor-group-container.active .monaco-editor[data-uri$="${fileSuffix}"]`);
  await editor.first().waitFor({ state: 'visible', timeout });
  return editor.first();
}

export interface LineDecorations {
  lineText: string;
  /** Text of every `::after` decoration (`after.contentText`) on the line, in DOM order. */
  after: string[];
}

/**
 * Visible lines of an editor (default: the active one), top to bottom, with their inline
 * `after` decorations. VS Code renders `contentText` as a CSS `::after` rule, not as DOM text,
 * so the only way to see it is `getComputedStyle(span, '::after').content`.
 */
export async function lineDecorations(page: Page, editor?: Locator): Promise<LineDecorations[]> {
  const root = editor ?? page.locator('.editor-group-container.active .monaco-editor').first();
  // The callback runs in the page. Keep it free of named inner functions: tsx (esbuild
  // keepNames) would wrap them in a `__name` helper that does not exist in the page.
  return root.locator('.view-lines').evaluate((viewLines) => {
    const nbsp = /\u00a0/g;
    const lines = Array.from(viewLines.querySelectorAll<HTMLElement>('.view-line'));
    // Lines are absolutely positioned and recycled: DOM order is not screen order.
    lines.sort((a, b) => parseFloat(a.style.top || '0') - parseFloat(b.style.top || '0'));
    return lines.map((line) => ({
      lineText: (line.textContent ?? '').replace(nbsp, ' '),
      after: Array.from(line.querySelectorAll('span'))
        .map((span) => getComputedStyle(span, '::after').content)
        .filter((content) => !['none', 'normal', '', '""'].includes(content))
        // Computed `content` is a quoted CSS string: strip the quotes and backslash escapes.
        .map((content) => (/^"(.*)"$/s.exec(content)?.[1]?.replace(/\\(.)/g, '$1') ?? content).replace(nbsp, ' ')),
    }));
  });
}

/** Clicks a button of the modal dialog (`window.showWarningMessage(…, { modal: true })`). */
export async function clickDialogButton(page: Page, label: string, timeout = 30_000): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout });
  await dialog.locator('.monaco-button', { hasText: exactText(label) }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout });
}

/** Types into the open quick input (an input box such as a typed confirmation) and presses Enter. */
export async function typeIntoQuickInput(page: Page, text: string, timeout = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(text);
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
}

/** Saves a PNG into artifacts/e2e/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path });
  return path;
}
