import { readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve as resolvePath, sep } from 'node:path';
import type { EntryKind, FileSystem } from '../core/ports';

/**
 * The FileSystem port over the local disk. Reads are synchronous underneath:
 * kustomizations are small files, usually in the page cache, and a thread-pool
 * round trip per stat costs more than the read itself (see `npm run bench`).
 */
export class DiskFileSystem implements FileSystem {
  async readFile(path: string): Promise<string | undefined> {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    const s = statSync(path, { throwIfNoEntry: false });
    return s?.isDirectory() ? 'directory' : s?.isFile() ? 'file' : undefined;
  }

  async readDirectory(path: string): Promise<string[]> {
    try {
      return readdirSync(path).sort();
    } catch {
      return [];
    }
  }
}

/** The core speaks absolute POSIX paths; convert a user-given path at the edge. */
export function toCorePath(path: string): string {
  const absolute = resolvePath(path);
  return sep === '/' ? absolute : absolute.split(sep).join('/');
}
