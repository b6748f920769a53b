// The thin slice, as a user sees it in a real VS Code: a live change made with kubectl shows up
// inline on the overlay line that sets the value; "Driftline: Sync App" puts the cluster back and
// the hint goes away; a new live change brings it back without any user action.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyExampleOverlay, environment } from './support/environment';
import { liveImage as liveImageOf, stepRunner } from './support/scenario';
import {
  clickDialogButton, lineDecorations, openFile, runCommand, screenshot, typeIntoQuickInput, waitFor, type LineDecorations,
} from './support/workbench';

const overlay = 'apps/guestbook/overlays/production';
const overlayFile = `${overlay}/kustomization.yaml`;
const image = 'ghcr.io/driftline/guestbook';
const waitTimeout = 60_000;

const env = environment({
  name: 'drift-slice',
  async seed(kubectl, folder) {
    await applyExampleOverlay(kubectl, folder, overlay);
    await kubectl('-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', `guestbook=${image}:hotfix-1`);
    assert.equal(await liveImageOf(kubectl), `${image}:hotfix-1`);
  },
});
const { kubectl, page } = env;
const liveImage = (): Promise<string> => liveImageOf(kubectl);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function decorated(lines: LineDecorations[]): LineDecorations[] {
  return lines.filter((line) => line.after.length > 0);
}

function describeLines(lines: LineDecorations[]): string {
  return lines.map((line) => `${line.lineText}${line.after.length ? `  ⟶ ${line.after.join(' | ')}` : ''}`).join('\n');
}

/** Waits until the only decorated line is `newTag:` and its hint names the live image and writer. */
async function waitForDriftHint(liveTag: string): Promise<LineDecorations> {
  let last: LineDecorations[] = [];
  try {
    return await waitFor(async () => {
      last = await lineDecorations(page());
      const hint = last.find((line) => line.after.some((text) => text.includes(`live: ${image}:${liveTag}`)));
      return hint && hint.after.some((text) => text.includes('kubectl-set')) ? hint : undefined;
    }, { timeout: waitTimeout, message: `a drift hint for ${image}:${liveTag}` });
  } catch (error) {
    throw new Error(`${errorText(error)}\nvisible lines:\n${describeLines(last)}`);
  }
}

const step = stepRunner('failure-', env.pageIfStarted);

describe('drift slice in VS Code', { timeout: 600_000 }, () => {
  before(() => env.start());
  after(() => env.close());

  it('shows the live image and who changed it on the newTag line', async (t) => step(t, 'drift', async () => {
    const text = readFileSync(join(env.folder(), overlayFile), 'utf8');
    assert.match(text, /^ {4}newTag: "1\.4\.2"$/m, 'example overlay changed: the test expects newTag: "1.4.2"');
    await openFile(page(), overlayFile);

    const hint = await waitForDriftHint('hotfix-1');
    const lines = await lineDecorations(page());
    await screenshot(page(), '01-drift.png');
    assert.equal(hint.lineText.trim(), 'newTag: "1.4.2"', `hint on the wrong line:\n${describeLines(lines)}`);
    assert.deepEqual(decorated(lines).map((line) => line.lineText.trim()), ['newTag: "1.4.2"'],
      `only the newTag line may carry a Driftline hint:\n${describeLines(lines)}`);
  }));

  it('Driftline: Sync App previews, asks for the protected-target name and the takeover, restores the cluster and clears the hint', async (t) => step(t, 'sync', async () => {
    await runCommand(page(), 'Driftline: Sync App');
    // The overlay deploys to guestbook-prod: a protected target ("prod"), so the modal
    // (showing the server's dry-run prediction) leads to a typed confirmation.
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await dialog.innerText(), /Server dry run: 0 to create, 1 to change/);
    await screenshot(page(), '02a-sync-preview.png');
    await clickDialogButton(page(), 'Continue…');
    await typeIntoQuickInput(page(), 'guestbook-production');
    // kubectl-set owns the image now: taking it over needs its own confirmation.
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await dialog.innerText(), /kubectl-set/);
    await screenshot(page(), '02b-sync-conflict.png');
    await clickDialogButton(page(), 'Overwrite');

    let lines: LineDecorations[] = [];
    await waitFor(async () => {
      lines = await lineDecorations(page());
      return decorated(lines).length === 0;
    }, { timeout: waitTimeout, message: 'the drift hint to disappear after sync' })
      .catch((error: unknown) => { throw new Error(`${errorText(error)}\nvisible lines:\n${describeLines(lines)}`); });
    await waitFor(async () => (await liveImage()) === `${image}:1.4.2`,
      { timeout: waitTimeout, message: `live image ${image}:1.4.2` });
    await screenshot(page(), '02-synced.png');
  }));

  it('a new live change brings the hint back without user action', async (t) => step(t, 'drift-again', async () => {
    await kubectl('-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', `guestbook=${image}:hotfix-2`);
    const hint = await waitForDriftHint('hotfix-2');
    const lines = await lineDecorations(page());
    await screenshot(page(), '03-drift-again.png');
    assert.equal(hint.lineText.trim(), 'newTag: "1.4.2"');
    assert.equal(decorated(lines).length, 1, `only the newTag line may carry a Driftline hint:\n${describeLines(lines)}`);
  }));
});
