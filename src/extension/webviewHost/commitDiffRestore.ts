import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import { parsePersistedState } from '../../shared/diffPanelProtocol';
import { GitRepository } from '../../node/gitRepository';
import { loadCommitComparison } from '../commands/diffCommitsCommand';
import { openCommitDiffPanel } from './commitDiffPanel';
import { parseCommitPanelIdentity } from './commitPanelIdentity';

/**
 * Brings a two-commit diff panel back after a window reload: the webview persisted which app
 * and which two commits; both are rendered again from git objects. When that is no longer
 * possible (the repository or a commit is gone), the panel closes with a message saying why,
 * rather than staying blank.
 */
export class CommitDiffRestorer implements vscode.WebviewPanelSerializer {
  constructor(private readonly extensionUri: vscode.Uri, private readonly logger: Logger) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const identity = parseCommitPanelIdentity(parsePersistedState(state)?.overlay ?? '');
    if (!identity) {
      panel.dispose();
      return;
    }
    const git = await GitRepository.open(identity.dir);
    const compared = git ? await loadCommitComparison(git, identity) : { ok: false as const, error: `${identity.dir} is no longer in a Git repository` };
    if (!compared.ok) {
      panel.dispose();
      void vscode.window.showWarningMessage(`Driftline: could not reopen the comparison of ${identity.left.slice(0, 7)} and ${identity.right.slice(0, 7)}: ${compared.error}`);
      return;
    }
    openCommitDiffPanel(compared.value, identity, this.extensionUri, this.logger, panel);
  }
}
