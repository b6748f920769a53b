// What a two-commit diff panel compares, as the webview persists it (its `overlay` identity):
// the app's directory and both commits as full hashes, so a restored panel renders the same
// two commits even after HEAD has moved. Pure, unit-tested.

export interface CommitPanelIdentity {
  readonly dir: string;
  /** The left side (HEAD when the panel opened), a full commit hash. */
  readonly left: string;
  readonly right: string;
}

const prefix = 'driftline-commits:';
const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{40}$/.test(value);

export function commitPanelIdentity(identity: CommitPanelIdentity): string {
  return `${prefix}${JSON.stringify({ dir: identity.dir, left: identity.left, right: identity.right })}`;
}

/** The comparison a persisted identity names; undefined for anything else (another panel's state, a tampered value). */
export function parseCommitPanelIdentity(text: string): CommitPanelIdentity | undefined {
  if (!text.startsWith(prefix)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { dir, left, right } = value as Record<string, unknown>;
  return typeof dir === 'string' && dir.length > 0 && isHash(left) && isHash(right) ? { dir, left, right } : undefined;
}
