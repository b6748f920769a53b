import type { EntryKind, FileSystem } from '../../src/core/ports';
import { dirname, normalize } from '../../src/core/paths';

/** An in-memory FileSystem for unit tests: `new MemoryFileSystem({ '/app/kustomization.yaml': '…' })`. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string | Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  /** Text, or raw bytes for binary files (read back lossily by `readFile`, exactly by `readBytes`). */
  write(path: string, content: string | Uint8Array): void {
    this.files.set(normalize(path), content);
  }

  async readFile(path: string): Promise<string | undefined> {
    const content = this.files.get(normalize(path));
    return content instanceof Uint8Array ? new TextDecoder().decode(content) : content;
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    const content = this.files.get(normalize(path));
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    const p = normalize(path);
    if (this.files.has(p)) return 'file';
    return [...this.files.keys()].some((f) => f.startsWith(`${p}/`)) ? 'directory' : undefined;
  }

  async readDirectory(path: string): Promise<string[]> {
    const p = normalize(path);
    const names = new Set<string>();
    for (const f of this.files.keys()) {
      if (dirname(f) === p) names.add(f.slice(p.length + 1));
      else if (f.startsWith(`${p}/`)) names.add(f.slice(p.length + 1).split('/')[0] as string);
    }
    return [...names].sort();
  }
}
