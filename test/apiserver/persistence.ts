// --state-dir: the emulated cluster survives restarts. Two files:
//   state.json    every object and the resourceVersion counter, rewritten (debounced) after
//                 changes and on close, atomically (temp file + rename);
//   identity.json the CA, serving certificate and tokens, so a restarted emulator is the same
//                 cluster to clients holding the old kubeconfig (same port given).
// Watch history is not kept: like a restarted apiserver's watch cache, resuming a watch from
// a version before the restart answers 410 Expired, and clients relist.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServingCertificates } from './certificates';
import type { ClusterState } from './clusterState';
import { isCrdType } from './crdTypes';
import type { KubeObject } from './objects';

interface SavedState {
  format: 1;
  resourceVersion: number;
  nextServiceIp: number;
  objects: KubeObject[];
}

export interface SavedIdentity extends ServingCertificates {
  adminToken: string;
  /** Tokens generated for users that were given none, by user name. */
  userTokens: Record<string, string>;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function writeAtomically(path: string, data: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  // 0600: identity.json holds the CA key and bearer tokens.
  await writeFile(temp, JSON.stringify(data), { mode: 0o600 });
  await rename(temp, path);
}

export function loadIdentity(dir: string): Promise<SavedIdentity | undefined> {
  return readJson<SavedIdentity>(join(dir, 'identity.json'));
}

export async function saveIdentity(dir: string, identity: SavedIdentity): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeAtomically(join(dir, 'identity.json'), identity);
}

/**
 * Loads saved objects into an empty ClusterState; false when there is nothing saved.
 * CRDs go first and `serveCrds` runs before the rest, so custom resources find their types.
 */
export async function loadState(dir: string, state: ClusterState, serveCrds: () => void): Promise<boolean> {
  const saved = await readJson<SavedState>(join(dir, 'state.json'));
  if (!saved) return false;
  const crdType = state.registry.require('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
  const isCrd = (o: KubeObject): boolean => isCrdType({ group: (o.apiVersion ?? '').split('/')[0] ?? '', kind: o.kind ?? '' });
  for (const crd of saved.objects.filter(isCrd)) state.store.restore(crdType, crd);
  serveCrds();
  for (const object of saved.objects.filter((o) => !isCrd(o))) {
    const type = state.registry.findKind(object.apiVersion ?? '', object.kind ?? '');
    if (!type) {
      process.stderr.write(`apiserver: state.json: skipping ${object.apiVersion ?? ''} ${object.kind ?? ''} ${object.metadata.name ?? ''}: kind not served\n`);
      continue;
    }
    state.store.restore(type, object);
  }
  state.store.resumeAt(saved.resourceVersion);
  state.nextServiceIp = saved.nextServiceIp;
  return true;
}

/** Saves the state a short while after each change (and on flush), one write at a time. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(private readonly dir: string, private readonly state: ClusterState, private readonly debounceMs = 100) {
    this.unsubscribe = state.store.subscribe(() => this.schedule());
  }

  /** Writes now (waiting for a write under way); resolves when state.json is on disk. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot: SavedState = {
      format: 1,
      resourceVersion: this.state.store.currentResourceVersion,
      nextServiceIp: this.state.nextServiceIp,
      objects: this.state.store.allObjects(),
    };
    // A failed write must not stop the ones after it.
    this.writing = this.writing.catch(() => undefined).then(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeAtomically(join(this.dir, 'state.json'), snapshot);
    });
    return this.writing;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.flush();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => process.stderr.write(`apiserver: saving state failed: ${String(error)}\n`));
    }, this.debounceMs);
  }
}
