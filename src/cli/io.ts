import type { Diagnostic } from '../core/result';
import { formatDiagnostic } from '../core/result';
import { relative } from '../core/paths';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal that wants colour (not NO_COLOR, not a pipe). */
  readonly color: boolean;
  /** Answers a yes/no question; false when nobody can answer (no terminal). */
  confirm(question: string): Promise<boolean>;
}

export const ExitCode = { Ok: 0, Drift: 1, Error: 2 } as const;

export function fail(io: Io, message: string): number {
  io.stderr(`driftline: ${message}\n`);
  return ExitCode.Error;
}

/** One diagnostic as a stderr line, its path relative to `cwd` the way compilers print them. */
export function diagnosticLine(d: Diagnostic, cwd: string, prefix = ''): string {
  return `driftline: ${prefix}${d.severity === 'warning' ? 'warning: ' : ''}${formatDiagnostic({ ...d, file: relative(cwd, d.file) })}\n`;
}

/** Prints diagnostics on stderr. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], cwd: string): void {
  for (const d of diagnostics) io.stderr(diagnosticLine(d, cwd));
}

export function failWith(io: Io, diagnostics: readonly Diagnostic[], cwd: string): number {
  printDiagnostics(io, diagnostics, cwd);
  return ExitCode.Error;
}
