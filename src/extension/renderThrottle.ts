import { readSettings } from './settings';

/**
 * When an edited overlay re-renders. Throttle, not debounce: after a pause the keystroke renders
 * at once (hints must follow typing within 50 ms); while typing goes on, at most one render per
 * `driftline.debounceMs`. A scheduled render reads the buffer when it runs, so it covers every
 * keystroke made before then.
 */
export class RenderThrottle {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastRenderAt = new Map<string, number>();

  constructor(private readonly render: (dir: string) => void) {}

  edited(dir: string): void {
    if (this.pending.has(dir)) return;
    const sinceLast = performance.now() - (this.lastRenderAt.get(dir) ?? -Infinity);
    this.pending.set(
      dir,
      setTimeout(() => {
        this.pending.delete(dir);
        this.lastRenderAt.set(dir, performance.now());
        this.render(dir);
      }, Math.max(0, readSettings().debounceMs - sinceLast)),
    );
  }

  forget(dir: string): void {
    this.lastRenderAt.delete(dir);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
