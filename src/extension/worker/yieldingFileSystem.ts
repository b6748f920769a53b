import type { FileSystem } from '../../core/ports';

/**
 * `fs` for long background work (discovery): every `sliceMs` of the caller's work, a file access
 * first gives the event loop a turn. The disk reads are synchronous, so without it a discovery
 * would hold the worker until it ends, and the keystroke render queued behind it with it.
 */
export function yieldingFileSystem(fs: FileSystem, sliceMs = 4): FileSystem {
  let sliceStart = performance.now();
  const turn = async (): Promise<void> => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  return {
    readFile: async (path) => (await turn(), fs.readFile(path)),
    ...(fs.readBytes ? { readBytes: async (path: string) => (await turn(), fs.readBytes?.(path)) } : {}),
    stat: async (path) => (await turn(), fs.stat(path)),
    readDirectory: async (path) => (await turn(), fs.readDirectory(path)),
  };
}
