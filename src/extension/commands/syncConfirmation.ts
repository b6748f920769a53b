import * as vscode from 'vscode';

export interface SyncTarget {
  readonly appName: string;
  readonly context: string;
  readonly namespaces: readonly string[];
}

/** Patterns from `driftline.protectedTargets` that this target matches (context, namespace or app name). */
export function protectedMatches(target: SyncTarget, patterns: readonly string[]): string[] {
  const names = [target.context, target.appName, ...target.namespaces].map((n) => n.toLowerCase());
  return patterns.filter((p) => p !== '' && names.some((n) => n.includes(p.toLowerCase())));
}

/**
 * Touching a cluster is destructive, so Sync asks once in a modal that names the
 * context; a protected target (production, by default) also asks the user to
 * type the app's name, so a reflex click cannot sync it.
 */
export async function confirmSync(target: SyncTarget, detail: string, patterns: readonly string[]): Promise<boolean> {
  const matched = protectedMatches(target, patterns);
  const action = matched.length > 0 ? 'Continue…' : 'Sync';
  const question = `Sync ${target.appName} to context "${target.context}"?`;
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, action);
  if (choice !== action) return false;
  if (matched.length === 0) return true;
  const typed = await vscode.window.showInputBox({
    title: `Driftline: ${target.appName} is a protected target (matches "${matched.join('", "')}")`,
    prompt: `Type ${target.appName} to sync it to ${target.context}`,
    placeHolder: target.appName,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' || value === target.appName ? undefined : `Type exactly ${target.appName}`),
  });
  return typed === target.appName;
}
