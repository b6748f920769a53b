// Tests work on a temporary copy of examples/ so nothing they do (edits, syncs) reaches the repo.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

export interface TempWorkspace {
  readonly folder: string;
  dispose(): Promise<void>;
}

export async function copyExamples(): Promise<TempWorkspace> {
  const parent = await mkdtemp(join(tmpdir(), 'driftline-ws-'));
  const folder = join(parent, 'examples');
  await cp(join(repoRoot, 'examples'), folder, { recursive: true });
  return { folder, dispose: () => rm(parent, { recursive: true, force: true }) };
}
