// A 409 from server-side apply names who owns the fields Driftline wanted to set. The
// adapter passes the Status message through; its format is structured-merge-diff's
// (kube-apiserver and the emulator both write it), so the core reads it here.

export interface ConflictingManager {
  readonly manager: string;
  /** `.spec.template.spec.containers[name="api"].image`, as the server spells them. */
  readonly fields: readonly string[];
}

export interface ApplyConflict {
  readonly managers: readonly ConflictingManager[];
  /** The server's own words, for anything the parse missed. */
  readonly message: string;
}

const header = /conflicts? with "((?:[^"\\]|\\.)*)"(?: with subresource "[^"]*")?(?: using [^:\s]+)?:(.*)$/;

/** The conflict a failed apply reports, or undefined when the failure is something else. */
export function parseApplyConflict(error: unknown): ApplyConflict | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : String(error);
  if (code !== 409 || !/Apply failed with \d+ conflicts?/.test(message)) return undefined;
  const byManager = new Map<string, string[]>();
  let current: string[] | undefined;
  // One manager per header; its fields follow on the same line or as "- field" lines.
  for (const segment of message.split(/\n|(?=conflicts? with ")/)) {
    const line = segment.trim();
    const h = header.exec(line);
    if (h) {
      const manager = (h[1] ?? '').replace(/\\"/g, '"');
      current = byManager.get(manager) ?? [];
      byManager.set(manager, current);
      const rest = (h[2] ?? '').trim();
      if (rest !== '') current.push(rest);
    } else if (line.startsWith('- ') && current) current.push(line.slice(2).trim());
  }
  return { managers: [...byManager].map(([manager, fields]) => ({ manager, fields })), message };
}

/** "kubectl-set (.spec.replicas, .spec.template…image)", for the confirmation question. */
export function describeConflict(conflict: ApplyConflict): string {
  if (conflict.managers.length === 0) return conflict.message;
  return conflict.managers.map((m) => `${m.manager} (${m.fields.join(', ')})`).join('; ');
}
