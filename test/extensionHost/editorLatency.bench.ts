// Runs inside the real extension host (code-server), started by bench/editorLatency.ts.
// Keystroke → hints: edits the overlay's `newTag:` through TextEditor.edit, alternating between
// the live tag (hint goes away) and another one (hint appears), so every edit changes what
// driftIn() returns; the latency ends when onDidUpdateDrift fires with the edit reflected.
// Live change → hint: patches the Deployment in the emulator and waits for the new live value.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { setImage, type KubeEndpoint } from './benchKube';
import { benchConfig, driftline, nextDrift, setTag, settled, sleep, writeResult, type DriftEntry } from './benchSupport';

export interface EditorLatencyConfig {
  readonly overlayFile: string;
  readonly edits: number;
  readonly warmup: number;
  readonly liveChanges: number;
  readonly debounceValues: readonly number[];
  readonly endpoint: KubeEndpoint;
  readonly namespace: string;
  readonly deployment: string;
  readonly container: string;
  readonly image: string;
  /** The tag the cluster runs; the overlay starts with it. */
  readonly liveTag: string;
}

export interface EditorLatencyResult {
  /** Keystroke latencies (ms) per `driftline.debounceMs` value. */
  readonly keystroke: Record<string, number[]>;
  readonly live: number[];
  /** Loading (compiling + evaluating) a fresh copy of the activation entry (package.json `main`), ms. */
  readonly bundleLoad: number[];
  /** The same for the services bundle that the entry loads after activation, on first need. */
  readonly servicesLoad: number[];
}

const isImage = (e: DriftEntry): boolean => /\.image$/.test(e.path);

/**
 * Time to load a bundle as VS Code loads the entry before calling activate() (`main`), or as the
 * entry loads its services later (`dist/services.js`); a changed copy defeats V8's compile cache.
 */
function bundleLoadMs(which: 'main' | 'services'): number {
  const extension = vscode.extensions.getExtension('driftline.driftline');
  if (!extension) throw new Error('driftline.driftline is not loaded');
  const file = which === 'main' ? (extension.packageJSON as { main: string }).main : 'dist/services.js';
  const copy = join(mkdtempSync(join(tmpdir(), 'driftline-load-')), 'bundle.js');
  writeFileSync(copy, `${readFileSync(join(extension.extensionPath, file), 'utf8')}\n// ${process.hrtime.bigint()}\n`);
  const load = createRequire(copy);
  const start = performance.now();
  load(copy);
  return performance.now() - start;
}


export async function run(): Promise<void> {
  const config = benchConfig<EditorLatencyConfig>();
  const api = await driftline();
  const file = config.overlayFile;
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  await api.start();
  await settled(api, file, (entries) => !entries.some(isImage));
  const settings = vscode.workspace.getConfiguration('driftline');

  const keystroke: Record<string, number[]> = {};
  for (const debounceMs of config.debounceValues) {
    await settings.update('debounceMs', debounceMs, vscode.ConfigurationTarget.Global);
    const samples: number[] = [];
    for (let i = 0; i < config.warmup + config.edits; i++) {
      const drifting = i % 2 === 0;
      const updated = nextDrift(api, file, (entries) => entries.some(isImage) === drifting);
      const start = performance.now();
      await setTag(editor, drifting ? `${config.liveTag}-edit${i}` : config.liveTag);
      const latency = (await updated) - start;
      if (i >= config.warmup) samples.push(latency);
      await sleep(50 + debounceMs); // let the extension go idle: each sample is one isolated keystroke
    }
    keystroke[String(debounceMs)] = samples;
  }
  await settings.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);

  const live: number[] = [];
  for (let i = 0; i < config.warmup + config.liveChanges; i++) {
    const image = `${config.image}:live-${i}`;
    const updated = nextDrift(api, file, (entries) => entries.some((e) => isImage(e) && e.live === image));
    const start = performance.now();
    await setImage(config.endpoint, config.namespace, config.deployment, config.container, image);
    const latency = (await updated) - start;
    if (i >= config.warmup) live.push(latency);
    await sleep(100);
  }

  const bundleLoad = [bundleLoadMs('main'), bundleLoadMs('main'), bundleLoadMs('main')];
  const servicesLoad = [bundleLoadMs('services'), bundleLoadMs('services'), bundleLoadMs('services')];
  const result: EditorLatencyResult = { keystroke, live, bundleLoad, servicesLoad };
  writeResult(result);
}
