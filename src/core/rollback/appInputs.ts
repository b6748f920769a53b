import type { Git } from '../git/gitPort';
import { render, type RenderResult } from '../kustomize/render';
import { isWithin, relative } from '../paths';
import { formatDiagnostic, type Result } from '../result';
import { TrackingFileSystem } from '../trackingFileSystem';

/** Renders the overlay as it was at `commit`, straight from git objects. */
export async function renderAtCommit(git: Git, overlayDir: string, commit: string): Promise<{ rendered: Result<RenderResult>; touched: ReadonlySet<string> }> {
  const fs = new TrackingFileSystem(git.treeAt(commit));
  const rendered = await render(fs, overlayDir);
  return { rendered, touched: fs.touched };
}

/**
 * The app's input files (overlay, bases, components, patches, generator sources) at
 * either commit, repository-relative: whatever either render read. A file only the
 * newer render reads was added since and goes away; one only the older reads comes back.
 * Files of other apps are never in it, even when the same commits changed them.
 */
export async function appInputFiles(git: Git, overlayDir: string, commits: { readonly head: string; readonly target: string }): Promise<Result<string[], string>> {
  const target = await renderAtCommit(git, overlayDir, commits.target);
  if (!target.rendered.ok) {
    return { ok: false, error: `the app does not render at ${commits.target.slice(0, 12)}: ${target.rendered.error.map(formatDiagnostic).join('; ')}` };
  }
  // A broken HEAD is a fine reason to roll back: what it read still counts.
  const head = await renderAtCommit(git, overlayDir, commits.head);
  const files = new Set<string>();
  const headTree = git.treeAt(commits.head);
  const targetTree = git.treeAt(commits.target);
  for (const path of new Set([...head.touched, ...target.touched])) {
    if (!isWithin(git.root, path) || isWithin(`${git.root}/.git`, path)) continue;
    if ((await headTree.stat(path)) === 'file' || (await targetTree.stat(path)) === 'file') files.add(relative(git.root, path));
  }
  return { ok: true, value: [...files].sort() };
}
