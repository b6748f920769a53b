import type { EntryKind, FileSystem } from '../../core/ports';
import { DiskFileSystem } from '../../node/diskFileSystem';

/** The worker's view of the workspace: the disk, overlaid with the unsaved buffers the main thread sent. */
export class BufferedDiskFileSystem implements FileSystem {
  private readonly disk = new DiskFileSystem();
  private readonly buffers = new Map<string, string>();

  /** `text` undefined: the editor closed or saved it; the disk is right again. */
  setBuffer(path: string, text: string | undefined): void {
    if (text === undefined) this.buffers.delete(path);
    else this.buffers.set(path, text);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.buffers.get(path) ?? this.disk.readFile(path);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    const text = this.buffers.get(path);
    return text === undefined ? this.disk.readBytes(path) : new TextEncoder().encode(text);
  }

  stat(path: string): Promise<EntryKind | undefined> {
    return this.buffers.has(path) ? Promise.resolve('file') : this.disk.stat(path);
  }

  readDirectory(path: string): Promise<string[]> {
    return this.disk.readDirectory(path);
  }
}
