import { toCorePath } from '../node/diskFileSystem';
import { applyRendered } from '../core/sync/applyRendered';
import { renderAndConnect, type ClusterOptions } from './clusterTarget';
import { ExitCode, fail, failWith, type Io } from './io';

export async function runSync(io: Io, dir: string, options: ClusterOptions & { dryRun?: boolean; yes?: boolean }): Promise<number> {
  const target = await renderAndConnect(dir, options);
  if (!target.ok) return typeof target.error === 'string' ? fail(io, target.error) : failWith(io, target.error, toCorePath('.'));
  const { rendered, kube } = target.value;
  const dryRun = options.dryRun === true;
  if (!dryRun && !options.yes) {
    const question = `Apply ${rendered.resources.length} resources to context "${kube.contextName}" (${kube.server})?`;
    if (!(await io.confirm(question))) return fail(io, 'not confirmed; pass --yes to sync without asking');
  }
  const results = await applyRendered(kube, rendered, { dryRun });
  for (const r of results) {
    const name = `${r.object.kind}/${r.object.metadata.name}`;
    io.stdout(r.error ? `failed     ${name}: ${r.error}\n` : `${dryRun ? 'would apply' : 'applied'}    ${name}\n`);
  }
  const skipped = rendered.resources.length - results.length;
  if (skipped > 0) io.stderr(`driftline: stopped after the first failure; ${skipped} resources not applied\n`);
  return results.some((r) => r.error) ? ExitCode.Error : ExitCode.Ok;
}
