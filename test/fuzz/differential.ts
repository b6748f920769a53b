import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { render, toYaml } from '../../src/core/kustomize/render';
import { formatDiagnostic } from '../../src/core/result';
import { DiskFileSystem } from '../../src/node/diskFileSystem';
import { writeCase, type FuzzCase } from './fuzzCase';

// Renders a case with `kubectl kustomize` and with Driftline and says whether they agree:
// the same bytes, or both refusing (messages differ on purpose: ours are located).

export type Outcome = { readonly ok: true; readonly yaml: string } | { readonly ok: false; readonly message: string };

export interface Verdict {
  readonly agree: boolean;
  readonly kubectl: Outcome;
  readonly driftline: Outcome;
}

/** A kubectl call that hangs is killed: the fuzzer must stay bounded. */
export function kubectlKustomize(kubectl: string, dir: string, timeoutMs = 20_000): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(kubectl, ['kustomize', dir], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, message: (stderr || error.message).trim() });
      else resolve({ ok: true, yaml: stdout });
    });
  });
}

export async function driftlineRender(dir: string): Promise<Outcome> {
  try {
    const result = await render(new DiskFileSystem(), dir);
    if (result.ok) return { ok: true, yaml: toYaml(result.value) };
    return { ok: false, message: result.error.map(formatDiagnostic).join('\n') };
  } catch (e) {
    // A crash is always a finding, even when kubectl refuses the case too.
    return { ok: false, message: `CRASH ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
}

export function agrees(a: Outcome, b: Outcome): boolean {
  if (!b.ok && b.message.startsWith('CRASH')) return false;
  if (a.ok && b.ok) return a.yaml === b.yaml;
  return a.ok === b.ok;
}

/** Writes `fuzzCase` under `workDir` and renders it both ways. */
export async function compareCase(kubectl: string, workDir: string, fuzzCase: FuzzCase, timeoutMs?: number): Promise<Verdict> {
  writeCase(workDir, fuzzCase);
  const dir = join(workDir, fuzzCase.root);
  const kubectlOutcome = await kubectlKustomize(kubectl, dir, timeoutMs);
  const driftline = await driftlineRender(dir);
  return { agree: agrees(kubectlOutcome, driftline), kubectl: kubectlOutcome, driftline };
}
