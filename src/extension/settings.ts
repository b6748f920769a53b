import * as vscode from 'vscode';
import type { IgnoreRule } from '../core/diff/ignoreRules';

export interface DriftlineSettings {
  readonly kubeconfig: string;
  readonly context: string;
  readonly debounceMs: number;
  /** Global ignore rules, Argo CD's ignoreDifferences shape. */
  readonly ignoreDifferences: readonly IgnoreRule[];
}

export function readSettings(): DriftlineSettings {
  const c = vscode.workspace.getConfiguration('driftline');
  return {
    kubeconfig: c.get<string>('kubeconfig', ''),
    context: c.get<string>('context', ''),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 150)),
    ignoreDifferences: c.get<IgnoreRule[]>('ignoreDifferences', []).filter((r) => typeof r?.kind === 'string'),
  };
}
