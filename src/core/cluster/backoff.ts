/**
 * How a scope retries: jittered exponential backoff, so that many scopes (and many
 * editors) that lost the same API server do not come back in lock-step.
 */
export interface RetryPolicy {
  /** Delay after the first failure. */
  readonly initialMs: number;
  /** No delay grows beyond this. */
  readonly maxMs: number;
  readonly factor: number;
  /** 0..1: a delay d is drawn uniformly from [d·(1 − jitter), d]. */
  readonly jitter: number;
  /** Connected this long → the next failure starts again from `initialMs`. */
  readonly resetAfterMs: number;
  /** No event or bookmark for this long → the watch is presumed dead (half-open TCP) and restarted. */
  readonly stallTimeoutMs: number;
  /** Asked of the server per watch, stretched by up to 2× at random (as client-go's reflector does). */
  readonly watchTimeoutSeconds: number;
  /** A watch that ends cleanly sooner than this counts as a failure, so a server that closes at once cannot spin us. */
  readonly minWatchMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  initialMs: 250,
  maxMs: 30_000,
  factor: 2,
  jitter: 0.5,
  resetAfterMs: 60_000,
  stallTimeoutMs: 120_000,
  watchTimeoutSeconds: 300,
  minWatchMs: 1_000,
};

/** The range the delay after the `attempt`-th consecutive failure (0-based) is drawn from. */
export function backoffBounds(policy: RetryPolicy, attempt: number): { min: number; max: number } {
  const max = Math.min(policy.maxMs, policy.initialMs * policy.factor ** attempt);
  return { min: max * (1 - policy.jitter), max };
}

const retryAfterCapMs = 300_000;

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly random: () => number,
  ) {}

  /**
   * The delay before the next try. A server's Retry-After (429/503) wins when longer, even
   * past maxMs — the server knows its load — but never beyond five minutes.
   */
  next(retryAfterSeconds?: number): number {
    const { min, max } = backoffBounds(this.policy, this.attempt);
    // Stop growing the exponent once capped: 2 ** 1000 is Infinity.
    if (max < this.policy.maxMs) this.attempt++;
    const delay = min + (max - min) * this.random();
    const serverAsked = Math.min((retryAfterSeconds ?? 0) * 1000, retryAfterCapMs);
    return Math.max(delay, serverAsked);
  }

  reset(): void {
    this.attempt = 0;
  }
}
