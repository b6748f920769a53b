// The diff panel as a user sees it in a real VS Code: "Driftline: Open Diff Panel" lists the
// drifted Deployment as OutOfSync, its Monaco diff shows the Git and live images side by side,
// the OutOfSync/All filter changes the list, "Open in Native Diff" opens VS Code's diff editor,
// and after a window reload the panel comes back with the filter the user chose.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FrameLocator, Locator } from 'playwright-core';
import { artifactsDir } from './support/codeServer';
import { applyExampleOverlay, environment } from './support/environment';
import { liveImage as liveImageOf, stepRunner } from './support/scenario';
import { webviewStatePersisted } from './support/webviewState';
import { clickDialogButton, openFile, runCommand, screenshot, typeIntoQuickInput, waitFor } from './support/workbench';

const overlay = 'apps/guestbook/overlays/production';
const image = 'ghcr.io/driftline/guestbook';
const waitTimeout = 60_000;

/** Console errors from the workbench and its webviews (CSP refusals, Monaco worker fallbacks). */
const consoleErrors: string[] = [];
/** Every console line, saved to artifacts/e2e/diff-panel-console.log for diagnosis. */
const consoleLines: string[] = [];

const env = environment({
  name: 'diff-panel',
  async seed(kubectl, folder) {
    await applyExampleOverlay(kubectl, folder, overlay);
    await kubectl('-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', `guestbook=${image}:hotfix-1`);
  },
  onPage(page) {
    page.on('console', (message) => {
      consoleLines.push(`[${message.type()}] ${message.location().url}: ${message.text()}`);
      if (message.type() === 'error' || /web worker/i.test(message.text())) consoleErrors.push(message.text());
    });
  },
});
const { kubectl, page } = env;
const liveImage = (): Promise<string> => liveImageOf(kubectl);

/** The panel's document: the webview host iframe, then the frame VS Code renders our HTML in. */
function panel(): FrameLocator {
  return page().frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

function rows(): Locator {
  return panel().locator('vscode-table-row.resource-row');
}

function row(kind: string, name: string): Locator {
  return rows().filter({ has: panel().locator('.resource-kind', { hasText: kind }) }).filter({ hasText: name });
}

/** Text of one side of the Monaco diff; Monaco renders spaces as non-breaking ones. */
async function diffSide(side: 'original' | 'modified'): Promise<string> {
  const text = await panel().locator(`.monaco-diff-editor .editor.${side} .view-lines`).first().innerText({ timeout: 5_000 });
  return text.replace(/\u00a0/g, ' ');
}

async function badges(): Promise<string[]> {
  return rows().locator('vscode-badge.status').allInnerTexts();
}

const step = stepRunner('diff-panel-failure-', env.pageIfStarted);

describe('diff panel in VS Code', { timeout: 600_000 }, () => {
  before(() => env.start());

  after(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'diff-panel-console.log'), `${consoleLines.join('\n')}\n`);
    await env.close();
  });

  it('lists the drifted Deployment as OutOfSync and diffs Git against live in Monaco', async (t) => step(t, 'open', async () => {
    // The command opens the panel for the active editor's overlay.
    await openFile(page(), `${overlay}/kustomization.yaml`);
    await runCommand(page(), 'Driftline: Open Diff Panel');

    const deployment = row('Deployment', 'guestbook');
    await deployment.first().waitFor({ state: 'visible', timeout: waitTimeout });
    await waitFor(async () => (await deployment.first().locator('vscode-badge.status').innerText()) === 'OutOfSync',
      { timeout: waitTimeout, message: 'the Deployment row to be OutOfSync' });

    let sides = { original: '', modified: '' };
    await waitFor(async () => {
      sides = { original: await diffSide('original'), modified: await diffSide('modified') };
      return sides.original.includes(`${image}:1.4.2`) && sides.modified.includes(`${image}:hotfix-1`);
    }, { timeout: waitTimeout, message: 'both images in the Monaco diff' })
      .catch((error: unknown) => { throw new Error(`${String(error)}\noriginal:\n${sides.original}\nmodified:\n${sides.modified}`); });
    // The diff itself ran (in the editor worker): the changed line carries insert/delete decorations.
    await waitFor(async () => (await panel().locator('.monaco-diff-editor .char-insert, .monaco-diff-editor .line-insert').count()) > 0,
      { timeout: waitTimeout, message: 'Monaco diff decorations' });
    assert.ok(!sides.original.includes('hotfix-1'), 'the Git side must not show the live image');
    await screenshot(page(), 'diff-panel-01-outofsync.png');
  }));

  it('filters between OutOfSync only and all resources', async (t) => step(t, 'filter', async () => {
    assert.ok((await badges()).every((b) => b !== 'Synced'), `OutOfSync-only lists a Synced row: ${(await badges()).join(', ')}`);
    const driftedCount = await rows().count();

    await panel().locator('vscode-radio[value="all"]').click();
    await waitFor(async () => (await rows().count()) > driftedCount, { timeout: 10_000, message: 'more rows with the All filter' });
    assert.ok((await badges()).includes('Synced'), `All shows in-sync resources too: ${(await badges()).join(', ')}`);
    assert.equal(await row('Service', 'guestbook').count(), 1, 'the in-sync Service is listed under All');
    await screenshot(page(), 'diff-panel-02-all.png');

    await panel().locator('vscode-radio[value="outOfSync"]').click();
    await waitFor(async () => (await rows().count()) === driftedCount, { timeout: 10_000, message: 'the OutOfSync-only list again' });
    // Leave "All" chosen: the reload step checks that the panel restores it.
    await panel().locator('vscode-radio[value="all"]').click();
    await waitFor(async () => (await rows().count()) > driftedCount, { timeout: 10_000, message: 'the All filter again' });
  }));

  it('selects a row with the keyboard', async (t) => step(t, 'keyboard', async () => {
    await row('Service', 'guestbook').first().focus();
    await page().keyboard.press('Enter');
    await waitFor(async () => (await panel().locator('#diff-title').innerText()).includes('Service'), { timeout: 10_000, message: 'the Service diff' });
    await row('Deployment', 'guestbook').first().focus();
    await page().keyboard.press('Enter');
    await waitFor(async () => (await diffSide('modified')).includes(`${image}:hotfix-1`), { timeout: 10_000, message: 'the Deployment diff again' });
  }));

  it('"Open in Native Diff" opens VS Code\'s diff editor on the same resource', async (t) => step(t, 'native-diff', async () => {
    await panel().locator('#open-native-diff').click();
    const nativeDiff = page().locator('.editor-group-container.active .monaco-diff-editor');
    await nativeDiff.first().waitFor({ state: 'visible', timeout: waitTimeout });
    const tab = page().locator('.tabs-container .tab.active');
    await waitFor(async () => (await tab.innerText()).includes('Git ↔ Live'), { timeout: waitTimeout, message: 'the native diff tab' });
    await waitFor(async () => (await nativeDiff.first().locator('.editor.modified .view-lines').innerText()).replace(/\u00a0/g, ' ').includes(`${image}:hotfix-1`),
      { timeout: waitTimeout, message: 'the live image in the native diff' });
    await screenshot(page(), 'diff-panel-03-native-diff.png');
  }));

  it('comes back after a window reload with the chosen filter', async (t) => step(t, 'reload', async () => {
    // Close the native diff so the panel is the visible editor again, then reload the window.
    await runCommand(page(), 'View: Close Editor');
    await rows().first().waitFor({ state: 'visible', timeout: waitTimeout });
    await waitFor(() => webviewStatePersisted(page(), 'driftline.diff', 'filter\\W+all'), { timeout: 120_000, interval: 1_000, message: 'the workbench to persist the panel state' });
    await page().reload();
    await page().locator('.monaco-workbench').waitFor({ state: 'visible', timeout: waitTimeout });
    await row('Service', 'guestbook').first().waitFor({ state: 'visible', timeout: waitTimeout });
    assert.ok((await badges()).includes('Synced'), 'the restored panel keeps the All filter');
    await waitFor(async () => (await diffSide('modified')).includes(`${image}:hotfix-1`), { timeout: waitTimeout, message: 'the restored diff' });
    await screenshot(page(), 'diff-panel-04-restored.png');
  }));

  it('Sync Selected applies only the checked resource, after the sync confirmation', async (t) => step(t, 'sync-selected', async () => {
    const deployment = row('Deployment', 'guestbook').first();
    await deployment.locator('vscode-checkbox').click();
    const button = panel().locator('#sync-selected');
    await waitFor(async () => (await button.innerText()).includes('Sync Selected (1)'), { timeout: 10_000, message: 'Sync Selected (1)' });
    await button.click();
    // The same flow as Driftline: Sync App: the dry-run preview, then the protected-target name
    // ("prod"), then taking over the image field kubectl-set owns.
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    const preview = await dialog.innerText();
    // Only the Deployment is planned: the dry run counts nothing unchanged (the Service is not in it).
    assert.match(preview, /Server dry run: 0 to create, \d+ to change, 0 unchanged, 0 to prune/);
    assert.match(preview, /Deployment\/guestbook-prod\/guestbook/);
    assert.doesNotMatch(preview, /Service/);
    assert.match(preview, /Only the selected resources: Deployment guestbook-prod\/guestbook\./);
    await screenshot(page(), 'diff-panel-05-sync-selected.png');
    await clickDialogButton(page(), 'Continue…');
    await typeIntoQuickInput(page(), 'guestbook-production');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await dialog.innerText(), /kubectl-set/);
    await clickDialogButton(page(), 'Overwrite');

    await waitFor(async () => (await liveImage()) === `${image}:1.4.2`, { timeout: waitTimeout, message: `live image ${image}:1.4.2` });
    await waitFor(async () => (await deployment.locator('vscode-badge.status').innerText()) === 'Synced', { timeout: waitTimeout, message: 'the Deployment row to be Synced' });
    await waitFor(async () => !(await diffSide('modified')).includes('hotfix-1'), { timeout: waitTimeout, message: 'the live side to show the synced image' });
    // The buttons come back once the sync (and its wait for health) is over.
    await panel().locator('#busy').waitFor({ state: 'hidden', timeout: waitTimeout });
    await screenshot(page(), 'diff-panel-06-synced.png');
  }));

  it('ran without CSP refusals or a main-thread Monaco worker', async (t) => step(t, 'console', async () => {
    // Positive control: the panel's own console reaches this test, so "no refusals" means something.
    await panel().locator('body').evaluate(() => console.error('driftline-console-probe'));
    await waitFor(() => consoleErrors.includes('driftline-console-probe'), { timeout: 10_000, message: 'the panel console probe' });
    // The editor worker script was fetched (to start it from a blob: URL), and Monaco never fell back.
    const fetched = await panel().locator('body').evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.ok(fetched.some((url) => url.endsWith('/dist/webview/editor.worker.js')), `editor.worker.js not fetched:\n${fetched.join('\n')}`);
    const problems = consoleErrors.filter((text) => /CSP violation|Content Security Policy|Could not create web worker/i.test(text));
    assert.deepEqual(problems, [], `console:\n${problems.join('\n')}`);
  }));
});
