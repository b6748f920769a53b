import * as vscode from 'vscode';
import type { ResourceDiff } from '../../core/diff/types';
import type { DriftController, OverlayState } from '../driftController';
import { describeRef, refOfDiff } from '../resourceRef';
import { environmentOf } from './environment';
import { appNameOf } from '../appName';

type Node = { kind: 'environment'; name: string } | { kind: 'app'; overlay: OverlayState } | { kind: 'resource'; overlay: OverlayState; diff: ResourceDiff };

/** Apps tree: environment → app (overlay) → resources, with sync and health icons. */
export class AppsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly drift: DriftController) {
    this.subscription = drift.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    const apps = this.drift.all;
    if (!node) {
      const environments = [...new Set(apps.map((o) => environmentOf(vscode.workspace.asRelativePath(o.dir))))].sort();
      return environments.map((name) => ({ kind: 'environment', name }));
    }
    if (node.kind === 'environment') {
      return apps.filter((o) => environmentOf(vscode.workspace.asRelativePath(o.dir)) === node.name).map((overlay) => ({ kind: 'app', overlay }));
    }
    if (node.kind === 'app') return node.overlay.diffs.map((diff) => ({ kind: 'resource', overlay: node.overlay, diff }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'environment') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('layers');
      return item;
    }
    if (node.kind === 'app') {
      const relativeDir = vscode.workspace.asRelativePath(node.overlay.dir);
      const item = new vscode.TreeItem(appNameOf(relativeDir), vscode.TreeItemCollapsibleState.Collapsed);
      const drifted = node.overlay.diffs.filter((d) => d.status !== 'Synced');
      item.description = node.overlay.errors.length > 0 ? 'does not render' : drifted.length > 0 ? `${drifted.length} out of sync` : 'in sync';
      item.iconPath = node.overlay.errors.length > 0 ? icon('error', 'errorForeground') : drifted.length > 0 ? icon('warning', 'editorWarning.foreground') : icon('pass', 'testing.iconPassed');
      item.resourceUri = vscode.Uri.file(node.overlay.dir);
      item.contextValue = 'driftline.app';
      item.tooltip = [relativeDir, ...node.overlay.errors.map((e) => e.message)].join('\n');
      return item;
    }
    const { diff, overlay } = node;
    const item = new vscode.TreeItem(describeRef(refOfDiff(diff)), vscode.TreeItemCollapsibleState.None);
    item.description = [diff.status, diff.health?.status].filter(Boolean).join(' · ');
    item.iconPath = statusIcon(diff);
    item.tooltip = diff.changes.map((c) => c.path).join('\n') || diff.health?.message || undefined;
    item.contextValue = `driftline.resource.${diff.status}`;
    item.command = { command: 'driftline.openDiff', title: 'Open Diff', arguments: [{ overlay: overlay.dir, ref: refOfDiff(diff) }] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
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
