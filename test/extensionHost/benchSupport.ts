// Shared by the *.bench.ts entries: parameters in, figures out (see bench/support/extensionHostRun.ts),
// and a way to wait for the moment the hints change, as observed through the extension's API.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DriftlineApi } from '../../src/extension/main';

export type DriftEntry = ReturnType<DriftlineApi['driftIn']>[number];

export function benchConfig<T>(): T {
  const raw = process.env['DRIFTLINE_BENCH_CONFIG'];
  if (!raw) throw new Error('DRIFTLINE_BENCH_CONFIG is not set: run this entry through npm run bench');
  return JSON.parse(raw) as T;
}

export function writeResult(result: unknown): void {
  const out = process.env['DRIFTLINE_BENCH_OUT'];
  if (!out) throw new Error('DRIFTLINE_BENCH_OUT is not set');
  writeFileSync(out, JSON.stringify(result));
}

export async function driftline(): Promise<DriftlineApi> {
  const extension = vscode.extensions.getExtension<DriftlineApi>('driftline.driftline');
  if (!extension) throw new Error('driftline.driftline is not loaded');
  return extension.activate();
}

/**
 * performance.now() of the first drift update after which `predicate` holds for `driftIn(file)`.
 * Subscribe before causing the change. The timeout only guards against a hang.
 */
export function nextDrift(api: DriftlineApi, file: string, predicate: (entries: DriftEntry[]) => boolean, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no drift update satisfied the condition for ${file} within ${timeoutMs} ms; now: ${JSON.stringify(api.driftIn(file))}`));
    }, timeoutMs);
    const subscription = api.onDidUpdateDrift(() => {
      if (!predicate(api.driftIn(file))) return;
      const at = performance.now();
      clearTimeout(timer);
      subscription.dispose();
      resolve(at);
    });
  });
}

/** Resolves once `predicate` holds, now or after some later update. */
export async function settled(api: DriftlineApi, file: string, predicate: (entries: DriftEntry[]) => boolean, timeoutMs = 120_000): Promise<void> {
  if (predicate(api.driftIn(file))) return;
  await nextDrift(api, file, predicate, timeoutMs);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Replaces the value of the document's `newTag:` line, as typing would. */
export async function setTag(editor: vscode.TextEditor, tag: string): Promise<void> {
  const doc = editor.document;
  const line = [...Array(doc.lineCount).keys()].map((i) => doc.lineAt(i)).find((l) => /^\s*newTag:/.test(l.text));
  if (!line) throw new Error(`no newTag: line in ${doc.fileName}`);
  const start = line.text.indexOf(':') + 1;
  const applied = await editor.edit((b) => b.replace(new vscode.Range(line.lineNumber, start, line.lineNumber, line.text.length), ` "${tag}"`));
  if (!applied) throw new Error('TextEditor.edit was not applied');
}
