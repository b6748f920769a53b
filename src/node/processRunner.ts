import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ProcessResult, ProcessRunner } from '../core/ports';

/** The ProcessRunner port on child_process; a program that runs too long is killed (helm on a huge chart, a hung plugin). */
export class NodeProcessRunner implements ProcessRunner {
  constructor(private readonly timeoutMs = 120_000) {}

  run(command: string, args: readonly string[], options: { readonly input?: string; readonly cwd?: string } = {}): Promise<ProcessResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, [...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
      // A program that never reads stdin closes it early; that EPIPE is not our failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }
}

/** The first executable called `name` on $PATH, or undefined: how "helm found" is decided when none is configured. */
export function findOnPath(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    const s = statSync(candidate, { throwIfNoEntry: false });
    if (s?.isFile() && (s.mode & 0o111) !== 0) return candidate;
  }
  return undefined;
}
