// Rollback duration against the API emulator, from the command to healthy: `driftline
// rollback --mode apply --yes` run in-process, alternating between two commits of an app
// of many files (so reading the commit's files counts). Prints numbers; asserts nothing.
//   node --import tsx test/integration/measureRollback.ts [runs] [files]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '../apiserver/server';
import { runKubectl } from '../support/kubectlTool';
import { commit, configMap, deployment, driftline, initRepo, kustomization } from './syncFixture';

async function measure(runs: number, files: number): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'driftline-measure-'));
  process.env['XDG_STATE_HOME'] = join(work, 'state');
  const repo = join(work, 'repo');
  const shop = join(repo, 'apps', 'shop');
  initRepo(repo);
  const version = (v: string): Record<string, string> => {
    const names = Array.from({ length: files }, (_, i) => `cm-${i}.yaml`);
    return {
      'apps/shop/kustomization.yaml': kustomization('web.yaml', ...names),
      'apps/shop/web.yaml': deployment('web', 'shop', `shop/web:${v}`),
      ...Object.fromEntries(names.map((n, i) => [`apps/shop/${n}`, configMap(`cm-${i}`, 'shop', { version: v })])),
    };
  };
  const commits = [commit(repo, 'shop 1.0', version('1.0')), commit(repo, 'shop 2.0', version('2.0'))];
  const server = await startApiServer({ kubeconfigPath: join(work, 'kubeconfig') });
  try {
    await runKubectl(['create', 'namespace', 'shop'], { kubeconfig: server.kubeconfigPath, cacheDir: join(work, 'kubecache') });
    const kc = ['--kubeconfig', server.kubeconfigPath];
    const first = await driftline(['sync', shop, ...kc, '--yes']);
    if (first.code !== 0) throw new Error(first.stdout + first.stderr);
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) {
      const to = commits[i % 2] as string;
      const started = performance.now();
      const run = await driftline(['rollback', shop, '--to', to, '--mode', 'apply', '--yes', ...kc]);
      durations.push(performance.now() - started);
      if (run.code !== 0 || !/succeeded/.test(run.stdout)) throw new Error(run.stdout + run.stderr);
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(`rollback --mode apply (command → healthy), ${files + 1} files, ${runs} runs: median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0)} ms`);
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

void measure(Number(process.argv[2] ?? 6), Number(process.argv[3] ?? 40));
