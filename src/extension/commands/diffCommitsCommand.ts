import * as vscode from 'vscode';
import type { Git } from '../../core/git/gitPort';
import type { Logger } from '../../core/ports';
import type { Result } from '../../core/result';
import { compareCommits } from '../../core/rollback/renderedDiff';
import type { DriftController } from '../driftController';
import type { CommitComparison } from '../webviewHost/commitComparison';
import { openCommitDiffPanel } from '../webviewHost/commitDiffPanel';
import type { CommitPanelIdentity } from '../webviewHost/commitPanelIdentity';
import { resolveCommitTarget, type CommitTarget } from './commitTarget';

const title = 'Driftline: Compare Rendered Output with Commit';

/**
 * `Driftline: Compare Rendered Output with Commit…` — from a commit in the History view, the
 * Timeline or the Source Control graph (or the palette, which asks): the app rendered at HEAD
 * and at that commit, resource by resource, in the diff panel. Reads git objects only.
 */
export async function diffCommitsCommand(drift: DriftController, logger: Logger, extensionUri: vscode.Uri, args: readonly unknown[] = []): Promise<void> {
  await drift.start();
  const resolved = await resolveCommitTarget(drift, args, title, 'Compare HEAD\'s rendered output with which commit?');
  if (resolved) await showCommitComparison(resolved, extensionUri, logger);
}

/** HEAD on the left, the commit on the right: what moving the app to that commit changes. Also the rollback flow's preview. */
export async function showCommitComparison({ overlay, git, target }: CommitTarget, extensionUri: vscode.Uri, logger: Logger): Promise<void> {
  const head = await git.commitInfo('HEAD');
  if (!head) {
    void vscode.window.showErrorMessage('Driftline: the repository has no HEAD commit.');
    return;
  }
  const identity = { dir: overlay.dir, left: head.hash, right: target.hash };
  const compared = await loadCommitComparison(git, identity);
  if (!compared.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${compared.error}`);
    return;
  }
  openCommitDiffPanel(compared.value, identity, extensionUri, logger);
}

/** Both commits rendered, with a progress notification; the left side is labelled HEAD while it is. */
export async function loadCommitComparison(git: Git, identity: CommitPanelIdentity): Promise<Result<CommitComparison, string>> {
  const app = vscode.workspace.asRelativePath(identity.dir);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: rendering ${app} at ${identity.left.slice(0, 7)} and ${identity.right.slice(0, 7)}…` },
    async () => {
      const [head, result] = await Promise.all([git.commitInfo('HEAD'), compareCommits(git, identity.dir, identity.left, identity.right)]);
      if (!result.ok) return result;
      const label = (hash: string): string => `${head?.hash === hash ? 'HEAD ' : ''}${hash.slice(0, 7)}`;
      const { from, to, changes } = result.value;
      return { ok: true, value: { app, left: { label: label(identity.left), objects: from }, right: { label: label(identity.right), objects: to }, changes } };
    },
  );
}
