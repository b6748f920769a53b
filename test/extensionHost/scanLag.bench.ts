// Runs inside the real extension host (code-server) on a large generated repo, started by
// bench/scanLag.ts. Measures how long the extension host's event loop stalls while Driftline
// scans, renders and diffs the whole repo (first scan with a cold cluster cache, then a refresh
// with a warm one), and keystroke → hints in one overlay of that repo.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { profiled } from './cpuProfile';
import { benchConfig, driftline, nextDrift, setTag, sleep, writeResult, type DriftEntry } from './benchSupport';

export interface ScanLagConfig {
  /** An overlay's kustomization.yaml to type in. */
  readonly overlayFile: string;
  readonly edits: number;
  /** Edits made first and not counted, as in editorLatency.bench.ts: the workbench is still opening the file. */
  readonly warmup: number;
}

export interface LagFigures {
  readonly durationMs: number;
  readonly maxLagMs: number;
  readonly p99LagMs: number;
  readonly heapUsedMb: number;
}

export interface ScanLagResult {
  /** Loading the services bundle (once per window, after activation), apart from the scan it precedes. */
  readonly servicesLoad: LagFigures;
  readonly firstScan: LagFigures;
  readonly refresh: LagFigures;
  readonly keystroke: number[];
  /** The extension host's share of each: from the document change event to the hints. */
  readonly afterChangeEvent: number[];
}

async function measured(work: () => Thenable<unknown>): Promise<LagFigures> {
  // 10 ms resolution: the histogram records how late each 10 ms timer fired, i.e. how long
  // anything else waiting for the loop (the editor's requests to this host) would have waited.
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const start = performance.now();
  await work();
  const durationMs = performance.now() - start;
  // One more tick, so that a stall at the very end (or one spanning all of `work`) is recorded.
  await sleep(20);
  histogram.disable();
  return {
    durationMs,
    maxLagMs: histogram.max / 1e6,
    p99LagMs: histogram.percentile(99) / 1e6,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
  };
}

const isImage = (e: DriftEntry): boolean => /\.image$/.test(e.path);

export async function run(): Promise<void> {
  const config = benchConfig<ScanLagConfig>();
  const api = await driftline();
  const servicesLoad = await measured(() => profiled('servicesLoad', () => api.load()));
  const firstScan = await measured(() => profiled('firstScan', () => api.start()));
  const refresh = await measured(() => profiled('refresh', async () => vscode.commands.executeCommand('driftline.refresh')));

  const file = config.overlayFile;
  // Typing with Driftline's side bar open, as its users work: the Apps and Clusters trees of the
  // 300 apps are live and follow the drift while the keystrokes are measured.
  await vscode.commands.executeCommand('workbench.view.extension.driftline');
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  await vscode.workspace.getConfiguration('driftline').update('debounceMs', 0, vscode.ConfigurationTarget.Global);
  const original = /newTag:\s*"?([^"\s]+)/.exec(editor.document.getText())?.[1];
  if (!original) throw new Error(`no newTag: in ${file}`);
  const keystroke: number[] = [];
  const afterChangeEvent: number[] = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === editor.document && changedAt === 0) changedAt = performance.now();
  });
  await profiled('keystrokes', async () => {
    for (let i = 0; i < config.warmup + config.edits; i++) {
      // The cluster runs what the overlay says: changing the tag adds a drift, restoring it removes it.
      const drifting = i % 2 === 0;
      const updated = nextDrift(api, file, (entries) => entries.some(isImage) === drifting, 120_000);
      changedAt = 0;
      const start = performance.now();
      await setTag(editor, drifting ? `${original}-edit${i}` : original);
      const at = await updated;
      if (i >= config.warmup) {
        keystroke.push(at - start);
        afterChangeEvent.push(at - changedAt);
      }
      await sleep(100);
    }
  });
  changes.dispose();
  const result: ScanLagResult = { servicesLoad, firstScan, refresh, keystroke, afterChangeEvent };
  writeResult(result);
}
