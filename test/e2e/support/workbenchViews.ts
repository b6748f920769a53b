// More of what a user does in the VS Code 1.100 workbench, in terms of its DOM: editing a line,
// hovers, quick picks, context menus, view panes, the status bar and the Problems panel.
// Complements workbench.ts (kept separate so that suites can grow their helpers independently).
import type { Locator, Page } from 'playwright-core';
import { activeEditor, waitFor } from './workbench';

const nbsp = /\u00a0/g;

/** A visible editor (any group) whose document URI matches the CSS attribute operator, e.g. `$="x.yaml"`. */
export function editorByUri(page: Page, uriMatch: string): Locator {
  return page.locator(`.editor-group-container .monaco-editor[data-uri${uriMatch}]`).filter({ visible: true }).first();
}

/** The first visible line of `editor` containing `text` (Monaco renders spaces as non-breaking ones). */
export function editorLine(editor: Locator, text: string): Locator {
  return editor.locator('.view-lines .view-line').filter({ hasText: text }).first();
}

/** The visible lines of `editor`, top to bottom, with ordinary spaces. */
export async function editorText(editor: Locator): Promise<string[]> {
  return editor.locator('.view-lines').evaluate((viewLines) => {
    const lines = Array.from(viewLines.querySelectorAll<HTMLElement>('.view-line'));
    lines.sort((a, b) => parseFloat(a.style.top || '0') - parseFloat(b.style.top || '0'));
    return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
  });
}

/**
 * Replaces the text of the line containing `match` (from its first non-blank character to its
 * end) by typing `replacement`, like a user selecting the line's content and typing over it.
 * Typing goes through Monaco's keyboard handling (auto-closing quotes included); the suggest
 * widget that typing may open is dismissed.
 */
export async function retypeLine(page: Page, editor: Locator, match: string, replacement: string): Promise<void> {
  await editorLine(editor, match).click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(replacement);
  await page.keyboard.press('Escape');
  await waitFor(async () => (await editorText(editor)).some((line) => line.trim() === replacement.trim()),
    { timeout: 10_000, message: `the line to read "${replacement}"` });
}

/** Moves the mouse onto the line containing `match` until a `.monaco-hover` containing `expect` shows. */
export async function hoverLine(page: Page, editor: Locator, match: string, expect: string, timeout = 30_000): Promise<Locator> {
  const hover = page.locator('.monaco-hover').filter({ visible: true }).filter({ hasText: expect }).first();
  const line = editorLine(editor, match);
  let nudge = 0;
  await waitFor(async () => {
    // Monaco shows hovers on mouse *move*: wiggle a little on each attempt.
    nudge = (nudge + 1) % 4;
    await line.hover({ position: { x: 20 + nudge * 6, y: 6 } });
    return hover.isVisible();
  }, { timeout, interval: 500, message: `a hover containing "${expect}"` });
  return hover;
}

/** Visible text of a locator with ordinary spaces. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(nbsp, ' ');
}

const quickInputRows = '.quick-input-widget .quick-input-list .monaco-list-row';

/** Clicks the row of the open quick pick whose text contains `text`. */
export async function pickQuickInputRow(page: Page, text: string, timeout = 30_000): Promise<void> {
  const row = page.locator(quickInputRows).filter({ hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

/** The open quick pick's rows (text), once at least one is shown. */
export async function quickInputRowTexts(page: Page, timeout = 30_000): Promise<string[]> {
  await page.locator(quickInputRows).first().waitFor({ state: 'visible', timeout });
  return (await page.locator(quickInputRows).allInnerTexts()).map((t) => t.replace(nbsp, ' '));
}

/** A context menu entry (VS Code renders its own menus in the web workbench). */
export function contextMenuItem(page: Page, label: string): Locator {
  return page.locator('.monaco-menu .action-item').filter({ has: page.locator('.action-label', { hasText: label }) }).first();
}

/**
 * Right-clicks `target` and runs the context menu's `label` item. The workbench sometimes drops a
 * click that lands just as the menu opens (the item highlights, the menu stays): click again
 * until the menu closes.
 */
export async function runContextMenuItem(page: Page, target: Locator, label: string, options: { timeout?: number; whileOpen?: () => Promise<unknown> } = {}): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  await target.waitFor({ state: 'visible', timeout });
  await target.click({ button: 'right' });
  const item = contextMenuItem(page, label);
  await item.waitFor({ state: 'visible', timeout });
  await options.whileOpen?.();
  await waitFor(async () => {
    if (!(await item.isVisible())) return true;
    await item.click({ timeout: 2_000 }).catch(() => undefined);
    return !(await item.isVisible());
  }, { timeout, message: `the context menu item "${label}" to run` });
}

/** A pane of a view container (Explorer's Timeline, Driftline's Apps, …) by its header title. */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header .title', { hasText: new RegExp(`^\\s*${title}\\s*$`, 'i') }) }).first();
}

/** Expands a collapsed pane (clicking its header) and returns it. */
export async function expandPane(page: Page, title: string, timeout = 30_000): Promise<Locator> {
  const pane = viewPane(page, title);
  const header = pane.locator('.pane-header').first();
  await header.waitFor({ state: 'visible', timeout });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === 'true', { timeout, message: `the ${title} pane to expand` });
  return pane;
}

/** Text of each row of a tree or list inside `container`. */
export async function rowTexts(container: Locator): Promise<string[]> {
  return (await container.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(nbsp, ' ').replace(/\s+/g, ' ').trim());
}

/** Text of the status bar entry containing `marker` (e.g. "⎈"), or undefined when absent. */
export async function statusBarText(page: Page, marker: string): Promise<string | undefined> {
  const item = page.locator('.statusbar-item').filter({ hasText: marker }).first();
  if ((await item.count()) === 0) return undefined;
  return (await item.innerText()).replace(nbsp, ' ').replace(/\s+/g, ' ').trim();
}

/** Rows of the Problems panel (files and markers), as text. */
export async function problemRows(page: Page): Promise<string[]> {
  return rowTexts(page.locator('.markers-panel'));
}

/**
 * Quick Open (Ctrl+P) a file that may already be open in another tab, retrying: with a diff
 * editor active and a tree focused, the first Enter on the file's row sometimes closes Quick
 * Open without switching tabs (seen with code-server 4.100.3); the second attempt works.
 */
export async function reopenFile(page: Page, relativePath: string, attempts = 3): Promise<Locator> {
  const name = relativePath.split('/').pop() ?? relativePath;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(relativePath);
      await page.locator(quickInputRows).filter({ has: page.locator('.label-name', { hasText: name }) }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      return await activeEditor(page, relativePath, 5_000);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** Drags the side bar's edge to make it `by` pixels wider (tree descriptions stop being cut off in screenshots). */
export async function widenSideBar(page: Page, by: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar');
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(x + by / 2, y, { steps: 5 });
  await page.mouse.move(x + by, y, { steps: 5 });
  await page.mouse.up();
  await waitFor(async () => ((await page.locator('.part.sidebar').boundingBox())?.width ?? 0) >= box.width + by / 2,
    { timeout: 5_000, message: 'the side bar to widen' });
}
