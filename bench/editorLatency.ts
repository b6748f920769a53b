// Keystroke → hints, live change → hint, and activation, measured in the real extension host
// (code-server 4.100.3) against the API emulator; see test/extensionHost/editorLatency.bench.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer } from '../test/apiserver/server';
import { copyExamples } from '../test/e2e/support/workspace';
import { runKubectl } from '../test/support/kubectlTool';
import type { EditorLatencyConfig, EditorLatencyResult } from '../test/extensionHost/editorLatency.bench';
import { runInExtensionHost } from './support/extensionHostRun';
import { percentile } from './support/stats';
import type { BenchRow } from './table';

const overlay = 'apps/guestbook/overlays/production';
const image = 'ghcr.io/driftline/guestbook';
const defaultDebounceMs = 150;

async function kubectl(kubeconfig: string, ...args: string[]): Promise<void> {
  const result = await runKubectl(args, { kubeconfig });
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
}

/** A figure the extension logs on its channel: "activated in X ms" (the activate() call), "services loaded in X ms". */
function loggedMs(logs: string, what: RegExp): number {
  const found = new RegExp(`${what.source} ([\\d.]+) ms`).exec(logs);
  return found ? Number(found[1]) : Number.NaN;
}

function latencyRows(what: string, samples: readonly number[], budgetMs: number | undefined): BenchRow[] {
  const p95 = percentile(samples, 95);
  return [
    { name: `${what}, p50 (n=${samples.length})`, ours: percentile(samples, 50), unit: 'ms', budget: '—' },
    { name: `${what}, p95 (n=${samples.length}, max ${Math.max(...samples).toFixed(0)} ms)`, ours: p95, unit: 'ms',
      budget: budgetMs === undefined ? 'reported' : `≤ ${budgetMs} ms p95`, ...(budgetMs === undefined ? {} : { pass: p95 <= budgetMs }) },
  ];
}

export async function benchEditorLatency(repoRoot: string, edits = 40, liveChanges = 20): Promise<BenchRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'driftline-bench-editor-'));
  const cluster = await startApiServer({ kubeconfigPath: join(scratch, 'kubeconfig') });
  const workspace = await copyExamples();
  try {
    await kubectl(cluster.kubeconfigPath, 'create', 'namespace', 'guestbook-prod');
    await kubectl(cluster.kubeconfigPath, 'apply', '--server-side', '--field-manager', 'kubectl', '-k', join(workspace.folder, overlay));
    const config: EditorLatencyConfig = {
      overlayFile: join(workspace.folder, overlay, 'kustomization.yaml'),
      edits, warmup: 4, liveChanges, debounceValues: [0, defaultDebounceMs],
      endpoint: { url: cluster.url, token: cluster.token, caPem: cluster.caPem },
      namespace: 'guestbook-prod', deployment: 'guestbook', container: 'guestbook', image, liveTag: '1.4.2',
    };
    const { result, logs } = await runInExtensionHost<EditorLatencyResult>({
      repoRoot, folder: workspace.folder, entry: 'editorLatency.bench.js', config, name: 'bench-editor',
      settings: { 'driftline.kubeconfig': cluster.kubeconfigPath }, timeoutMs: 300_000,
    });
    const load = percentile(result.bundleLoad, 50);
    const call = loggedMs(logs, /activated in/);
    const servicesModule = percentile(result.servicesLoad, 50);
    return [
      ...latencyRows('keystroke → hints updated (debounce 0)', result.keystroke['0'] ?? [], 50),
      ...latencyRows(`keystroke → hints updated (default debounce ${defaultDebounceMs} ms)`, result.keystroke[String(defaultDebounceMs)] ?? [], undefined),
      ...latencyRows('live change (API write) → hint updated', result.live, 1000),
      { name: `activation: entry bundle load ${load.toFixed(1)} ms + activate() ${call.toFixed(1)} ms`, ours: load + call, unit: 'ms', budget: '≤ 50 ms', pass: load + call <= 50 },
      // Not part of activation: the entry loads services.js on first need, after activate() returned.
      { name: `deferred services load after activation (services.js; first load in the run, startServices included: ${loggedMs(logs, /services loaded in/).toFixed(1)} ms)`,
        ours: servicesModule, unit: 'ms', budget: 'reported' },
    ];
  } finally {
    await workspace.dispose();
    await cluster.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
