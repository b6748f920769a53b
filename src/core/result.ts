/** Expected failures are values: a located message a user can act on. */
export interface Diagnostic {
  readonly file: string;
  /** 1-based; 0 when the problem has no position inside the file. */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export type Result<T, E = Diagnostic[]> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

export function diagnostic(file: string, message: string, at?: { line: number; column: number }, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line: at?.line ?? 0, column: at?.column ?? 0, message, severity };
}

/** The CLI and the Problems panel print diagnostics the same way compilers do. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column || 1}` : d.file;
  return `${where}: ${d.message}`;
}

/**
 * Thrown inside the renderer to unwind to `render`, which turns it back into a
 * Result. Keeps deep transformer code free of Result plumbing.
 */
export class RenderError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
  }
}
