import type { EntryKind, FileSystem } from './ports';

/** Records every path a render looked at, so an edit to any of them re-renders exactly the overlays it affects. */
export class TrackingFileSystem implements FileSystem {
  readonly touched = new Set<string>();

  constructor(private readonly inner: FileSystem) {}

  readFile(path: string): Promise<string | undefined> {
    this.touched.add(path);
    return this.inner.readFile(path);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    this.touched.add(path);
    if (this.inner.readBytes) return this.inner.readBytes(path);
    const text = await this.inner.readFile(path);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }

  stat(path: string): Promise<EntryKind | undefined> {
    this.touched.add(path);
    return this.inner.stat(path);
  }

  readDirectory(path: string): Promise<string[]> {
    this.touched.add(path);
    return this.inner.readDirectory(path);
  }
}
