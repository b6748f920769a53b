import { Command, CommanderError } from 'commander';
import { runRender } from './renderCommand';
import { runDiff } from './diffCommand';
import { runTrace } from './traceCommand';
import { runSync, type SyncCommandOptions } from './syncCommand';
import { runRollback, type RollbackCommandOptions } from './rollbackCommand';
import { runCheck } from './checkCommand';
import { runApps, type AppsCommandOptions } from './appsCommand';
import { ExitCode, fail, type Io } from './io';

// `driftline` — the same core the editor uses, for terminals and CI.

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = ExitCode.Ok;
  const program = new Command('driftline')
    .description('Render Kustomize overlays and compare them with the live cluster.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();

  program
    .command('render <dir>')
    .description('print the YAML stream `kubectl kustomize <dir>` prints')
    .action(async (dir: string) => {
      code = await runRender(io, dir);
    });

  program
    .command('trace <dir> <resource> <path>')
    .description('list the source lines that shaped a field, effective first (resource: Kind/name)')
    .action(async (dir: string, resource: string, path: string) => {
      code = await runTrace(io, dir, resource, path);
    });

  program
    .command('check <repo>')
    .description('render every root kustomization and Argo CD Application path; one line per failure, exit 1 if any fails')
    .action(async (repo: string) => {
      code = await runCheck(io, repo);
    });

  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  program
    .command('apps [repo]')
    .description('list the Argo CD apps of a repository: source, destination, context, environment, sync policy, render status')
    .option('-o, --output <format>', 'text or json', 'text')
    .option('--kubeconfig <file>', 'kubeconfig whose contexts destinations resolve to (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context-map <server=context>', 'map a destination server URL or cluster name to a context (repeatable)', collect)
    .option('--repo-url <url>', 'a URL this repository is known by (default: its git remotes; repeatable)', collect)
    .option('--helm <path>', 'helm binary for Helm sources (default: helm on $PATH)')
    .option('--renderer <mode>', 'in-process, kustomize or kubectl', 'in-process')
    .option('--clusters-from-contexts', 'let the Cluster generator use kubeconfig contexts as clusters')
    .action(async (repo: string | undefined, opts: AppsCommandOptions) => {
      code = await runApps(io, repo ?? '.', opts);
    });

  const cluster = (cmd: Command): Command =>
    cmd.option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)').option('--context <name>', 'kubeconfig context (default: current)');

  cluster(program.command('diff <dir>'))
    .description('compare the rendered overlay with the live cluster; exit 0 in sync, 1 drift, 2 error')
    .option('-o, --output <format>', 'text or json', 'text')
    .option('--server-side', 'predict desired objects with a server-side dry-run apply (for clusters with mutating webhooks)')
    .action(async (dir: string, opts: { kubeconfig?: string; context?: string; output: string; serverSide?: boolean }) => {
      code = await runDiff(io, dir, opts);
    });

  cluster(program.command('sync <dir|app>'))
    .description('server-side apply the rendered overlay (through Argo CD where it manages the app); without --yes, print the plan and change nothing')
    .option('--direct', 'apply directly even where Argo CD manages the app')
    .option('--dry-run', 'ask the server what would change, change nothing')
    .option('--prune', 'delete objects of this app that Git no longer has')
    .option('--yes', 'apply the plan (without it, nothing changes)')
    .option('--force-conflicts', 'take over fields other managers own (otherwise a conflict is asked about, or stops the sync)')
    .option('--timeout <duration>', 'how long to wait for health, e.g. 2m, 90s', '2m')
    .action(async (dir: string, opts: SyncCommandOptions) => {
      code = await runSync(io, dir, opts);
    });

  cluster(program.command('rollback <dir|app>'))
    .description('roll an app back to a commit: a revert commit in Git (default), an apply of the old render, or Argo CD\'s own rollback')
    .requiredOption('--to <commit>', 'the commit to roll back to (with --mode argo: an Argo CD history id)')
    .option('--mode <mode>', 'revert (a new Git commit), apply (apply the render at that commit) or argo (Argo CD rollback to a history id)', 'revert')
    .option('--disable-auto-sync', 'argo mode: turn Argo CD auto-sync off in the same write instead of refusing')
    .option('--yes', 'do it (without it, print the plan and change nothing)')
    .option('--stash', 'revert mode: stash uncommitted work first instead of refusing')
    .option('--push', 'revert mode: push the new commit')
    .option('--prune', 'apply mode: delete objects the old render does not have')
    .option('--force-conflicts', 'apply mode: take over fields other managers own')
    .option('--auto-sync', 'apply mode: the Argo CD Application auto-syncs (warns that it would undo the rollback)')
    .option('--timeout <duration>', 'apply mode: how long to wait for health', '2m')
    .action(async (dir: string, opts: RollbackCommandOptions) => {
      code = await runRollback(io, dir, opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    return fail(io, e instanceof Error ? e.message : String(e));
  }
  return code;
}
