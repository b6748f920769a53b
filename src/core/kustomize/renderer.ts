import type { FileSystem } from '../ports';
import { dirname, normalize } from '../paths';
import type { Result } from '../result';
import { TrackingFileSystem } from '../trackingFileSystem';
import { ParseCache } from '../yaml/parseCache';
import { render, type RenderOptions, type RenderResult } from './render';

// Incremental rendering for the editor: each root's last result is kept with every path
// its render read (the dependency graph), so an edit re-renders only the roots that read
// the edited file, and the shared parse cache makes that re-render cheap.

export interface Renderer {
  /** The root's result: the kept one when nothing it read has changed since. */
  render(dir: string): Promise<Result<RenderResult>>;
  /** Forgets the results that read any of `paths` (or listed their directories); returns those roots. */
  invalidate(paths: Iterable<string>): string[];
  /** Forgets every result (the parses stay: they are checked against the text anyway). */
  clear(): void;
  /**
   * Every path the root's last finished render read, kept or not: a render overtaken by an edit
   * (returned, not kept) still says what its result depends on, so the caller goes on sending
   * that file's edits to this root. Undefined before the first render finishes.
   */
  inputsOf(dir: string): ReadonlySet<string> | undefined;
}

interface Kept {
  readonly result: Result<RenderResult>;
  readonly inputs: ReadonlySet<string>;
}

interface Running {
  readonly promise: Promise<Result<RenderResult>>;
  readonly tracking: TrackingFileSystem;
  /** Set when a path it had already read was invalidated: the result is returned, not kept. */
  stale: boolean;
}

export function createRenderer(fs: FileSystem, options: RenderOptions = {}): Renderer {
  const parseCache = options.parseCache ?? new ParseCache();
  const kept = new Map<string, Kept>();
  const readers = new Map<string, Set<string>>();
  const running = new Map<string, Running>();
  const lastRead = new Map<string, ReadonlySet<string>>();

  const forget = (dir: string): void => {
    const entry = kept.get(dir);
    if (!entry) return;
    kept.delete(dir);
    for (const path of entry.inputs) readers.get(path)?.delete(dir);
  };

  const start = (dir: string): Running => {
    const tracking = new TrackingFileSystem(fs);
    const run: Running = {
      tracking,
      stale: false,
      promise: render(tracking, dir, { ...options, parseCache }).then((result) => {
        if (running.get(dir) === run) running.delete(dir);
        lastRead.set(dir, tracking.touched);
        if (!run.stale) {
          forget(dir);
          kept.set(dir, { result, inputs: tracking.touched });
          for (const path of tracking.touched) {
            let dirs = readers.get(path);
            if (!dirs) readers.set(path, (dirs = new Set()));
            dirs.add(dir);
          }
        }
        return result;
      }),
    };
    running.set(dir, run);
    return run;
  };

  return {
    async render(dir) {
      const root = normalize(dir);
      const done = kept.get(root);
      if (done) return done.result;
      return (running.get(root) ?? start(root)).promise;
    },
    invalidate(paths) {
      const affected = new Set<string>();
      for (const raw of paths) {
        const path = normalize(raw);
        // A created or deleted file changes its directory's listing too.
        for (const p of [path, dirname(path)]) {
          for (const dir of readers.get(p) ?? []) affected.add(dir);
          for (const [dir, run] of running) {
            if (run.tracking.touched.has(p)) {
              run.stale = true;
              running.delete(dir);
              affected.add(dir);
            }
          }
        }
      }
      for (const dir of affected) forget(dir);
      return [...affected];
    },
    clear() {
      for (const run of running.values()) run.stale = true;
      running.clear();
      kept.clear();
      readers.clear();
      lastRead.clear();
    },
    inputsOf(dir) {
      return lastRead.get(normalize(dir));
    },
  };
}
