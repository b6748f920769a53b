import * as vscode from 'vscode';
import type { IgnoreRule } from '../core/diff/ignoreRules';
import { ignoreRulesFrom } from '../core/diff/ignoreRulesFrom';

export interface DriftlineSettings {
  readonly kubeconfig: string;
  readonly context: string;
  readonly debounceMs: number;
  /** Global ignore rules, Argo CD's ignoreDifferences shape. */
  readonly ignoreDifferences: readonly IgnoreRule[];
  /** Substrings of a context, namespace or app name that make Sync ask the user to type the app name. */
  readonly protectedTargets: readonly string[];
  /** Apps (as the Apps view names them) compared through a server-side dry-run apply. */
  readonly serverSideDiff: readonly string[];
  /** Destination server URL or Argo CD cluster name → kubeconfig context. */
  readonly contextMappings: Readonly<Record<string, string>>;
  readonly appsGroupBy: 'environment' | 'cluster';
  /** Who renders overlays in the editor: Driftline's engine, or a `kustomize`/`kubectl` binary. */
  readonly renderer: 'in-process' | 'kustomize' | 'kubectl';
  readonly kustomizePath: string;
  readonly helmPath: string;
  readonly decorationStyle: 'inline' | 'gutter' | 'off';
}

let cached: DriftlineSettings | undefined;
// Registered as this module loads, before any listener of the services: a change is forgotten
// here before anything reacting to the same event reads the settings again. VS Code's own
// configuration data changes with that event too, so the cache is never older than it.
vscode.workspace.onDidChangeConfiguration((e) => {
  if (e.affectsConfiguration('driftline')) cached = undefined;
});

/** The settings, read once per change: hot paths (a keystroke, every tree item) ask for them often. */
export function readSettings(): DriftlineSettings {
  return (cached ??= loadSettings());
}

function loadSettings(): DriftlineSettings {
  const c = vscode.workspace.getConfiguration('driftline');
  return {
    kubeconfig: c.get<string>('kubeconfig', ''),
    context: c.get<string>('context', ''),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 150)),
    ignoreDifferences: ignoreRulesFrom(c.get<unknown[]>('ignoreDifferences', [])),
    protectedTargets: c.get<string[]>('protectedTargets', ['prod']).filter((p) => typeof p === 'string'),
    serverSideDiff: c.get<string[]>('serverSideDiff', []).filter((p) => typeof p === 'string'),
    contextMappings: stringRecord(c.get<unknown>('contextMappings', {})),
    appsGroupBy: c.get<string>('apps.groupBy') === 'cluster' ? 'cluster' : 'environment',
    renderer: oneOf(c.get<string>('renderer'), ['in-process', 'kustomize', 'kubectl'] as const, 'in-process'),
    kustomizePath: c.get<string>('kustomizePath', ''),
    helmPath: c.get<string>('helmPath', ''),
    decorationStyle: oneOf(c.get<string>('decorations.style'), ['inline', 'gutter', 'off'] as const, 'inline'),
  };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** Hand-edited settings may hold anything: keep only string → non-empty string entries. */
function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
