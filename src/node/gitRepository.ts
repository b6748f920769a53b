import { rmSync } from 'node:fs';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { CommitInfo, Git, GitIdentity } from '../core/git/gitPort';
import type { FileSystem } from '../core/ports';
import { join } from '../core/paths';
import { toCorePath } from './diskFileSystem';
import { GitTreeFileSystem } from './gitTreeFileSystem';

const logFormat = '--format=%H%x00%s%x00%an <%ae>%x00%aI%x1e';

function parseLog(raw: string): CommitInfo[] {
  return raw
    .split('\x1e')
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map((r) => {
      const [hash = '', subject = '', author = '', date = ''] = r.split('\0');
      return { hash, subject, author, date };
    });
}

/** The Git port on simple-git: the `git` binary, run in the working tree's root. */
export class GitRepository implements Git {
  private constructor(
    private readonly git: SimpleGit,
    readonly root: string,
  ) {}

  /** The repository `dir` is in, or undefined when it is in none. */
  static async open(dir: string): Promise<GitRepository | undefined> {
    try {
      const top = (await simpleGit(dir).raw(['rev-parse', '--show-toplevel'])).trim();
      return new GitRepository(simpleGit(top), toCorePath(top));
    } catch {
      return undefined;
    }
  }

  async identity(): Promise<GitIdentity> {
    const read = async (key: string): Promise<string | undefined> => {
      try {
        return (await this.git.raw(['config', '--get', key])).trim() || undefined;
      } catch {
        return undefined;
      }
    };
    return { name: await read('user.name'), email: await read('user.email') };
  }

  async commitInfo(revision: string): Promise<CommitInfo | undefined> {
    try {
      const hash = (await this.git.raw(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim();
      if (hash === '') return undefined;
      return parseLog(await this.git.raw(['log', '-1', logFormat, hash, '--']))[0];
    } catch {
      return undefined;
    }
  }

  async dirtyPaths(): Promise<string[]> {
    const raw = await this.git.raw(['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    const paths: string[] = [];
    const records = raw.split('\0');
    for (let i = 0; i < records.length; i++) {
      const record = records[i] ?? '';
      if (record.length < 4) continue;
      paths.push(record.slice(3));
      // A rename's record is followed by its source path.
      if (record[0] === 'R' || record[0] === 'C') i++;
    }
    return paths;
  }

  async log(paths: readonly string[], maxCount = 50): Promise<CommitInfo[]> {
    return parseLog(await this.git.raw(['log', `--max-count=${maxCount}`, logFormat, 'HEAD', '--', ...paths]));
  }

  treeAt(commit: string): FileSystem {
    return new GitTreeFileSystem(this.git, this.root, commit);
  }

  async restorePaths(commit: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const present = new Set((await this.git.raw(['ls-tree', '-r', '-z', '--name-only', commit, '--', ...paths])).split('\0').filter(Boolean));
    const restore = paths.filter((p) => present.has(p));
    const remove = paths.filter((p) => !present.has(p));
    if (restore.length > 0) await this.git.raw(['checkout', commit, '--', ...restore]);
    if (remove.length > 0) {
      await this.git.raw(['rm', '-q', '--cached', '--ignore-unmatch', '--', ...remove]);
      for (const p of remove) rmSync(join(this.root, p), { force: true });
    }
  }

  async commit(message: string, paths: readonly string[]): Promise<string> {
    // --only: exactly these paths, whatever else the index holds.
    await this.git.raw(['commit', '-q', '--only', '-m', message, '--', ...paths]);
    return (await this.git.raw(['rev-parse', 'HEAD'])).trim();
  }

  async push(): Promise<void> {
    await this.git.raw(['push']);
  }

  async stash(message: string): Promise<boolean> {
    if ((await this.dirtyPaths()).length === 0) return false;
    await this.git.raw(['stash', 'push', '--include-untracked', '-m', message]);
    return true;
  }
}
