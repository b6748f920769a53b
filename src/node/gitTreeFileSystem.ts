import type { SimpleGit } from 'simple-git';
import type { EntryKind, FileSystem } from '../core/ports';
import { dirname, isWithin, join, normalize, relative } from '../core/paths';
import { GitCatFileBatch } from './gitCatFileBatch';

interface TreeEntry {
  readonly kind: EntryKind;
  readonly mode: string;
  readonly oid: string;
}

/**
 * The FileSystem port over one commit's tree, read from git objects: rendering an app
 * "as of commit X" needs no checkout, so the working tree (and anyone's uncommitted
 * work in it) is never touched. The tree listing is read once (one `git ls-tree`); blobs
 * on demand, all from one `git cat-file --batch` process: two processes per commit read.
 */
export class GitTreeFileSystem implements FileSystem {
  private listing: Promise<Map<string, TreeEntry>> | undefined;
  private readonly blobs: GitCatFileBatch;

  /** `root` is the working tree's root as an absolute core path; `commit` any revision. */
  constructor(
    private readonly git: SimpleGit,
    private readonly root: string,
    private readonly commit: string,
  ) {
    this.blobs = new GitCatFileBatch(root);
  }

  async readFile(path: string): Promise<string | undefined> {
    const bytes = await this.readBytes(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    const entry = await this.resolveEntry(path);
    if (entry?.kind !== 'file') return undefined;
    return new Uint8Array(await this.blob(entry.oid));
  }

  async stat(path: string): Promise<EntryKind | undefined> {
    const rel = this.relative(path);
    if (rel === undefined) return undefined;
    // The root of a repository: `.git` is there, so tracking ids come out as on disk.
    if (rel === '' || rel === '.git') return 'directory';
    return (await this.resolveEntry(path))?.kind;
  }

  async readDirectory(path: string): Promise<string[]> {
    const rel = this.relative(path);
    if (rel === undefined) return [];
    const names: string[] = [];
    for (const key of (await this.entries()).keys()) {
      if ((rel === '' ? !key.includes('/') : dirname(key) === rel)) names.push(key.slice(key.lastIndexOf('/') + 1));
    }
    return names.sort();
  }

  private relative(path: string): string | undefined {
    const p = normalize(path);
    if (!isWithin(this.root, p)) return undefined;
    const rel = relative(this.root, p);
    return rel === '.' ? '' : rel;
  }

  /** Follows a symlink inside the tree once, as the disk would. */
  private async resolveEntry(path: string): Promise<TreeEntry | undefined> {
    const rel = this.relative(path);
    if (rel === undefined || rel === '') return undefined;
    const entry = (await this.entries()).get(rel);
    if (entry?.mode !== '120000') return entry;
    const target = new TextDecoder().decode(await this.blob(entry.oid));
    const resolved = target.startsWith('/') ? normalize(target) : join(this.root, dirname(rel), target);
    const again = this.relative(resolved);
    const followed = again ? (await this.entries()).get(again) : undefined;
    return followed?.mode === '120000' ? undefined : followed;
  }

  private entries(): Promise<Map<string, TreeEntry>> {
    this.listing ??= this.git.raw(['ls-tree', '-r', '-t', '-z', '--full-tree', this.commit]).then(parseListing);
    return this.listing;
  }

  private async blob(oid: string): Promise<Buffer> {
    // The listing named this object, so a miss means a broken repository: an error, not "no file".
    const bytes = await this.blobs.read(oid);
    if (!bytes) throw new Error(`git object ${oid} is missing`);
    return bytes;
  }
}

/** `<mode> <type> <oid>\t<path>` records separated by NUL; submodules (commits) are left out. */
function parseListing(raw: string): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const record of raw.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
    if (type === 'blob') entries.set(record.slice(tab + 1), { kind: 'file', mode, oid });
    else if (type === 'tree') entries.set(record.slice(tab + 1), { kind: 'directory', mode, oid });
  }
  return entries;
}
