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
}

export function readSettings(): DriftlineSettings {
  const c = vscode.workspace.getConfiguration('driftline');
  return {
    kubeconfig: c.get<string>('kubeconfig', ''),
    context: c.get<string>('context', ''),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 150)),
    ignoreDifferences: ignoreRulesFrom(c.get<unknown[]>('ignoreDifferences', [])),
    protectedTargets: c.get<string[]>('protectedTargets', ['prod']).filter((p) => typeof p === 'string'),
    serverSideDiff: c.get<string[]>('serverSideDiff', []).filter((p) => typeof p === 'string'),
  };
}
