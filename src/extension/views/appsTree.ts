import * as vscode from 'vscode';
import type { ArgoAppStatus } from '../../core/argo/applicationStatus';
import type { ResourceDiff } from '../../core/diff/types';
import type { DriftController, OverlayState } from '../driftController';
import type { RepoService } from '../repoService';
import type { ArgoStatusService } from '../argoStatus';
import { appEntries, groupEntries, type AppEntry } from '../apps/appEntries';
import { describeRef, refOfDiff } from '../resourceRef';
import { readSettings } from '../settings';
import { coalescedRefresh } from './coalescedRefresh';
import { appDescription, appTooltip, elsewhereCounts, syncCounts } from './appNodeText';

// `overlay` keeps the name commands read from a tree node (Sync, Open Diff Panel, Show Rendered).
type Node =
  | { kind: 'group'; name: string; entries: readonly AppEntry[] }
  | { kind: 'app'; entry: AppEntry; overlay: OverlayState | undefined; app: string | undefined }
  | { kind: 'resource'; overlay: OverlayState; diff: ResourceDiff; argo: ArgoAppStatus | undefined };

/**
 * Apps tree: environment or cluster (`driftline.apps.groupBy`) → app → resources, with sync and
 * health icons. Apps come from the repo model (Argo CD Applications and ApplicationSets);
 * overlays no Application names are listed too, so repos without Argo CD keep their view.
 */
export class AppsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly drift: DriftController, private readonly repo: RepoService, private readonly argo: ArgoStatusService) {
    const refresh = coalescedRefresh(() => this.changed.fire(undefined));
    const fire = (): void => refresh.request();
    this.subscriptions = [
      refresh,
      drift.onDidChange(fire),
      repo.onDidChange(fire),
      argo.onDidChange(fire),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('driftline.apps.groupBy') && fire()),
    ];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const entries = appEntries(this.repo.apps, this.drift.all.map((o) => o.dir), (dir) => vscode.workspace.asRelativePath(dir), this.connectedContext());
      return groupEntries(entries, readSettings().appsGroupBy).map((g) => ({ kind: 'group', name: g.name, entries: g.entries }));
    }
    if (node.kind === 'group') {
      return node.entries.map((entry) => ({ kind: 'app', entry, overlay: entry.dir ? this.drift.overlay(entry.dir) : undefined, app: entry.app?.name }));
    }
    if (node.kind === 'app' && node.overlay && !elsewhereCounts(node.entry, this.connectedContext())) {
      const overlay = node.overlay;
      const argo = this.argo.statusOf(node.entry.app);
      return overlay.diffs.map((diff) => ({ kind: 'resource', overlay, diff, argo }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(readSettings().appsGroupBy === 'cluster' ? 'server-environment' : 'layers');
      item.id = `group:${node.name}`;
      return item;
    }
    if (node.kind === 'app') return this.appItem(node);
    const { diff, overlay, argo } = node;
    const item = new vscode.TreeItem(describeRef(refOfDiff(diff)), vscode.TreeItemCollapsibleState.None);
    item.description = [diff.status, diff.health?.status].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(diff);
    const argoLine = argoResourceLine(argo, diff);
    item.tooltip = [...diff.changes.map((c) => c.path), diff.health?.message, argoLine].filter(Boolean).join('\n') || undefined;
    item.contextValue = `driftline.resource.${diff.status}`;
    item.command = { command: 'driftline.openDiff', title: 'Open Diff', arguments: [{ overlay: overlay.dir, ref: refOfDiff(diff) }] };
    return item;
  }

  private appItem(node: Extract<Node, { kind: 'app' }>): vscode.TreeItem {
    const { entry, overlay } = node;
    const elsewhere = elsewhereCounts(entry, this.connectedContext());
    const counts = elsewhere ?? (overlay ? syncCounts(overlay) : undefined);
    const argo = this.argo.statusOf(entry.app);
    const item = new vscode.TreeItem(entry.name, overlay && overlay.diffs.length > 0 && !elsewhere ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `app:${entry.app ? `${entry.app.namespace ?? 'argocd'}/${entry.name}` : entry.dir ?? entry.name}`;
    item.description = appDescription(entry, counts, argo, readSettings().appsGroupBy);
    // The tooltip (Markdown, which VS Code parses per item) is built on hover: resolveTreeItem.
    item.iconPath = !overlay || elsewhere ? icon('circle-slash', 'descriptionForeground')
      : overlay.errors.length > 0 ? icon('error', 'errorForeground')
        : counts && counts.drifted > 0 ? icon('warning', 'editorWarning.foreground') : icon('pass', 'testing.iconPassed');
    if (entry.dir) item.resourceUri = vscode.Uri.file(entry.dir);
    item.contextValue = overlay ? 'driftline.app' : 'driftline.app.unrendered';
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind !== 'app') return item;
    const { entry, overlay } = node;
    const localChanges = overlay?.diffs.reduce((n, d) => n + d.changes.length, 0);
    item.tooltip = new vscode.MarkdownString(appTooltip(entry, overlay, this.argo.summaryOf(entry.app, localChanges), (dir) => vscode.workspace.asRelativePath(dir)));
    return item;
  }

  private connectedContext(): string | undefined {
    return this.drift.connection.kind === 'connected' ? this.drift.connection.context : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function argoResourceLine(argo: ArgoAppStatus | undefined, diff: ResourceDiff): string | undefined {
  const r = argo?.resources.find((x) => x.kind === diff.kind && x.name === diff.name && (x.namespace || undefined) === (diff.namespace || undefined) && x.group === diff.group);
  return r ? `Argo CD: ${r.status}${r.health ? ` · ${r.health}` : ''}` : undefined;
}

function icon(id: string, color: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

function statusIcon(diff: ResourceDiff): vscode.ThemeIcon {
  if (diff.status === 'OutOfSync') return icon('diff-modified', 'editorWarning.foreground');
  if (diff.status === 'Missing') return icon('diff-removed', 'errorForeground');
  if (diff.status === 'Extra') return icon('diff-added', 'charts.purple');
  if (diff.health?.status === 'Degraded') return icon('heart', 'errorForeground');
  if (diff.health?.status === 'Progressing') return new vscode.ThemeIcon('sync~spin');
  return icon('pass', 'testing.iconPassed');
}
