import type { FileSystem } from '../ports';
import { join } from '../paths';

/**
 * One spelling per repository: `https://github.com/o/r.git`, `git@github.com:o/r` and
 * `ssh://git@github.com/o/r/` all become `github.com/o/r`, as Argo CD's
 * `git.NormalizeGitURL` treats them alike.
 */
export function normalizeRepoUrl(url: string): string {
  let u = url.trim().toLowerCase();
  const scp = /^([^@/:]+@)?([^/:]+):(?!\/\/)(.*)$/.exec(u);
  if (scp && !u.includes('://')) u = `${scp[2]}/${scp[3]}`;
  u = u.replace(/^[a-z+]+:\/\//, '').replace(/^[^@/]+@/, '');
  return u.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** The remote URLs in `<root>/.git/config`; empty when the repo has none (or is not a git checkout). */
export async function gitRemoteUrls(fs: FileSystem, root: string): Promise<string[]> {
  const text = await fs.readFile(join(root, '.git', 'config'));
  if (text === undefined) return [];
  const urls: string[] = [];
  let inRemote = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inRemote = /^\[remote\s+"[^"]*"\]$/.test(line);
    else if (inRemote) {
      const m = /^url\s*=\s*(.+)$/.exec(line);
      if (m?.[1]) urls.push(m[1]);
    }
  }
  return urls;
}

export function sameRepo(a: string, b: string): boolean {
  return normalizeRepoUrl(a) === normalizeRepoUrl(b);
}
