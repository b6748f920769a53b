import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import { compareCommits } from '../../core/rollback/renderedDiff';
import type { DriftController } from '../driftController';
import { openCommitDiffPanel } from '../webviewHost/commitDiffPanel';
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
  const compared = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: rendering ${vscode.workspace.asRelativePath(overlay.dir)} at HEAD and ${target.hash.slice(0, 7)}…` },
    async () => {
      const head = await git.commitInfo('HEAD');
      return { head, result: await compareCommits(git, overlay.dir, 'HEAD', target.hash) };
    },
  );
  if (!compared.result.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${compared.result.error}`);
    return;
  }
  const { from, to, changes } = compared.result.value;
  openCommitDiffPanel(
    {
      app: vscode.workspace.asRelativePath(overlay.dir),
      left: { label: `HEAD ${compared.head?.hash.slice(0, 7) ?? ''}`.trim(), objects: from },
      right: { label: target.hash.slice(0, 7), objects: to },
      changes,
    },
    extensionUri,
    logger,
  );
}
