// The editor compares what Argo CD will deploy, as `driftline diff <app>` does: an Application's
// spec.source.kustomize options apply to the overlay it deploys (the hint for an overridden image
// sits on the Application's images line), and its spec.ignoreDifferences silence the fields it
// ignores. Real VS Code (code-server + Playwright), the API emulator, the real kubectl.
// Every state is saved as artifacts/e2e/argo-options-*.png.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { environment, type Kubectl } from './support/environment';
import { hoverLine, retypeLine, textOf } from './support/workbenchViews';
import { exampleImage, exampleOverlay, stepRunner } from './support/scenario';
import { activeEditor, lineDecorations, openFile, screenshot, waitFor, type LineDecorations } from './support/workbench';

const appPath = 'argocd/applications/guestbook-production.yaml';
const waitTimeout = 30_000;

/** The production Application with an image override, and (when `ignoreReplicas`) ignoring spec.replicas of Deployments. */
function withArgoOptions(text: string, ignoreReplicas: boolean): string {
  const options = text.replace('    path: apps/guestbook/overlays/production\n', `    path: apps/guestbook/overlays/production\n    kustomize:\n      images:\n        - ${exampleImage}:1.5.0\n`);
  return ignoreReplicas ? `${options}  ignoreDifferences:\n    - group: apps\n      kind: Deployment\n      jsonPointers:\n        - /spec/replicas\n` : options;
}

async function seed(kubectl: Kubectl, folder: string): Promise<void> {
  await kubectl('create', 'namespace', 'guestbook-prod');
  // The cluster runs what the overlay alone says (tag 1.4.2), with one more replica than it asks.
  await kubectl('apply', '--server-side', '--field-manager', 'kubectl', '-k', join(folder, exampleOverlay));
  await kubectl('-n', 'guestbook-prod', 'patch', 'deployment', 'guestbook', '--type', 'merge', '-p', '{"spec":{"replicas":5}}');
  const app = join(folder, appPath);
  await writeFile(app, withArgoOptions(await readFile(app, 'utf8'), false));
}

const env = environment({
  name: 'argo-options',
  settings: { 'files.autoSave': 'off', 'git.enabled': false, 'driftline.contextMappings': { 'https://kubernetes.default.svc': 'driftline-demo' } },
  seed,
});
const { page, folder } = env;
const step = stepRunner('argo-options-failure-', env.pageIfStarted);

/** Polls the active editor's lines until `check` holds; on timeout the message shows them with their hints. */
async function waitForLines(check: (lines: LineDecorations[]) => boolean, message: string): Promise<void> {
  let last: LineDecorations[] = [];
  await waitFor(async () => {
    last = await lineDecorations(page());
    return check(last);
  }, { timeout: waitTimeout, message }).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${last.map((l) => `${l.lineText}${l.after.length ? `  ⟶ ${l.after.join(' | ')}` : ''}`).join('\n')}`);
  });
}

const hinted = (lines: LineDecorations[], lineText: string, live: string): boolean => lines.some((l) => l.lineText.includes(lineText) && l.after.some((a) => a.startsWith(`live: ${live}`)));
const hintless = (lines: LineDecorations[], lineText: string): boolean => lines.some((l) => l.lineText.includes(lineText) && l.after.length === 0);

describe("an Application's kustomize options and ignoreDifferences in the editor", { timeout: 300_000 }, () => {
  before(() => env.start());
  after(() => env.close());

  it("the image the Application overrides drifts from the overlay's tag running live: the hint is on the Application's images line", async (t) => step(t, 'images', async () => {
    const application = await openFile(page(), appPath);
    await waitForLines((lines) => hinted(lines, `- ${exampleImage}:1.5.0`, `${exampleImage}:1.4.2`), "the image hint on the Application's images line");
    await screenshot(page(), 'argo-options-01-image-hint-on-application.png');
    // The hover's origin chain: the Application's option wrote the image over the overlay's and the base's.
    const hover = await hoverLine(page(), application, `- ${exampleImage}:1.5.0`, 'argocd.kustomize.images');
    const chain = (await textOf(hover)).replace(/\s+/g, ' ');
    // Named from the workspace (it lies outside the app), not as ../../../../argocd/….
    assert.match(chain, /(?<![./])argocd\/applications\/guestbook-production\.yaml:14 argocd\.kustomize\.images/, chain);
    assert.match(chain, /kustomization\.yaml:\d+ images/, chain);
    await screenshot(page(), 'argo-options-01b-origin-chain-hover.png');
    await page().mouse.move(5, 5);
    // The overlay's own newTag is not what Argo CD deploys: no hint there; its replicas still drift.
    const overlay = await openFile(page(), `${exampleOverlay}/kustomization.yaml`);
    await waitForLines((lines) => hinted(lines, 'count: 3', '5') && hintless(lines, 'newTag:'), 'the replicas hint on count: 3, none on newTag');
    await screenshot(page(), 'argo-options-02-overlay-replicas-hint.png');
    // An unsaved edit of the overlay is rendered with the Application's options (the hint follows it; newTag stays quiet).
    await retypeLine(page(), overlay, 'count: 3', 'count: 4');
    await waitForLines((lines) => hinted(lines, 'count: 4', '5') && hintless(lines, 'newTag:'), 'the replicas hint on the unsaved count: 4');
    await screenshot(page(), 'argo-options-02b-unsaved-overlay-edit.png');
    await retypeLine(page(), overlay, 'count: 4', 'count: 3');
    await waitForLines((lines) => hinted(lines, 'count: 3', '5'), 'the replicas hint back on count: 3');
  }));

  it("a field the Application's ignoreDifferences names is no longer flagged", async (t) => step(t, 'ignore-differences', async () => {
    const app = join(folder(), appPath);
    await writeFile(app, withArgoOptions((await readFile(app, 'utf8')).replace(/ {4}kustomize:\n {6}images:\n {8}- .*\n/, ''), true));
    await waitForLines((lines) => hintless(lines, 'count: 3') && hintless(lines, 'newTag:'), 'no replicas hint once the Application ignores /spec/replicas');
    await screenshot(page(), 'argo-options-03-replicas-ignored.png');
    // Back to the Application's tab (still open, reloaded from disk).
    await page().locator('.tabs-container .tab').filter({ hasText: 'guestbook-production.yaml' }).first().click();
    await activeEditor(page(), appPath);
    await waitForLines((lines) => hinted(lines, `- ${exampleImage}:1.5.0`, `${exampleImage}:1.4.2`) && lines.some((l) => l.lineText.includes('- /spec/replicas')), 'the image hint stays; ignoreDifferences in the file');
    await screenshot(page(), 'argo-options-04-application-with-ignore.png');
  }));
});
