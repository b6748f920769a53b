import * as vscode from 'vscode';
import { scopeId, type ScopeStatus } from '../../core/cluster/connectionState';
import type { DriftController } from '../driftController';
import { readSettings } from '../settings';
import { loadKubeConfigContexts, type ContextSummary } from '../../node/kubeContexts';

type Node = { kind: 'context'; context: ContextSummary; active: boolean } | { kind: 'scope'; status: ScopeStatus } | { kind: 'error'; message: string };

/** Clusters view: the kubeconfig's contexts, the one in use, and the state of each watch Driftline keeps. */
export class ClustersTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  /** What the tree last showed of the connection: most drift changes (keystrokes) leave it as it was. */
  private shown = '';

  constructor(private readonly drift: DriftController) {
    this.subscriptions = [
      drift.onDidChange(() => this.connectionSignature() !== this.shown && this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('driftline') && this.changed.fire(undefined)),
    ];
  }

  private connectionSignature(): string {
    const status = this.drift.clusterStatus();
    const scopes = (status?.scopes ?? []).map((s) => `${scopeId(s.scope)}=${s.state}:${s.lastError?.message ?? ''}`);
    return JSON.stringify([this.drift.connection.kind, status?.context, status?.state, scopes]);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      this.shown = this.connectionSignature();
      const settings = readSettings();
      try {
        return loadKubeConfigContexts(settings.kubeconfig).map((context) => ({ kind: 'context', context, active: settings.context ? context.name === settings.context : context.current }));
      } catch (e) {
        return [{ kind: 'error', message: e instanceof Error ? e.message : String(e) }];
      }
    }
    if (node.kind === 'context' && node.active) return (this.drift.clusterStatus()?.scopes ?? []).map((status) => ({ kind: 'scope', status }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'error') {
      const item = new vscode.TreeItem(`No kubeconfig: ${node.message}`);
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      return item;
    }
    if (node.kind === 'context') {
      const item = new vscode.TreeItem(node.context.name, node.active ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      const state = node.active ? (this.drift.clusterStatus()?.state ?? (this.drift.connection.kind === 'disconnected' ? 'offline' : 'connecting')) : undefined;
      item.description = [node.context.cluster, state].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.active ? (state === 'connected' ? 'vm-running' : 'vm-outline') : 'vm');
      item.contextValue = node.active ? 'driftline.context.active' : 'driftline.context';
      item.command = node.active ? undefined : { command: 'driftline.selectContext', title: 'Select Context' };
      return item;
    }
    const { scope, state, lastError, namespaces } = node.status;
    const item = new vscode.TreeItem(`${scope.kind} (${scope.apiVersion})`);
    const where = scope.namespace ?? (namespaces !== undefined ? `${namespaces} namespaces, one watch` : 'all namespaces');
    item.description = `${where} · ${state}`;
    item.tooltip = lastError ? `${lastError.message}` : undefined;
    item.iconPath = new vscode.ThemeIcon(state === 'connected' ? 'pass' : state === 'reconnecting' || state === 'connecting' ? 'sync' : 'warning');
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
