// The diff panel's messages, one discriminated union per direction (keyed on `type`).
// Imported by the extension host and by the webview bundle, so it stays free of
// `vscode`, Node and core imports: plain data and plain guards only.

/** Git against live; or, comparing two commits' renders, what going from the left one to the right one does. */
export type RowStatus = 'Synced' | 'OutOfSync' | 'Missing' | 'Extra' | 'Added' | 'Removed' | 'Changed' | 'Unchanged';
export type RowHealth = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type ResourceFilter = 'outOfSync' | 'all';

/** One resource of the app, as the list shows it. `key` identifies it in every message. */
export interface ResourceRow {
  readonly key: string;
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly status: RowStatus;
  readonly health: { readonly status: RowHealth; readonly message: string } | undefined;
  /** Paths of the drifted fields (kubectl style), for the row's tooltip. */
  readonly changedPaths: readonly string[];
}

export interface PanelSnapshot {
  /** The overlay directory, relative to the workspace, for the header. */
  readonly title: string;
  readonly context: string | undefined;
  /** Live values may be out of date (no connection, watch interrupted). */
  readonly stale: boolean;
  readonly resources: readonly ResourceRow[];
  /** Render failures: the list is empty then, and this says why. */
  readonly errors: readonly string[];
  /**
   * Set when the panel compares two renders of the app (two commits) instead of Git with
   * live: the side labels, left (the diff's original) then right. Nothing can be synced then.
   */
  readonly compare?: { readonly left: string; readonly right: string };
}

export type HostMessage =
  | { readonly type: 'snapshot'; readonly snapshot: PanelSnapshot }
  /** Desired (Git) and live YAML of one resource, normalised, Secrets masked; comparing commits, left and right. */
  | { readonly type: 'diff'; readonly key: string; readonly desired: string; readonly live: string }
  /** Asks the webview to select a resource (the panel was opened on it). */
  | { readonly type: 'focus'; readonly key: string }
  | { readonly type: 'busy'; readonly busy: boolean };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'select'; readonly key: string }
  | { readonly type: 'refresh' }
  | { readonly type: 'syncAll' }
  | { readonly type: 'syncSelected'; readonly keys: readonly string[] }
  | { readonly type: 'openNativeDiff'; readonly key: string };

/** What the webview keeps with `setState`, and the serializer gets back after a reload. */
export interface PersistedState {
  readonly overlay: string;
  readonly selected: string | undefined;
  readonly filter: ResourceFilter;
}

const maxKeyLength = 1024;
const maxKeys = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxKeyLength;
}

function hasOnly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((k) => keys.includes(k));
}

/**
 * The host's gate for everything the webview posts: a webview is a browser page, so
 * its messages are input, not trusted calls. Unknown types and extra fields are refused.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value) || typeof value['type'] !== 'string') return undefined;
  switch (value['type']) {
    case 'ready':
    case 'refresh':
    case 'syncAll':
      return hasOnly(value, ['type']) ? { type: value['type'] } : undefined;
    case 'select':
    case 'openNativeDiff': {
      const key = value['key'];
      return hasOnly(value, ['type', 'key']) && isKey(key) ? { type: value['type'], key } : undefined;
    }
    case 'syncSelected': {
      const keys = value['keys'];
      if (!hasOnly(value, ['type', 'keys']) || !Array.isArray(keys) || keys.length === 0 || keys.length > maxKeys) return undefined;
      return keys.every(isKey) ? { type: 'syncSelected', keys: [...keys] } : undefined;
    }
    default:
      return undefined;
  }
}

/** The serializer's check on state a previous session left behind (it may be from an older version). */
export function parsePersistedState(value: unknown): PersistedState | undefined {
  if (!isRecord(value)) return undefined;
  const { overlay, selected, filter } = value;
  if (typeof overlay !== 'string' || overlay.length === 0) return undefined;
  return {
    overlay,
    selected: isKey(selected) ? selected : undefined,
    filter: filter === 'all' ? 'all' : 'outOfSync',
  };
}
