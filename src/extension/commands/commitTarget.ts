import * as vscode from 'vscode';
import type { CommitInfo } from '../../core/git/gitPort';
import { GitRepository } from '../../node/gitRepository';
import type { DriftController, OverlayState } from '../driftController';
import { pickOverlay } from '../overlayPicker';

// The app and the commit a commit-menu command is about (Rollback, Compare Rendered Output).

export interface CommitTarget {
  readonly overlay: OverlayState;
  readonly git: GitRepository;
  readonly target: CommitInfo;
}

/**
 * Menus pass different things: History items `{ overlay, commit }`; the Source Control graph
 * (provider, historyItem). Take the first that names a commit.
 * The Timeline passes (item, uri, source), but VS Code 1.100 hands the item only to extensions
 * that enable the proposed `timeline` API (extHostTimeline's argument processor): Driftline
 * gets `undefined` and the file's uri. So the app is the one of the Timeline's file (which is
 * not always the active editor's: the Timeline can be pinned), and pickCommit asks which commit.
 */
export async function resolveCommitTarget(drift: DriftController, args: readonly unknown[], title: string, question: string): Promise<CommitTarget | undefined> {
  const fromArgument = args.map(commitFromArgument).find((c) => c !== undefined);
  const file = args.find(isFileUri);
  const overlay = (fromArgument?.overlay ? drift.overlay(fromArgument.overlay) : undefined) ?? (await pickOverlay(drift, title, file));
  if (!overlay) return undefined;
  const git = await GitRepository.open(overlay.dir);
  if (!git) {
    void vscode.window.showErrorMessage(`Driftline: ${vscode.workspace.asRelativePath(overlay.dir)} is not in a Git repository.`);
    return undefined;
  }
  const revision = fromArgument?.commit ?? (await pickCommit(git, overlay, title, question));
  if (!revision) return undefined;
  const target = await git.commitInfo(revision);
  if (!target) {
    void vscode.window.showErrorMessage(`Driftline: no commit ${revision}.`);
    return undefined;
  }
  return { overlay, git, target };
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

async function pickCommit(git: GitRepository, overlay: OverlayState, title: string, question: string): Promise<string | undefined> {
  const paths = [...overlay.inputs].filter((p) => p.startsWith(`${git.root}/`)).map((p) => p.slice(git.root.length + 1));
  const commits = await git.log(paths, 50);
  const picked = await vscode.window.showQuickPick(
    commits.map((c) => ({ label: c.subject, description: `${c.hash.slice(0, 7)} · ${c.author.replace(/ <.*>$/, '')}`, detail: c.date, hash: c.hash })),
    { title, placeHolder: question },
  );
  return picked?.hash;
}
