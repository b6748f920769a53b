import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import { parseWebviewMessage, type HostMessage } from '../../shared/diffPanelProtocol';
import { comparisonSnapshot, comparisonTexts, type CommitComparison } from './commitComparison';
import { diffPanelHtml } from './diffPanelHtml';
import { diffPanelOptions } from './diffPanel';
import { commitPanelIdentity, type CommitPanelIdentity } from './commitPanelIdentity';

// The diff panel comparing two renders of one app (two commits): "what would this rollback
// change?". The same webview as Git-against-live, with its own view type: nothing to sync, no
// cluster. After a reload it renders the same two commits again (commitDiffRestore.ts).

export const commitDiffViewType = 'driftline.commitDiff';

/** Opens the comparison in a new panel, or in `restored` (a panel VS Code brings back after a reload). */
export function openCommitDiffPanel(comparison: CommitComparison, identity: CommitPanelIdentity, extensionUri: vscode.Uri, logger: Logger, restored?: vscode.WebviewPanel): vscode.WebviewPanel {
  const title = `Rendered: ${comparison.app} ${comparison.left.label} ↔ ${comparison.right.label}`;
  const panel = restored ?? vscode.window.createWebviewPanel(commitDiffViewType, title, vscode.ViewColumn.Active, diffPanelOptions(extensionUri));
  panel.title = title;
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'driftline.svg');
  panel.webview.options = diffPanelOptions(extensionUri);
  panel.webview.html = diffPanelHtml(panel.webview, extensionUri, commitPanelIdentity(identity));
  const post = (message: HostMessage): Thenable<boolean> => panel.webview.postMessage(message);
  const subscription = panel.webview.onDidReceiveMessage((raw: unknown) => {
    const message = parseWebviewMessage(raw);
    if (message?.type === 'ready') {
      void post({ type: 'snapshot', snapshot: comparisonSnapshot(comparison) });
    } else if (message?.type === 'select') {
      const texts = comparisonTexts(comparison, message.key);
      if (texts) void post({ type: 'diff', key: message.key, desired: texts.left, live: texts.right });
    } else {
      // Sync and refresh have no meaning between two commits; the page hides them, so this is not the page.
      logger.warn(`commit diff panel: ignored ${JSON.stringify(raw)?.slice(0, 200)}`);
    }
  });
  panel.onDidDispose(() => subscription.dispose());
  return panel;
}
