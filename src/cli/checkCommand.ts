import { createRenderer } from '../core/kustomize/renderer';
import { findCheckTargets } from '../core/repo/checkTargets';
import { formatDiagnostic, type Diagnostic } from '../core/result';
import { relative } from '../core/paths';
import { DiskFileSystem, toCorePath } from '../node/diskFileSystem';
import { ExitCode, fail, type Io } from './io';

/** Some kustomization does not render (2 stays for usage errors). */
const checkFailed = 1;

/**
 * `driftline check <repo>`: renders every root kustomization and every kustomize path
 * of an Argo CD Application; one `driftline: file:line:col: message` line per failure
 * (paths relative to the working directory); exit 1 if any fails.
 */
export async function runCheck(io: Io, repo: string): Promise<number> {
  const fs = new DiskFileSystem();
  const root = toCorePath(repo);
  if ((await fs.stat(root)) !== 'directory') return fail(io, `${repo}: not a directory`);
  const cwd = toCorePath('.');
  const { dirs, problems } = await findCheckTargets(fs, root);
  const failures: Diagnostic[] = [...problems];
  // One renderer for the run: overlays sharing a base parse its files once.
  const renderer = createRenderer(fs);
  for (const dir of dirs) {
    const result = await renderer.render(dir);
    if (!result.ok) failures.push(...result.error.filter((d) => d.severity === 'error').slice(0, 1));
  }
  for (const d of failures) io.stderr(`driftline: ${formatDiagnostic({ ...d, file: relative(cwd, d.file) })}\n`);
  io.stdout(`checked ${dirs.length} kustomization${dirs.length === 1 ? '' : 's'}: ${failures.length === 0 ? 'all render' : `${failures.length} failed`}\n`);
  return failures.length === 0 ? ExitCode.Ok : checkFailed;
}
