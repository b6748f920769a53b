// Starts a real VS Code (code-server 4.100.3, installed by scripts/installCodeServer.sh) in a
// throw-away sandbox, so tests never touch the developer's HOME, settings or extensions.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const artifactsDir = join(repoRoot, 'artifacts', 'e2e');
const toolsDir = join(repoRoot, '.tools', 'code-server');
const codeServerBin = join(toolsDir, 'node_modules', '.bin', 'code-server');

/** Folders and environment shared by code-server and the browser that talks to it. */
export interface Sandbox {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** HOME, XDG_* and TMPDIR pointing into `root`: both programs write dot-folders there. */
  readonly env: NodeJS.ProcessEnv;
}

export interface CodeServerOptions {
  /** Workspace folder to open (absolute). */
  folder: string;
  /** Extra user settings, e.g. `{ 'driftline.kubeconfig': path }`. */
  settings?: Record<string, unknown>;
  /** Extra environment variables for code-server (and so the extension host). */
  env?: Record<string, string>;
  /** .vsix files installed into the fresh extensions dir before start. */
  extensions?: string[];
  /** Name used for the log file under artifacts/e2e/. */
  name?: string;
  startTimeoutMs?: number;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly sandbox: Sandbox;
  /** code-server's stdout/stderr, under artifacts/e2e/. */
  readonly logPath: string;
  /** Where stop() copies VS Code's own logs (extension host, output channels) before cleanup. */
  readonly logsDir: string;
  /** Workbench URL for a folder; `payload` is the web workbench's way to pass CLI-like args. */
  workbenchUrl(options?: { folder?: string; payload?: Array<[string, string]> }): string;
  /** `vscode-remote://` URI for a path on this server (used in payload arguments). */
  remoteUri(absolutePath: string): string;
  /** Kills the whole process group (server, extension host, pty host, watchers), removes the sandbox. */
  stop(): Promise<void>;
}

const defaultSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

export function assertCodeServerInstalled(): void {
  if (!existsSync(codeServerBin) || !existsSync(join(toolsDir, '.installed-4.100.3'))) {
    throw new Error(`code-server is not installed in ${toolsDir}; run scripts/installCodeServer.sh first`);
  }
}

export async function createSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'driftline-e2e-'));
  const dirs = ['home', 'config', 'data', 'cache', 'tmp', 'user-data/User', 'extensions'];
  await Promise.all(dirs.map((dir) => mkdir(join(root, dir), { recursive: true })));
  const env: NodeJS.ProcessEnv = {};
  // Inherit PATH & co., but not a surrounding VS Code's IPC variables, which would redirect the CLI.
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VSCODE_') && !key.startsWith('ELECTRON_')) env[key] = value;
  }
  Object.assign(env, {
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CACHE_HOME: join(root, 'cache'),
    TMPDIR: join(root, 'tmp'),
  });
  return { root, userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions'), env };
}

/** Installs a .vsix the way a user would, via `code-server --install-extension`. */
export async function installExtension(sandbox: Sandbox, vsixPath: string): Promise<void> {
  assertCodeServerInstalled();
  if (!existsSync(vsixPath)) throw new Error(`no such .vsix: ${vsixPath} (run npm run package)`);
  const args = ['--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir,
    '--install-extension', vsixPath, '--force'];
  const { stdout, stderr } = await execFileAsync(codeServerBin, args, { env: sandbox.env, timeout: 120_000 });
  if (!/successfully installed/i.test(stdout + stderr)) {
    throw new Error(`installing ${vsixPath} failed:\n${stdout}\n${stderr}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();
  const sandbox = await createSandbox();
  await writeFile(join(sandbox.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...defaultSettings, ...options.settings }, null, 2));
  for (const vsix of options.extensions ?? []) await installExtension(sandbox, vsix);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  mkdirSync(artifactsDir, { recursive: true });
  const name = options.name ?? 'code-server';
  const logPath = join(artifactsDir, `${name}.log`);
  const logsDir = join(artifactsDir, `${name}-logs`);
  await rm(logsDir, { recursive: true, force: true });
  const log = createWriteStream(logPath);
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', options.folder];
  // detached = setsid: code-server and everything it forks share one process group to kill.
  const child = spawn(codeServerBin, args, {
    detached: true,
    env: { ...sandbox.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);

  const stop = async (): Promise<void> => {
    await killGroup(child);
    await closeStream(log);
    // Output channels (e.g. the extension's LogOutputChannel) live here: keep them for diagnosis.
    await cp(join(sandbox.userDataDir, 'logs'), logsDir, { recursive: true }).catch(() => undefined);
    await rm(sandbox.root, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    await waitForHealthz(origin, child, logPath, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    origin,
    sandbox,
    logPath,
    logsDir,
    workbenchUrl: ({ folder = options.folder, payload } = {}) => {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`,
    stop,
  };
}

async function waitForHealthz(origin: string, child: ChildProcess, logPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => { exited = `code ${code ?? 'none'}, signal ${signal ?? 'none'}`; });
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early (${exited}); log:\n${tail(logPath)}`);
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await delay(100);
  }
  throw new Error(`code-server at ${origin} not healthy after ${timeoutMs} ms (${lastError}); log:\n${tail(logPath)}`);
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // Extension host / watcher children may outlive the parent for a moment: make sure.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Group already gone.
  }
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((done) => stream.end(() => done()));
}

function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
