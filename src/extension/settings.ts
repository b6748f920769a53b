import * as vscode from 'vscode';

export interface DriftlineSettings {
  readonly kubeconfig: string;
  readonly context: string;
  readonly debounceMs: number;
}

export function readSettings(): DriftlineSettings {
  const c = vscode.workspace.getConfiguration('driftline');
  return {
    kubeconfig: c.get<string>('kubeconfig', ''),
    context: c.get<string>('context', ''),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 150)),
  };
}
