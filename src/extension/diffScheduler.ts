/**
 * Cluster events arrive in bursts (a first list, a sync touching many objects): coalesces them
 * into one rediff of the scopes that changed. `undefined` (a connection state change) means
 * everything.
 */
export class DiffScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Cluster scopes changed since the last run; undefined: everything. */
  private scopes: Set<string> | undefined = new Set();

  constructor(private readonly rediff: (scopes: ReadonlySet<string> | undefined) => void, private readonly delayMs = 30) {}

  changed(scope: string | undefined): void {
    if (scope === undefined) this.scopes = undefined;
    else this.scopes?.add(scope);
    // Once per burst: a first list fires an event per object.
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const scopes = this.scopes;
      this.scopes = new Set();
      this.rediff(scopes);
    }, this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
