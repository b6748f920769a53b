import type { EntryKind, FileSystem } from '../../ports';
import { isWithin, normalize } from '../../paths';

/**
 * A FileSystem with a few extra in-memory files laid over another: how Argo CD's kustomize
 * options become a kustomization the in-process engine can read, without touching disk.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly files = new Map<string, string>();

  constructor(
    private readonly base: FileSystem,
    files: Readonly<Record<string, string>>,
  ) {
    for (const [path, text] of Object.entries(files)) this.files.set(normalize(path), text);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(normalize(path)) ?? this.base.readFile(path);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    const own = this.files.get(normalize(path));
    if (own !== undefined) return new TextEncoder().encode(own);
    return this.base.readBytes ? this.base.readBytes(path) : undefined;
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    const p = normalize(path);
    if (this.files.has(p)) return 'file';
    if ([...this.files.keys()].some((f) => f !== p && isWithin(p, f))) return 'directory';
    return this.base.stat(path);
  }

  async readDirectory(path: string): Promise<string[]> {
    const p = normalize(path);
    const names = new Set(await this.base.readDirectory(path));
    for (const f of this.files.keys()) {
      if (f === p || !isWithin(p, f)) continue;
      const rest = p === '/' ? f.slice(1) : f.slice(p.length + 1);
      names.add(rest.split('/')[0] ?? rest);
    }
    return [...names].sort();
  }
}
