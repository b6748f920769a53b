import * as vscode from 'vscode';
import type { DriftController } from './driftController';
import type { ArgoStatusService } from './argoStatus';
import type { RepoService } from './repoService';
import type { ResourceDiff, SyncStatus } from '../core/diff/types';

/** Where the status bar finds what Argo CD thinks of the active editor's app. */
export interface ArgoSource {
  readonly repo: RepoService;
  readonly argo: ArgoStatusService;
}

/** One status bar entry: connection and how many resources drifted. */
export class DriftStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('driftline.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly drift: DriftController, private readonly apps?: ArgoSource) {
    this.item.name = 'Driftline';
    this.item.command = { command: 'driftline.selectContext', title: 'Select Context' };
    this.subscription = vscode.Disposable.from(
      drift.onDidChange(() => this.update()),
      ...(apps ? [apps.argo.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())] : []),
    );
  }

  update(): void {
    const connection = this.drift.connection;
    if (connection.kind === 'idle') return;
    if (connection.kind === 'disconnected') {
      this.item.text = '$(debug-disconnect) Driftline: no cluster';
      this.item.tooltip = `Not connected: ${connection.reason}. Hints are stale. Click to select a context.`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const count = (status: DriftStatus): number => this.drift.all.reduce((n, o) => n + countsOf(o.diffs)[status], 0);
      const parts = [[count('OutOfSync'), 'OutOfSync'], [count('Missing'), 'Missing'], [count('Extra'), 'Extra']].filter(([n]) => Number(n) > 0).map(([n, label]) => `${n} ${label}`);
      const stale = this.drift.stale ? ' $(history) stale' : '';
      this.item.text = `⎈ ${connection.context} · ${parts.length > 0 ? parts.join(' · ') : 'in sync'}${stale}`;
      this.item.tooltip = [`Driftline compares the workspace with context ${connection.context}. Click to switch context.`, ...this.argoLines()].join('\n');
      this.item.backgroundColor = parts.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  /** "guestbook-production — Argo CD: OutOfSync at abc1234 · … · your working copy changes 2 more fields", for the active editor's app(s). */
  private argoLines(): string[] {
    const file = vscode.window.activeTextEditor?.document.uri;
    if (!this.apps || file?.scheme !== 'file') return [];
    const lines: string[] = [];
    for (const overlay of this.drift.overlaysUsing(file.fsPath)) {
      const changes = overlay.diffs.reduce((n, d) => n + d.changes.length, 0);
      for (const app of this.apps.repo.appsFor(overlay.dir)) {
        const summary = this.apps.argo.summaryOf(app, changes);
        if (summary) lines.push(`${app.name} — ${summary}`);
      }
    }
    return lines;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

type DriftStatus = Exclude<SyncStatus, 'Synced'>;

/** Counted once per diff array: a keystroke re-diffs one overlay, not the hundreds the total sums. */
const counted = new WeakMap<readonly ResourceDiff[], Record<DriftStatus, number>>();

function countsOf(diffs: readonly ResourceDiff[]): Record<DriftStatus, number> {
  let counts = counted.get(diffs);
  if (!counts) {
    counts = { OutOfSync: 0, Missing: 0, Extra: 0 };
    for (const { status } of diffs) if (status !== 'Synced') counts[status]++;
    counted.set(diffs, counts);
  }
  return counts;
}
