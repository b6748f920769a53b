import type { FileSystem } from '../ports';

// Git, as sync and rollback need it. Implemented on simple-git in src/node/gitRepository.ts;
// unit tests use a fake. Paths are repository-relative and '/'-separated unless noted.
// (Kept beside its users rather than in ports.ts while that file is being reworked.)

export interface GitIdentity {
  readonly name: string | undefined;
  readonly email: string | undefined;
}

export interface CommitInfo {
  /** Full hash. */
  readonly hash: string;
  readonly subject: string;
  readonly author: string;
  /** ISO 8601. */
  readonly date: string;
}

export interface Git {
  /** The working tree's root, as an absolute core path. */
  readonly root: string;
  /** user.name / user.email, for the audit trail. */
  identity(): Promise<GitIdentity>;
  /** The commit a revision names (`HEAD`, `abc123`, `main~2`), or undefined when none. */
  commitInfo(revision: string): Promise<CommitInfo | undefined>;
  /** Paths with uncommitted changes, staged or not, untracked included: what a rollback must not overwrite. */
  dirtyPaths(): Promise<string[]>;
  /** Commits that touched any of `paths`, newest first. */
  log(paths: readonly string[], maxCount?: number): Promise<CommitInfo[]>;
  /** The tree of a commit as a FileSystem over absolute paths under `root`, read from git objects (no checkout). */
  treeAt(commit: string): FileSystem;
  /** Sets each path, in the working tree and the index, to its content at `commit`; removes it where that commit lacks it. */
  restorePaths(commit: string, paths: readonly string[]): Promise<void>;
  /** Commits exactly `paths` (nothing else staged goes in); returns the new commit's hash. */
  commit(message: string, paths: readonly string[]): Promise<string>;
  push(): Promise<void>;
  /** Stashes uncommitted work (untracked included); false when there was nothing to stash. */
  stash(message: string): Promise<boolean>;
}
