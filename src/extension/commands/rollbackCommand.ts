import * as vscode from 'vscode';
import type { KubeObject, Logger } from '../../core/ports';
import { renderAtCommit } from '../../core/rollback/appInputs';
import { executeRevert, planRevert } from '../../core/rollback/revertInGit';
import { diffCommits } from '../../core/rollback/renderedDiff';
import { refLabel } from '../../core/sync/objectRef';
import { GitRepository } from '../../node/gitRepository';
import type { DriftController, OverlayState } from '../driftController';
import { pickOverlay } from '../overlayPicker';
import { appNameOf } from '../appName';
import { runEditorSync } from '../syncSession';

/**
 * `Driftline: Rollback…` — from a commit in the History view, the Timeline or the
 * Source Control graph (or the palette, which asks): (a) revert the app's files in
 * Git, the GitOps way, or (b) apply the app as rendered at that commit to the
 * cluster, straight from git objects. Never touches uncommitted work.
 */
export async function rollbackCommand(drift: DriftController, logger: Logger, auditPath: string, args: readonly unknown[] = []): Promise<void> {
  await drift.start();
  // Menus pass different things: History items `{ overlay, commit }`; the Source Control graph
  // (provider, historyItem). Take the first that names a commit.
  // The Timeline passes (item, uri, source), but VS Code 1.100 hands the item only to extensions
  // that enable the proposed `timeline` API (extHostTimeline's argument processor): Driftline
  // gets `undefined` and the file's uri. So the app is the one of the Timeline's file (which is
  // not always the active editor's: the Timeline can be pinned), and pickCommit asks which commit.
  const fromArgument = args.map(commitFromArgument).find((c) => c !== undefined);
  const file = args.find(isFileUri);
  const overlay = (fromArgument?.overlay ? drift.overlay(fromArgument.overlay) : undefined) ?? (await pickOverlay(drift, 'Driftline: Rollback', file));
  if (!overlay) return;
  const git = await GitRepository.open(overlay.dir);
  if (!git) {
    void vscode.window.showErrorMessage(`Driftline: ${vscode.workspace.asRelativePath(overlay.dir)} is not in a Git repository.`);
    return;
  }
  const revision = fromArgument?.commit ?? (await pickCommit(git, overlay));
  if (!revision) return;
  const target = await git.commitInfo(revision);
  if (!target) {
    void vscode.window.showErrorMessage(`Driftline: no commit ${revision}.`);
    return;
  }
  const appName = appNameOf(vscode.workspace.asRelativePath(overlay.dir));
  const changes = await diffCommits(git, overlay.dir, 'HEAD', target.hash);
  const changed = changes.ok ? changes.value.filter((c) => c.status !== 'unchanged') : [];
  const summary = changes.ok ? (changed.length === 0 ? 'The rendered output is identical.' : `Rendered output HEAD → ${target.hash.slice(0, 7)}: ${changed.map((c) => `${refLabel(c.ref)} ${c.status}`).join(', ')}.`) : changes.error;
  const mode = await vscode.window.showQuickPick(
    [
      { label: '$(git-commit) Revert in Git', description: 'recommended', detail: 'A new commit restores this app\'s files (overlay, bases, components) as they were; Git stays the source of truth.', mode: 'revert' as const },
      { label: '$(cloud-upload) Apply the past to the cluster', description: 'emergency', detail: 'Renders the app at that commit from git objects and syncs it now; Git is not changed, and auto-sync may undo it.', mode: 'apply' as const },
    ],
    { title: `Driftline: roll ${appName} back to ${target.hash.slice(0, 7)} "${target.subject}"`, placeHolder: summary },
  );
  if (!mode) return;
  if (mode.mode === 'revert') return revert(git, overlay, target.hash, appName, summary, logger);
  const kube = drift.client;
  if (!kube) {
    void vscode.window.showErrorMessage('Driftline: not connected to a cluster.');
    return;
  }
  const { rendered } = await renderAtCommit(git, overlay.dir, target.hash);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: the app does not render at ${target.hash.slice(0, 7)}: ${rendered.error[0]?.message ?? ''}`);
    return;
  }
  const desired = rendered.value.resources.map((r) => r.object as unknown as KubeObject);
  const namespaces = [...new Set(desired.map((o) => o.metadata.namespace).filter((n): n is string => typeof n === 'string'))];
  await runEditorSync(
    {
      kube,
      desired,
      trackingId: overlay.trackingId,
      target: { appName, context: kube.contextName, namespaces },
      notes: [`Rolling back to ${target.hash.slice(0, 7)} "${target.subject}". ${summary}`, 'Git is not changed: if Argo CD auto-sync manages this app, it will put HEAD back.'],
      dir: overlay.dir,
      audit: { action: 'rollback', revision: target.hash, rollback: { mode: 'apply', to: target.hash } },
    },
    logger,
    auditPath,
  );
  await drift.refresh();
}

async function revert(git: GitRepository, overlay: OverlayState, to: string, appName: string, summary: string, logger: Logger): Promise<void> {
  const plan = await planRevert(git, overlay.dir, overlay.trackingId, to);
  if (!plan.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${plan.error}`);
    return;
  }
  if (plan.value.files.length === 0) {
    void vscode.window.showInformationMessage(`Driftline: ${appName}'s files are already as they were at ${to.slice(0, 7)}; nothing to roll back.`);
    return;
  }
  const detail = [summary, `Files: ${plan.value.files.map((f) => `${f.path} (${f.change})`).join(', ')}.`, `Commit message: ${plan.value.message.split('\n')[0]}`].join('\n');
  const choice = await vscode.window.showWarningMessage(`Revert ${appName} in Git to ${to.slice(0, 7)}?`, { modal: true, detail }, 'Commit Revert', 'Commit and Push');
  if (!choice) return;
  const result = await executeRevert(git, plan.value, { push: choice === 'Commit and Push' });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Driftline: rollback not done — ${result.message}`);
    return;
  }
  logger.info(`rollback of ${overlay.trackingId} to ${to}: committed ${result.commit}${result.pushed ? ', pushed' : ''}`);
  void vscode.window.showInformationMessage(`Driftline: committed ${result.commit.slice(0, 7)} restoring ${appName} to ${to.slice(0, 7)}${result.pushed ? ' and pushed it' : result.pushError ? ` (push failed: ${result.pushError})` : ''}.`);
}

/** History items carry `{ overlay, commit }`; Timeline and SCM items carry a commit id in different shapes. */
function commitFromArgument(argument: unknown): { overlay?: string; commit: string } | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const a = argument as Record<string, unknown>;
  if (typeof a['overlay'] === 'string' && typeof a['commit'] === 'object' && a['commit'] !== null) {
    const hash = (a['commit'] as { hash?: unknown }).hash;
    if (typeof hash === 'string') return { overlay: a['overlay'], commit: hash };
  }
  // SCM graph history items: `id` is the commit (so would be a Timeline git item's, were it passed).
  if (typeof a['id'] === 'string' && /^[0-9a-f]{7,40}$/.test(a['id'])) return { commit: a['id'] };
  if (typeof a['handle'] === 'string' && /^[0-9a-f]{7,40}$/.test(a['handle'])) return { commit: a['handle'] };
  return undefined;
}

/** The Timeline's second argument: the file whose history it shows. */
function isFileUri(argument: unknown): argument is vscode.Uri {
  return argument instanceof vscode.Uri && argument.scheme === 'file';
}

async function pickCommit(git: GitRepository, overlay: OverlayState): Promise<string | undefined> {
  const paths = [...overlay.inputs].filter((p) => p.startsWith(`${git.root}/`)).map((p) => p.slice(git.root.length + 1));
  const commits = await git.log(paths, 50);
  const picked = await vscode.window.showQuickPick(
    commits.map((c) => ({ label: c.subject, description: `${c.hash.slice(0, 7)} · ${c.author.replace(/ <.*>$/, '')}`, detail: c.date, hash: c.hash })),
    { title: 'Driftline: Rollback', placeHolder: 'Roll back to which commit?' },
  );
  return picked?.hash;
}
