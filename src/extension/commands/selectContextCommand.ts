import * as vscode from 'vscode';
import { loadKubeConfigContexts } from '../../node/kubeContexts';
import { readSettings } from '../settings';

/** `Driftline: Select Context` — which kubeconfig context Driftline compares against (saved in the workspace). */
export async function selectContextCommand(): Promise<void> {
  const settings = readSettings();
  let contexts: { name: string; cluster: string; current: boolean }[];
  try {
    contexts = loadKubeConfigContexts(settings.kubeconfig);
  } catch (e) {
    void vscode.window.showErrorMessage(`Driftline: cannot read the kubeconfig: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const items = contexts.map((c) => ({
    label: c.name,
    description: c.cluster,
    detail: c.name === settings.context || (!settings.context && c.current) ? '$(check) in use' : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Driftline: Select Context', placeHolder: 'Compare the workspace with which cluster?' });
  if (!picked) return;
  await vscode.workspace.getConfiguration('driftline').update('context', picked.label, vscode.ConfigurationTarget.Workspace);
}
