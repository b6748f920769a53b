import type { EntryKind, FileSystem } from '../../src/core/ports';
import { dirname, normalize } from '../../src/core/paths';

/** An in-memory FileSystem for unit tests: `new MemoryFileSystem({ '/app/kustomization.yaml': '…' })`. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(normalize(path), text);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(normalize(path));
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
