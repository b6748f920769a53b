// The repo model and Argo CD in the editor, as a user sees them in a real VS Code (code-server +
// Playwright, the API emulator serving the Argo CD Application CRD, the real kubectl): the Apps
// tree grouped by environment and by cluster, what Argo CD thinks beside the local diff, Sync
// asking once per app whether to go through Argo CD (and remembering it), and the context guard
// refusing to sync an app to a cluster other than its destination.
// Every state is saved as artifacts/e2e/argo-*.png.
import * as assert from 'node:assert/strict';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { application, shaNew } from '../support/argoFixtures';
import { ensureKubectl } from '../support/kubectlTool';
import { repoRoot } from './support/codeServer';
import { environment, type Kubectl } from './support/environment';
import { liveImage as liveImageOf, stepRunner } from './support/scenario';
import { clickDialogButton, lineDecorations, openFile, runCommand, screenshot, typeIntoQuickInput, waitFor, type LineDecorations } from './support/workbench';
import { pickQuickInputRow, quickInputRowTexts, rowTexts, statusBarText, textOf, viewPane, widenSideBar } from './support/workbenchViews';

const production = 'apps/guestbook/overlays/production';
const staging = 'apps/guestbook/overlays/staging';
const image = 'ghcr.io/driftline/guestbook';
const waitTimeout = 30_000;
/** What Argo CD reports for guestbook-production, with the one field the live hotfix changed. */
const argoSummary = 'Argo CD: OutOfSync at abc1234 · Healthy · 1 of 2 resources OutOfSync · last sync Succeeded · your working copy changes 1 more field';

/** A second context on the same emulator: where this test's staging Application deploys. */
async function addOtherContext(kubectl: Kubectl): Promise<void> {
  const cluster = await kubectl('config', 'view', '-o', 'jsonpath={.contexts[?(@.name=="driftline-demo")].context.cluster}');
  const user = await kubectl('config', 'view', '-o', 'jsonpath={.contexts[?(@.name=="driftline-demo")].context.user}');
  await kubectl('config', 'set-context', 'driftline-other', `--cluster=${cluster.trim()}`, `--user=${user.trim()}`);
}

async function seedRepoAndCluster(kubectl: Kubectl, folder: string): Promise<void> {
  for (const ns of ['guestbook-prod', 'guestbook-staging', 'argocd']) await kubectl('create', 'namespace', ns);
  for (const overlay of [production, staging]) await kubectl('apply', '--server-side', '--field-manager', 'kubectl', '-k', join(folder, overlay));
  await kubectl('-n', 'guestbook-prod', 'set', 'image', 'deployment/guestbook', `guestbook=${image}:hotfix-1`);
  await kubectl('apply', '--server-side', '-f', join(repoRoot, 'test', 'fixtures', 'crds', 'applications.argoproj.io.yaml'));
  // The Application as Argo CD's controller leaves it (the CRD has no status subresource).
  const app = application('guestbook-production', false, production);
  const appFile = join(folder, '..', 'guestbook-production.app.json');
  await writeFile(appFile, JSON.stringify(app));
  await waitFor(async () => kubectl('apply', '--server-side', '--field-manager', 'argocd-controller', '-f', appFile).then(() => true, () => undefined),
    { timeout: waitTimeout, message: 'the emulator to serve Applications' });
  await addOtherContext(kubectl);
  // In this repo, staging deploys to another Argo CD cluster, which the mapping sends to driftline-other.
  const stagingApp = join(folder, 'argocd', 'applications', 'guestbook-staging.yaml');
  await writeFile(stagingApp, (await readFile(stagingApp, 'utf8')).replace('server: https://kubernetes.default.svc', 'name: staging-cluster'));
  await mkdir(join(folder, '.vscode'), { recursive: true });
  await writeSettings(folder, {});
  // `kustomize build DIR` played by the real kubectl's built-in kustomize, for driftline.renderer.
  const wrapper = join(folder, '..', 'kustomize');
  await writeFile(wrapper, `#!/bin/sh\n[ "$1" = build ] && shift\nexec '${(await ensureKubectl()).kubectl}' kustomize "$@"\n`);
  await chmod(wrapper, 0o755);
}

/** The workspace settings VS Code reads (it follows the file): the context mapping plus `extra`. */
async function writeSettings(folder: string, extra: Record<string, unknown>): Promise<void> {
  await writeFile(join(folder, '.vscode', 'settings.json'), JSON.stringify({
    'driftline.contextMappings': { 'https://kubernetes.default.svc': 'driftline-demo', 'staging-cluster': 'driftline-other' },
    ...extra,
  }, null, 2));
}

const env = environment({
  name: 'argo-apps',
  settings: { 'files.autoSave': 'off', 'git.enabled': false },
  seed: seedRepoAndCluster,
});
const { kubectl, page, folder } = env;
const step = stepRunner('argo-failure-', env.pageIfStarted);

function appsPane(): Locator {
  return viewPane(page(), 'Apps');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Waits until the Apps rows satisfy `check`; on timeout the message lists the rows. */
async function waitForRows(check: (rows: string[]) => boolean, message: string): Promise<string[]> {
  let rows: string[] = [];
  return waitFor(async () => {
    rows = await rowTexts(appsPane());
    return check(rows) ? rows : undefined;
  }, { timeout: waitTimeout, message }).catch((error: unknown) => { throw new Error(`${errorText(error)}\nApps rows:\n${rows.join('\n')}`); });
}

/** Rows starting with each of `prefixes`, in this order (a row's text is its label directly followed by its description). */
function inOrder(rows: string[], prefixes: string[]): boolean {
  let at = -1;
  for (const prefix of prefixes) {
    const next = rows.findIndex((r, i) => i > at && r.startsWith(prefix));
    if (next < 0) return false;
    at = next;
  }
  return true;
}

/**
 * Runs a palette command that answers with a quick pick of its own (runCommand waits for the
 * palette to close, which a quick pick opening at once would hold open), and returns its rows.
 */
async function runCommandForQuickPick(title: string, expected: string): Promise<string[]> {
  await page().keyboard.press('F1');
  const input = page().locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: waitTimeout });
  await input.fill(`>${title}`);
  await page().locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: title }).first().click();
  await page().locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: expected }).first().waitFor({ state: 'visible', timeout: waitTimeout });
  return quickInputRowTexts(page());
}

/** Polls the active editor's lines (and gutter markers) until `check` holds; on timeout the message shows them. */
async function waitForEditor(check: (lines: LineDecorations[], gutterMarks: number) => boolean, message: string): Promise<void> {
  let last: LineDecorations[] = [];
  let marks = 0;
  await waitFor(async () => {
    last = await lineDecorations(page());
    marks = await page().locator('.editor-group-container.active .monaco-editor .margin [class*="ced-"]').count();
    return check(last, marks);
  }, { timeout: waitTimeout, message }).catch((error: unknown) => {
    throw new Error(`${errorText(error)}\ngutter marks: ${marks}\n${last.map((l) => `${l.lineText}${l.after.length ? `  ⟶ ${l.after.join(' | ')}` : ''}`).join('\n')}`);
  });
}

const hotfixHint = (l: LineDecorations): boolean => l.after.some((a) => a.startsWith(`live: ${image}:hotfix-1`));

function toast(text: string): Locator {
  return page().locator('.notification-toast').filter({ hasText: text }).first();
}

async function applicationField(path: string): Promise<string> {
  return kubectl('-n', 'argocd', 'get', 'applications.argoproj.io', 'guestbook-production', '-o', `jsonpath={${path}}`);
}

describe('Argo CD apps in VS Code', { timeout: 300_000 }, () => {
  before(() => env.start());
  after(() => env.close());

  it('the Apps tree lists the Argo CD apps by environment, with what Argo CD thinks', async (t) => step(t, 'by-environment', async () => {
    await page().locator('.activitybar .action-item .action-label[aria-label^="Driftline"]').first().click();
    await appsPane().waitFor({ state: 'visible', timeout: waitTimeout });
    await widenSideBar(page(), 300);
    const rows = await waitForRows((r) => inOrder(r, ['production', 'guestbook-productionproduction · driftline-demo · 1 out of sync · Argo CD OutOfSync', 'staging', 'guestbook-stagingstaging · driftline-other · not compared: connected to driftline-demo']),
      'production → guestbook-production (driftline-demo, Argo CD OutOfSync), staging → guestbook-staging (driftline-other)');
    assert.ok(!rows.some((r) => r.startsWith('guestbook-staging') && r.includes('Argo CD')), 'staging has no Application in its cluster');
    await screenshot(page(), 'argo-01-apps-by-environment.png');

    // The app's tooltip: destination, resolved context and Argo CD's summary beside the local diff.
    await appsPane().locator('.monaco-list-row').filter({ hasText: 'guestbook-production' }).first().hover();
    const hover = page().locator('.workbench-hover, .monaco-hover').filter({ hasText: 'Argo CD:' }).first();
    await hover.waitFor({ state: 'visible', timeout: waitTimeout });
    const text = (await textOf(hover)).replace(/\s+/g, ' ');
    assert.ok(text.includes(argoSummary), text);
    assert.ok(text.includes('→ context driftline-demo'), text);
    await screenshot(page(), 'argo-02-argo-status-tooltip.png');
    await page().mouse.move(5, 5);
  }));

  it('the view title toggles grouping by cluster', async (t) => step(t, 'by-cluster', async () => {
    await runCommand(page(), 'Driftline: Group Apps by Environment / Cluster');
    await waitForRows((r) => inOrder(r, ['driftline-demo', 'guestbook-productiondriftline-demo · production', 'driftline-other', 'guestbook-stagingdriftline-other · staging']),
      'driftline-demo → guestbook-production, driftline-other → guestbook-staging');
    await screenshot(page(), 'argo-03-apps-by-cluster.png');
  }));

  it('Sync asks once whether to go through Argo CD, requests the operation and follows it', async (t) => step(t, 'argo-sync', async () => {
    await openFile(page(), `${production}/kustomization.yaml`);
    const choices = await runCommandForQuickPick('Driftline: Sync App', 'Through Argo CD (recommended)');
    assert.ok(choices.some((c) => c.includes('Through Argo CD (recommended)')) && choices.some((c) => c.includes('Apply directly (Argo CD may revert it)')), choices.join('\n'));
    await screenshot(page(), 'argo-04-sync-mode-choice.png');
    await pickQuickInputRow(page(), 'Through Argo CD (recommended)');
    const dialog = page().locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await dialog.innerText(), /Argo CD will sync guestbook-production from Git \(main\)/);
    // Protected target (prod): typed confirmation, as for a direct sync.
    await clickDialogButton(page(), 'Continue…');
    await typeIntoQuickInput(page(), 'guestbook-production');

    // Play Argo CD's controller: the operation Driftline wrote, then a finished sync.
    const operation = await waitFor(async () => (await applicationField('.operation')) || undefined, { timeout: waitTimeout, message: 'the operation on the Application' });
    assert.deepEqual(JSON.parse(operation), { initiatedBy: { username: 'driftline' }, sync: { revision: 'main', prune: false, syncOptions: ['CreateNamespace=true'] } });
    await kubectl('-n', 'argocd', 'patch', 'applications.argoproj.io', 'guestbook-production', '--type', 'merge', '-p', JSON.stringify({
      operation: null,
      status: { operationState: { phase: 'Succeeded', message: 'successfully synced', startedAt: '2026-02-01T10:00:00Z', finishedAt: '2026-02-01T10:00:03Z',
        syncResult: { revision: shaNew, resources: [{ group: 'apps', kind: 'Deployment', namespace: 'guestbook-prod', name: 'guestbook', status: 'Synced' }] } } },
    }));
    await toast('Argo CD operation Succeeded at abc1234: 1 resource (1 Synced)').waitFor({ state: 'visible', timeout: waitTimeout });
    await screenshot(page(), 'argo-05-synced-through-argo.png');
    // Argo CD applies, not Driftline: the live hotfix is still there until the (played) controller acts.
    assert.equal(await liveImageOf(kubectl), `${image}:hotfix-1`);

    // Remembered: the next Sync goes straight to the confirmation.
    await runCommand(page(), 'Driftline: Sync App');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await dialog.innerText(), /Argo CD will sync guestbook-production/);
    assert.equal(await page().locator('.quick-input-widget').isVisible(), false, 'no sync mode question the second time');
    await clickDialogButton(page(), 'Cancel');

    // Forgotten: asked again.
    await runCommand(page(), 'Driftline: Forget Sync Mode Choices');
    await toast('forgot the sync mode of 1 app').waitFor({ state: 'visible', timeout: waitTimeout });
    assert.ok((await runCommandForQuickPick('Driftline: Sync App', 'Through Argo CD')).some((c) => c.includes('Apply directly (Argo CD may revert it)')));
    await screenshot(page(), 'argo-06-asked-again-after-forget.png');
    // Apply directly: the server dry run and the usual confirmation, which says Argo CD is bypassed.
    await pickQuickInputRow(page(), 'Apply directly (Argo CD may revert it)');
    await dialog.waitFor({ state: 'visible', timeout: waitTimeout });
    const direct = await dialog.innerText();
    assert.match(direct, /Server dry run: 0 to create, 1 to change/, direct);
    assert.match(direct, /Argo CD manages guestbook-production: this applies around it/, direct);
    await screenshot(page(), 'argo-06b-direct-apply-confirmation.png');
    await clickDialogButton(page(), 'Cancel');
    assert.equal(await liveImageOf(kubectl), `${image}:hotfix-1`, 'cancelled: nothing applied');
  }));

  it('driftline.decorations.style and driftline.renderer change how and where drift shows', async (t) => step(t, 'settings', async () => {
    await openFile(page(), `${production}/kustomization.yaml`);
    await waitForEditor((lines, marks) => lines.some((l) => l.lineText.includes('newTag:') && hotfixHint(l)) && marks > 0, 'inline: the hint on the newTag line');
    await writeSettings(folder(), { 'driftline.decorations.style': 'gutter' });
    await waitForEditor((lines, marks) => !lines.some(hotfixHint) && marks > 0, 'gutter: a gutter marker, no after-text hint');
    await screenshot(page(), 'argo-07-decorations-gutter.png');
    await writeSettings(folder(), { 'driftline.decorations.style': 'off' });
    await waitForEditor((lines, marks) => !lines.some(hotfixHint) && marks === 0, 'off: no drift decorations');

    // kustomize build (here kubectl's kustomize behind a wrapper): provenance per resource, so the
    // hint moves from the newTag line to the line that stands for the whole Deployment.
    await writeSettings(folder(), { 'driftline.renderer': 'kustomize', 'driftline.kustomizePath': join(folder(), '..', 'kustomize') });
    await waitForEditor((lines) => lines.some(hotfixHint) && !lines.some((l) => l.lineText.includes('newTag:') && hotfixHint(l)), 'external renderer: the hint on the resource, not the newTag line');
    await screenshot(page(), 'argo-08-external-renderer.png');
    await writeSettings(folder(), {});
    await waitForEditor((lines) => lines.some((l) => l.lineText.includes('newTag:') && hotfixHint(l)), 'back in-process and inline: the hint on the newTag line');
  }));

  it('the context guard refuses to sync an app to another cluster and offers to switch', async (t) => step(t, 'context-guard', async () => {
    const before = await kubectl('-n', 'guestbook-staging', 'get', 'deployment', 'guestbook', '-o', 'jsonpath={.metadata.resourceVersion}');
    // Sync from the app's inline action in the Apps tree (the node names its app).
    const row = appsPane().locator('.monaco-list-row').filter({ hasText: 'guestbook-staging' }).first();
    await row.hover();
    await row.locator('.action-label[aria-label^="Sync"]').click();
    const refusal = toast('guestbook-staging deploys to context "driftline-other", but Driftline is connected to "driftline-demo". Nothing was applied.');
    await refusal.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.equal(await page().locator('.monaco-dialog-box').isVisible(), false, 'no confirmation: nothing is offered to apply');
    await screenshot(page(), 'argo-09-context-guard.png');
    assert.equal(await kubectl('-n', 'guestbook-staging', 'get', 'deployment', 'guestbook', '-o', 'jsonpath={.metadata.resourceVersion}'), before, 'staging untouched');

    await refusal.locator('.monaco-button', { hasText: 'Switch to driftline-other' }).click();
    let status = '';
    await waitFor(async () => { status = (await statusBarText(page(), '⎈')) ?? ''; return status.startsWith('⎈ driftline-other'); },
      { timeout: waitTimeout, message: 'the status bar on driftline-other' }).catch((error: unknown) => { throw new Error(`${errorText(error)}; status bar: "${status}"`); });
    await screenshot(page(), 'argo-10-switched-context.png');
  }));
});
