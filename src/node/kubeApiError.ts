import type { KubeApiFailure } from '../core/ports';

/** A Kubernetes API error carrying the server's Status message; `code` is the HTTP status. */
export class KubeApiError extends Error implements KubeApiFailure {
  constructor(
    readonly code: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The Status `message` of an error body, or a generic one. */
export function statusMessage(body: unknown, code: number): string {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : `the server answered ${code}`;
}

/** Retry-After in seconds (429/503); the HTTP-date form is rare from API servers and ignored. */
export function retryAfterOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
