import type { CommitInfo } from '../core/git/gitPort';
import { executeRevert, planRevert } from '../core/rollback/revertInGit';
import { revertAudit } from '../core/rollback/revertAudit';
import type { GitRepository } from '../node/gitRepository';
import { auditFilePath, JsonLinesAuditLog } from '../node/jsonLinesAuditLog';
import { ExitCode, fail, type Io } from './io';

// `driftline rollback --mode revert`: a new commit restoring the app's files.

export interface RevertCommandOptions {
  readonly yes?: boolean;
  readonly stash?: boolean;
  readonly push?: boolean;
}

export async function runRevert(io: Io, repo: GitRepository, overlayDir: string, app: string, target: CommitInfo, options: RevertCommandOptions): Promise<number> {
  const started = Date.now();
  const planned = await planRevert(repo, overlayDir, app, target.hash);
  if (!planned.ok) return fail(io, planned.error);
  const plan = planned.value;
  if (plan.files.length === 0) {
    io.stdout(`${app}'s files at ${target.hash.slice(0, 12)} are the same as at HEAD: nothing to roll back\n`);
    return ExitCode.Ok;
  }
  io.stdout(`revert plan: one new commit on ${plan.head.hash.slice(0, 12)} changing only ${app}'s files\n`);
  for (const f of plan.files) io.stdout(`  ${f.change.padEnd(9)}${f.path}\n`);
  io.stdout(`commit message:\n${plan.message.replace(/^/gm, '  | ')}\n`);
  if (!options.yes) {
    io.stderr('driftline: nothing changed; pass --yes to commit this rollback\n');
    return ExitCode.Ok;
  }
  const result = await executeRevert(repo, plan, options);
  const record = revertAudit(app, target.hash, plan, result, await repo.identity(), Date.now() - started, new Date());
  await new JsonLinesAuditLog(auditFilePath()).append(record).catch((e: unknown) => io.stderr(`driftline: could not write the audit record: ${String(e)}\n`));
  if (!result.ok) return fail(io, result.message);
  if (result.stashed) io.stdout('your uncommitted changes were stashed first: `git stash pop` brings them back\n');
  io.stdout(`committed ${result.commit.slice(0, 12)}: ${plan.message.split('\n')[0]}\n`);
  if (result.pushed) io.stdout('pushed\n');
  if (result.pushError) io.stderr(`driftline: the commit is made but the push failed: ${result.pushError}\n`);
  return result.pushError ? ExitCode.Error : ExitCode.Ok;
}
