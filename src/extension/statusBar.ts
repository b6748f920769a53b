import * as vscode from 'vscode';
import type { DriftController } from './driftController';

/** One status bar entry: connection and how many resources drifted. */
export class DriftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('driftline.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly drift: DriftController) {
    this.item.name = 'Driftline';
    this.item.command = 'driftline.showLog';
    this.subscription = drift.onDidChange(() => this.update());
  }

  update(): void {
    const connection = this.drift.connection;
    if (connection.kind === 'idle') return;
    if (connection.kind === 'disconnected') {
      this.item.text = '$(debug-disconnect) Driftline';
      this.item.tooltip = `Not connected: ${connection.reason}. Hints are stale.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const diffs = this.drift.all.flatMap((o) => o.diffs);
      const count = (status: string): number => diffs.filter((d) => d.status === status).length;
      const parts = [[count('OutOfSync'), 'drifted'], [count('Missing'), 'missing'], [count('Extra'), 'extra']].filter(([n]) => Number(n) > 0).map(([n, label]) => `${n} ${label}`);
      this.item.text = parts.length > 0 ? `$(warning) ${parts.join(' · ')}` : '$(check) In sync';
      this.item.tooltip = `Driftline: comparing with context ${connection.context}`;
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
