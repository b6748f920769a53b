// Helpers for the cluster cache integration tests: a TCP proxy that cuts connections on
// demand (resets, outages — real network faults, whatever the emulator can inject), and
// a kubeconfig that points at it. TLS passes through untouched.
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ApiServer } from '../apiserver/server';
import type { Clock, Logger, Scheduler } from '../../src/core/ports';

export class ChaosProxy {
  private readonly sockets = new Set<Socket>();
  private down = false;
  private frozen = false;
  /** Connections that went silent: kept open, never forwarded again, like a peer behind a dead NAT entry. */
  private readonly dead = new Set<Socket>();
  private server: Server | undefined;
  port = 0;

  constructor(private readonly upstreamPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.down) return void client.resetAndDestroy();
      if (this.frozen) return this.bury(client);
      const upstream = connect(this.upstreamPort, '127.0.0.1');
      for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** RST on every open connection: mid-list, mid-watch, wherever they are. */
  resetAll(): number {
    const n = this.sockets.size;
    for (const s of [...this.sockets]) s.resetAndDestroy();
    return n;
  }

  /** Half-open: every connection, open or new, stays up but carries nothing until `freeze(false)`. */
  freeze(frozen: boolean): void {
    this.frozen = frozen;
    if (frozen) for (const s of [...this.sockets]) this.bury(s);
  }

  private bury(socket: Socket): void {
    this.sockets.delete(socket);
    socket.unpipe();
    socket.pause();
    socket.removeAllListeners('close');
    socket.on('error', () => undefined);
    this.dead.add(socket);
  }

  /** While down, new connections are reset at once (a server that went away). */
  setDown(down: boolean): void {
    this.down = down;
    if (down) this.resetAll();
  }

  async close(): Promise<void> {
    this.resetAll();
    for (const s of this.dead) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The emulator's kubeconfig, rewritten to reach it through `port`. */
export async function kubeconfigVia(server: ApiServer, port: number, path: string): Promise<string> {
  const original = await readFile(server.kubeconfigPath, 'utf8');
  await writeFile(path, original.replace(server.url, `https://127.0.0.1:${port}`), { mode: 0o600 });
  return path;
}

export const realTime: Clock & Scheduler = {
  now: () => new Date(),
  schedule(callback, ms) {
    const t = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(t) };
  },
};

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns true or the deadline passes; returns whether it did. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return check();
}

// The load run's messages between the main thread (cache) and its worker (server + writer).
export type WorkerCommand = { type: 'seed'; count: number } | { type: 'write'; perSecond: number; seconds: number } | { type: 'snapshot' } | { type: 'close' };
export type WorkerReply =
  | { type: 'ready'; kubeconfigPath: string }
  | { type: 'seeded'; ms: number }
  | { type: 'written'; writes: number; finishedAt: number; last: { name: string; resourceVersion: string } }
  | { type: 'snapshot'; versions: Array<[string, string]> }
  | { type: 'closed' };

export const loadNamespace = 'load';
