import { Command, CommanderError } from 'commander';
import { runRender } from './renderCommand';
import { runDiff } from './diffCommand';
import { runTrace } from './traceCommand';
import { runSync } from './syncCommand';
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

  const cluster = (cmd: Command): Command =>
    cmd.option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)').option('--context <name>', 'kubeconfig context (default: current)');

  cluster(program.command('diff <dir>'))
    .description('compare the rendered overlay with the live cluster; exit 0 in sync, 1 drift, 2 error')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (dir: string, opts: { kubeconfig?: string; context?: string; output: string }) => {
      code = await runDiff(io, dir, opts);
    });

  cluster(program.command('sync <dir>'))
    .description('server-side apply the rendered overlay')
    .option('--dry-run', 'ask the server what would change, change nothing')
    .option('--yes', 'do not ask for confirmation')
    .action(async (dir: string, opts: { kubeconfig?: string; context?: string; dryRun?: boolean; yes?: boolean }) => {
      code = await runSync(io, dir, opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    return fail(io, e instanceof Error ? e.message : String(e));
  }
  return code;
}
