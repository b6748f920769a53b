import type { Clock, Scheduler } from '../core/ports';

export const systemClock: Clock = { now: () => new Date() };

/** Real timers, unref'd so that a cache left open never keeps the CLI process alive. */
export const systemScheduler: Scheduler = {
  schedule(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return { dispose: () => clearTimeout(timer) };
  },
};

/** Real timers that keep the process alive: for waits the CLI is doing on purpose (following an operation). */
export const awaitedScheduler: Scheduler = {
  schedule(callback, ms) {
    const timer = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(timer) };
  },
};
