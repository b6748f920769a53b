import { promises as fsp } from 'node:fs';
import { resolve as resolvePath, sep } from 'node:path';
import type { EntryKind, FileSystem } from '../core/ports';

/** The FileSystem port over the local disk. */
export class DiskFileSystem implements FileSystem {
  async readFile(path: string): Promise<string | undefined> {
    try {
      return await fsp.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await fsp.readFile(path));
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    try {
      const s = await fsp.stat(path);
      return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<string[]> {
    try {
      return (await fsp.readdir(path)).sort();
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
