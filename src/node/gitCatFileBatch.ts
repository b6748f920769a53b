import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

// Blobs by object id from one `git cat-file --batch` process instead of one git process per
// file: rendering an app at a commit reads dozens of files, and each process start costs
// milliseconds. The process closes itself once idle, so nothing lingers or holds the event loop.

interface Pending {
  readonly oid: string;
  readonly resolve: (bytes: Buffer | undefined) => void;
  readonly reject: (error: Error) => void;
}

export class GitCatFileBatch {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffered = Buffer.alloc(0);
  private readonly queue: Pending[] = [];
  private idleTimer: NodeJS.Timeout | undefined;

  /** `cwd`: inside the repository; `idleMs`: how long an unused process stays. */
  constructor(
    private readonly cwd: string,
    private readonly idleMs = 250,
  ) {}

  /** The object's bytes, or undefined when the repository lacks it. */
  read(oid: string): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
      clearTimeout(this.idleTimer);
      const child = this.process();
      this.queue.push({ oid, resolve, reject });
      child.stdin.write(`${oid}\n`);
    });
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.buffered = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.drain();
    });
    const fail = (error: Error): void => {
      // A process closed when idle ends after its successor may have started: not its queue.
      if (this.child !== child) return;
      this.child = undefined;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    child.on('error', fail);
    child.on('close', (code) => fail(new Error(`git cat-file --batch exited (${String(code)})`)));
    return child;
  }

  /** Answers are `<oid> <type> <size>\n<bytes>\n` or `<oid> missing\n`, in request order. */
  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      const newline = this.buffered.indexOf(10);
      if (!pending || newline < 0) break;
      const header = this.buffered.subarray(0, newline).toString('utf8');
      const parts = header.split(' ');
      if (parts[1] === 'missing' || parts.length < 3) {
        this.buffered = this.buffered.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(parts[2]);
      const end = newline + 1 + size;
      if (this.buffered.length < end + 1) break;
      const bytes = Buffer.from(this.buffered.subarray(newline + 1, end));
      this.buffered = this.buffered.subarray(end + 1);
      this.queue.shift();
      pending.resolve(bytes);
    }
    if (this.queue.length === 0) this.scheduleClose();
  }

  private scheduleClose(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.idleMs);
    this.idleTimer.unref();
  }

  /** Ends the process; a later read starts a new one. */
  close(): void {
    clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = undefined;
    child?.stdin.end();
  }
}
