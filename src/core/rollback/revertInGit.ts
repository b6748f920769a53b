import type { CommitInfo, Git } from '../git/gitPort';
import { join } from '../paths';
import type { Result } from '../result';
import { appInputFiles } from './appInputs';

// Rollback mode (a), the GitOps way: a new commit that puts the app's input files back
// to their content at an earlier commit. Git stays the source of truth, so Argo CD's
// auto-sync agrees with the rollback instead of undoing it.

export interface RevertFile {
  readonly path: string;
  /** What the new commit does to the file. */
  readonly change: 'restore' | 'recreate' | 'delete';
}

export interface RevertPlan {
  readonly app: string;
  readonly head: CommitInfo;
  readonly target: CommitInfo;
  /** Only the app's files that differ between HEAD and the target. */
  readonly files: readonly RevertFile[];
  readonly message: string;
}

export interface RevertOptions {
  /** Stash uncommitted work first instead of refusing. */
  readonly stash?: boolean;
  readonly push?: boolean;
}

export type RevertResult =
  | { readonly ok: true; readonly commit: string; readonly stashed: boolean; readonly pushed: boolean; readonly pushError?: string }
  | { readonly ok: false; readonly reason: 'dirty' | 'aborted'; readonly message: string; readonly dirty?: readonly string[] };

const short = (hash: string): string => hash.slice(0, 12);

export async function planRevert(git: Git, overlayDir: string, app: string, to: string): Promise<Result<RevertPlan, string>> {
  const target = await git.commitInfo(to);
  if (!target) return { ok: false, error: `no commit '${to}' in ${git.root}` };
  const head = await git.commitInfo('HEAD');
  if (!head) return { ok: false, error: `${git.root} has no commits` };
  const inputs = await appInputFiles(git, overlayDir, { head: head.hash, target: target.hash });
  if (!inputs.ok) return inputs;
  const headTree = git.treeAt(head.hash);
  const targetTree = git.treeAt(target.hash);
  const files: RevertFile[] = [];
  for (const path of inputs.value) {
    const [now, then] = await Promise.all([headTree.readBytes?.(join(git.root, path)), targetTree.readBytes?.(join(git.root, path))]);
    if (sameBytes(now, then)) continue;
    files.push({ path, change: then === undefined ? 'delete' : now === undefined ? 'recreate' : 'restore' });
  }
  const message = [
    `Roll back ${app} to ${short(target.hash)}`,
    '',
    `Restores the files of ${app} to their content at commit ${target.hash}`,
    `("${target.subject}", ${target.author}, ${target.date}).`,
    '',
    ...files.map((f) => `  ${f.change} ${f.path}`),
    '',
    `Rollback-To: ${target.hash}`,
    `Rolled-Back-From: ${head.hash}`,
  ].join('\n');
  return { ok: true, value: { app, head, target, files, message } };
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Writes and commits the plan. Refuses on a dirty tree (unless told to stash), and on any
 * failure (HEAD moved, a hook refused the commit) puts the files back as they were at HEAD,
 * so the working tree ends exactly as it started.
 */
export async function executeRevert(git: Git, plan: RevertPlan, options: RevertOptions = {}): Promise<RevertResult> {
  const dirty = await git.dirtyPaths();
  let stashed = false;
  if (dirty.length > 0) {
    if (!options.stash) {
      return { ok: false, reason: 'dirty', dirty, message: `the working tree has uncommitted changes (${dirty.join(', ')}); commit or stash them, or pass --stash` };
    }
    stashed = await git.stash(`driftline: before rolling back ${plan.app} to ${short(plan.target.hash)}`);
  }
  const paths = plan.files.map((f) => f.path);
  const head = await git.commitInfo('HEAD');
  if (head?.hash !== plan.head.hash) {
    return { ok: false, reason: 'aborted', message: `HEAD moved from ${short(plan.head.hash)} to ${short(head?.hash ?? '?')} since the rollback was planned; nothing changed` };
  }
  let commit: string;
  try {
    await git.restorePaths(plan.target.hash, paths);
    commit = await git.commit(plan.message, paths);
  } catch (e) {
    await git.restorePaths(plan.head.hash, paths);
    const why = e instanceof Error ? e.message.trim() : String(e);
    const kept = stashed ? ' (your earlier changes are in the stash: `git stash pop`)' : '';
    return { ok: false, reason: 'aborted', message: `the rollback commit failed, working tree left as it was${kept}: ${why}` };
  }
  if (!options.push) return { ok: true, commit, stashed, pushed: false };
  try {
    await git.push();
    return { ok: true, commit, stashed, pushed: true };
  } catch (e) {
    return { ok: true, commit, stashed, pushed: false, pushError: e instanceof Error ? e.message.trim() : String(e) };
  }
}
