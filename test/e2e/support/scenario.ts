// What every e2e file shares: the real kubectl against the emulator, the built .vsix,
// and steps that depend on each other (after a failure, the rest skip instead of
// piling up noise, and the failing state is kept as a screenshot).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { runKubectl } from '../../support/kubectlTool';
import { repoRoot } from './codeServer';
import { screenshot } from './workbench';

export const exampleOverlay = 'apps/guestbook/overlays/production';
export const exampleImage = 'ghcr.io/driftline/guestbook';

/** The real kubectl against one kubeconfig; a failing kubectl fails the test with its stderr. */
export function kubectlFor(kubeconfig: () => string): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const result = await runKubectl(args, { kubeconfig: kubeconfig() });
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
    return result.stdout;
  };
}

/** The example Deployment's live image. */
export async function liveImage(kubectl: (...args: string[]) => Promise<string>): Promise<string> {
  return (await kubectl('-n', 'guestbook-prod', 'get', 'deployment', 'guestbook',
    '-o', 'jsonpath={.spec.template.spec.containers[?(@.name=="guestbook")].image}')).trim();
}

/** The .vsix that `npm run package` built (npm run test:e2e does it first). */
export function builtVsix(): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(repoRoot, `driftline-${version}.vsix`);
  assert.ok(existsSync(vsix), `${vsix} missing: run npm run package (npm run test:e2e does)`);
  return vsix;
}

export type Step = (t: TestContext, name: string, body: () => Promise<void>) => Promise<void>;

/** Steps of one scenario; a failure screenshots `<failurePrefix><name>.png` and skips the rest. */
export function stepRunner(failurePrefix: string, page: () => Page | undefined): Step {
  let broken = false;
  return async (t, name, body) => {
    if (broken) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await body();
    } catch (error) {
      broken = true;
      const current = page();
      if (current) await screenshot(current, `${failurePrefix}${name}.png`).catch(() => undefined);
      throw error;
    }
  };
}
