// The editor's rollback of an Argo CD app, as a user does it in a real VS Code (code-server +
// Playwright, the API emulator serving the Application CRD, the test playing Argo CD's
// controller): a right-click on a commit in the Driftline History view offers Argo CD's own
// rollback to the history entry that deployed that commit; under auto-sync, apply-the-past warns
// that Argo CD will undo it and Argo CD's rollback is refused in Argo CD's words, each with the
// offer to turn auto-sync off first. Every state is saved as artifacts/e2e/argo-rollback-*.png.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { application } from '../support/argoFixtures';
import { repoRoot } from './support/codeServer';
import { applyExampleOverlay, environment, type Kubectl } from './support/environment';
import { stepRunner } from './support/scenario';
import { clickDialogButton, openFile, runCommand, screenshot, typeIntoQuickInput, waitFor } from './support/workbench';
import { expandPane, runContextMenuItem, pickQuickInputRow, quickInputRowTexts } from './support/workbenchViews';

const execFileAsync = promisify(execFile);
const overlay = 'apps/guestbook/overlays/production';
const overlayFile = `${overlay}/kustomization.yaml`;
const appName = 'guestbook-production';
const waitTimeout = 30_000;
const olderSubject = 'guestbook production: 1.4.1';
const newerSubject = 'guestbook production: 1.4.2';
const identity = 'e2e@driftline.invalid';

async function git(folder: string, ...args: string[]): Promise<string> {
  return (await execFileAsync('git', args, { cwd: folder })).stdout.trim();
}

/** Two commits (newTag 1.4.1, then 1.4.2), both deployed by Argo CD (history 1 and 2), auto-sync with self-heal on. */
async function seed(kubectl: Kubectl, folder: string): Promise<void> {
  const file = join(folder, overlayFile);
  const current = await readFile(file, 'utf8');
  // Committed with the rest, so "Git untouched" means a clean working tree.
  await mkdir(join(folder, '.vscode'), { recursive: true });
  await writeFile(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'driftline.contextMappings': { 'https://kubernetes.default.svc': 'driftline-demo' } }));
  await git(folder, 'init', '-q', '-b', 'main');
  for (const [k, v] of [['user.name', 'Driftline E2E'], ['user.email', identity], ['commit.gpgsign', 'false']] as const) await git(folder, 'config', k, v);
  await writeFile(file, current.replace('newTag: "1.4.2"', 'newTag: "1.4.1"'));
  await git(folder, 'add', '-A');
  await git(folder, 'commit', '-q', '-m', olderSubject);
  await writeFile(file, current);
  await git(folder, 'commit', '-q', '-am', newerSubject);
  const [newer, older] = (await git(folder, 'log', '--format=%H', '-2')).split('\n');

  await applyExampleOverlay(kubectl, folder, overlay);
  await kubectl('create', 'namespace', 'argocd');
  await kubectl('apply', '--server-side', '-f', join(repoRoot, 'test', 'fixtures', 'crds', 'applications.argoproj.io.yaml'));
  const app = application(appName, true, overlay);
  const status = app['status'] as Record<string, unknown>;
  const source = { repoURL: 'https://github.com/example/gitops.git', path: overlay, targetRevision: 'main' };
  status['sync'] = { ...(status['sync'] as object), status: 'Synced', revision: newer };
  status['history'] = [
    { id: 1, revision: older, deployedAt: '2026-01-01T10:00:05Z', source },
    { id: 2, revision: newer, deployedAt: '2026-01-02T10:00:05Z', source },
  ];
  const appFile = join(folder, '..', `${appName}.app.json`);
  await writeFile(appFile, JSON.stringify(app));
  await waitFor(async () => kubectl('apply', '--server-side', '--field-manager', 'argocd-controller', '-f', appFile).then(() => true, () => undefined),
    { timeout: waitTimeout, message: 'the emulator to serve Applications' });
}

const env = environment({
  name: 'argo-rollback',
  settings: { 'files.autoSave': 'off', 'git.enabled': false },
  seed,
});
const { kubectl, page, folder } = env;
const step = stepRunner('argo-rollback-failure-', env.pageIfStarted);

async function applicationField(path: string): Promise<string> {
  return kubectl('-n', 'argocd', 'get', 'applications.argoproj.io', appName, '-o', `jsonpath={${path}}`);
}

/** Right-clicks the older commit in the History view and chooses Rollback…; returns the mode rows. */
async function rollbackFromHistory(olderHash: string): Promise<string[]> {
  await openFile(page(), overlayFile);
  await runCommand(page(), 'Driftline: Focus on History View');
  const history = await expandPane(page(), 'History');
  const olderRow = history.locator('.monaco-list-row').filter({ hasText: olderSubject }).first();
  await runContextMenuItem(page(), olderRow, 'Rollback…');
  const title = page().locator('.quick-input-widget .quick-input-title');
  await waitFor(async () => (await title.innerText()).includes(`back to ${olderHash.slice(0, 7)}`), { timeout: waitTimeout, message: `the rollback question naming ${olderHash.slice(0, 7)}` });
  await page().locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Argo CD rollback' }).first().waitFor({ state: 'visible', timeout: waitTimeout });
  return quickInputRowTexts(page());
}

function dialogText(): Promise<string> {
  const dialog = page().locator('.monaco-dialog-box');
  return dialog.waitFor({ state: 'visible', timeout: waitTimeout }).then(() => dialog.innerText());
}

describe('Argo CD rollback in VS Code', { timeout: 300_000 }, () => {
  before(() => env.start());
  after(() => env.close());

  it('apply-the-past under auto-sync warns that Argo CD will undo it and offers to turn auto-sync off', async (t) => step(t, 'apply-warning', async () => {
    const older = await git(folder(), 'log', '--format=%H', `--grep=^${olderSubject}$`);
    const modes = await rollbackFromHistory(older);
    assert.ok(modes.some((m) => m.includes('Argo CD rollback') && m.includes('history 1') && m.includes('Argo CD refuses while auto-sync is on')), modes.join('\n'));
    assert.ok(modes.some((m) => m.includes('Revert in Git') && m.includes('recommended')), modes.join('\n'));
    await screenshot(page(), 'argo-rollback-01-modes.png');
    await pickQuickInputRow(page(), 'Apply the past to the cluster');
    const text = await dialogText();
    assert.match(text, /Argo CD will undo this rollback of guestbook-production\./, text);
    assert.match(text, /removes spec\.syncPolicy\.automated \(automated sync with self-heal\)/, text);
    assert.match(text, /Git stays the source of truth/, text);
    await screenshot(page(), 'argo-rollback-02-apply-autosync-warning.png');
    await clickDialogButton(page(), 'Cancel');
    assert.equal(await applicationField('.spec.syncPolicy.automated.selfHeal'), 'true', 'cancelled: auto-sync untouched');
    assert.deepEqual(await env.auditRecords(), [], 'nothing written, nothing audited');
  }));

  it('auto-sync turned off for apply-the-past, then the sync declined: the audit record still tells', async (t) => step(t, 'apply-declined', async () => {
    const older = await git(folder(), 'log', '--format=%H', `--grep=^${olderSubject}$`);
    await rollbackFromHistory(older);
    await pickQuickInputRow(page(), 'Apply the past to the cluster');
    await dialogText();
    await clickDialogButton(page(), 'Turn Off Auto-Sync, Then Apply');
    // The sync's own confirmation (the server's dry run of the old render): declined.
    await waitFor(async () => /Server dry run/.test(await dialogText()), { timeout: waitTimeout, message: 'the sync confirmation with the server dry run' });
    await screenshot(page(), 'argo-rollback-02b-apply-confirmation.png');
    await clickDialogButton(page(), 'Cancel');
    assert.equal(await applicationField('.spec.syncPolicy.automated'), '', 'auto-sync is off: that write happened');
    const record = await waitFor(async () => (await env.auditRecords()).filter((r) => r['action'] === 'rollback').at(-1), { timeout: waitTimeout, message: 'the audit record' });
    assert.deepEqual(record['rollback'], { mode: 'apply', to: older, autoSyncTurnedOff: true });
    assert.equal((record['result'] as { outcome?: string } | undefined)?.outcome, 'declined');
    assert.deepEqual((record['result'] as { applied?: string[] } | undefined)?.applied, []);
    // As the seed had it, for the Argo CD rollback below.
    await kubectl('-n', 'argocd', 'patch', 'applications.argoproj.io', appName, '--type', 'merge', '-p', JSON.stringify({ spec: { syncPolicy: { automated: { prune: true, selfHeal: true } } } }));
  }));

  it('Argo CD rollback: refused under auto-sync in Argo CD\'s words, then turned off and requested in one write, followed to the end', async (t) => step(t, 'argo-rollback', async () => {
    const older = await git(folder(), 'log', '--format=%H', `--grep=^${olderSubject}$`);
    await rollbackFromHistory(older);
    await pickQuickInputRow(page(), 'Argo CD rollback');
    const confirm = await dialogText();
    assert.match(confirm, new RegExp(`syncs to history entry 1, revision ${older.slice(0, 7)}`), confirm);
    // Protected target (prod): typed confirmation, as for a sync.
    await clickDialogButton(page(), 'Continue…');
    await typeIntoQuickInput(page(), appName);

    const refusal = await dialogText();
    assert.match(refusal, /Argo CD refused: rollback cannot be initiated when auto-sync is enabled/, refusal);
    assert.match(refusal, /Git stays the source of truth/, refusal);
    assert.equal(await applicationField('.operation'), '', 'refused: no operation written');
    await screenshot(page(), 'argo-rollback-03-refused-under-autosync.png');
    await clickDialogButton(page(), 'Turn Off Auto-Sync and Roll Back');

    const operation = await waitFor(async () => (await applicationField('.operation')) || undefined, { timeout: waitTimeout, message: 'the rollback operation on the Application' });
    assert.deepEqual(JSON.parse(operation), {
      initiatedBy: { username: identity },
      sync: { revision: older, source: { repoURL: 'https://github.com/example/gitops.git', path: overlay, targetRevision: 'main' }, prune: false, syncOptions: ['CreateNamespace=true'], syncStrategy: { apply: {} } },
    });
    assert.equal(await applicationField('.spec.syncPolicy.automated'), '', 'auto-sync off in the same write');
    // Play Argo CD's controller: the rollback ran.
    await kubectl('-n', 'argocd', 'patch', 'applications.argoproj.io', appName, '--type', 'merge', '-p', JSON.stringify({
      operation: null,
      status: { operationState: { phase: 'Succeeded', message: 'successfully synced', startedAt: '2026-02-01T10:00:00Z', finishedAt: '2026-02-01T10:00:03Z',
        syncResult: { revision: older, resources: [{ group: 'apps', kind: 'Deployment', namespace: 'guestbook-prod', name: 'guestbook', status: 'Synced' }] } } },
    }));
    const done = page().locator('.notification-toast').filter({ hasText: `guestbook-production rolled back: Argo CD operation Succeeded at ${older.slice(0, 7)}: 1 resource (1 Synced)` }).first();
    await done.waitFor({ state: 'visible', timeout: waitTimeout });
    assert.match(await done.innerText(), /Auto-sync is off: turn it back on once Git holds the fix/);
    await screenshot(page(), 'argo-rollback-04-rolled-back.png');
    assert.equal(await git(folder(), 'status', '--porcelain'), '', 'Git untouched');
    const record = (await env.auditRecords()).at(-1) ?? {};
    assert.deepEqual(record['rollback'], { mode: 'argo', to: older, autoSyncTurnedOff: true });
    assert.equal(record['app'], `argocd:${appName}`);
  }));
});
