import * as vscode from 'vscode';
import type { EntryKind, FileSystem } from '../core/ports';
import { DiskFileSystem } from '../node/diskFileSystem';

/** Disk, overlaid with the unsaved text of open editors, so drift follows what the user is typing. */
export class BufferFileSystem implements FileSystem {
  private readonly disk = new DiskFileSystem();

  async readFile(path: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    return open ? open.getText() : this.disk.readFile(path);
  }

  async readBytes(path: string): Promise<Uint8Array | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    return open ? new TextEncoder().encode(open.getText()) : this.disk.readBytes(path);
  }

  stat(path: string): Promise<EntryKind | undefined> {
    return this.disk.stat(path);
  }

  readDirectory(path: string): Promise<string[]> {
    return this.disk.readDirectory(path);
  }
}
