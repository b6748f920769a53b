import * as vscode from 'vscode';
import type { CommitInfo } from '../../core/git/gitPort';
import { isWithin, relative } from '../../core/paths';
import { GitRepository } from '../../node/gitRepository';
import type { DriftController, OverlayState } from '../driftController';

/** A commit in the History view: what the rollback command receives from its context menu. */
export interface HistoryCommit {
  readonly overlay: string;
  readonly commit: CommitInfo;
}

/**
 * History view: the commits that touched the selected app's inputs (its overlay,
 * bases, components, patch files), newest first. Follows the active editor's app.
 */
export class HistoryTree implements vscode.TreeDataProvider<HistoryCommit>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private selected: OverlayState | undefined;

  constructor(private readonly drift: DriftController) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidSaveTextDocument(() => this.changed.fire(undefined)),
      drift.onDidChange(() => this.follow()),
    ];
  }

  /** Shows the history of `overlay` (from the Apps tree), or of the active editor's app. */
  show(overlay?: OverlayState): void {
    this.selected = overlay;
    this.changed.fire(undefined);
  }

  private follow(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const [overlay] = uri?.scheme === 'file' ? this.drift.overlaysUsing(uri.fsPath) : [];
    if (overlay && overlay.dir !== this.selected?.dir) this.show(overlay);
  }

  async getChildren(element?: HistoryCommit): Promise<HistoryCommit[]> {
    if (element) return [];
    const overlay = this.selected;
    if (!overlay) return [];
    const git = await GitRepository.open(overlay.dir);
    if (!git) return [];
    const paths = [...overlay.inputs].filter((p) => isWithin(git.root, p)).map((p) => relative(git.root, p));
    const commits = await git.log(paths.length > 0 ? paths : [relative(git.root, overlay.dir)], 100);
    return commits.map((commit) => ({ overlay: overlay.dir, commit }));
  }

  getTreeItem(element: HistoryCommit): vscode.TreeItem {
    const { commit } = element;
    const item = new vscode.TreeItem(commit.subject);
    item.description = `${commit.hash.slice(0, 7)} · ${commit.author.replace(/ <.*>$/, '')} · ${new Date(commit.date).toLocaleString()}`;
    item.tooltip = new vscode.MarkdownString(`**${commit.subject}**\n\n${commit.hash}\n\n${commit.author}, ${commit.date}\n\nRight-click to roll ${vscode.workspace.asRelativePath(element.overlay)} back to this commit, or to compare its rendered output with HEAD.`);
    item.iconPath = new vscode.ThemeIcon('git-commit');
    item.contextValue = 'driftline.commit';
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
