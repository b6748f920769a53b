import { appendFile, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AuditLog, AuditRecord } from '../core/sync/audit';

/** `$XDG_STATE_HOME/driftline/audit.jsonl`, else `~/.local/state/driftline/audit.jsonl`. */
export function auditFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const state = env['XDG_STATE_HOME'] && env['XDG_STATE_HOME'] !== '' ? env['XDG_STATE_HOME'] : join(homedir(), '.local', 'state');
  return join(state, 'driftline', 'audit.jsonl');
}

/** One JSON object per line, appended (O_APPEND), so concurrent runs never interleave records. */
export class JsonLinesAuditLog implements AuditLog {
  constructor(readonly path: string) {}

  async append(record: AuditRecord): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o600 });
  }
}
