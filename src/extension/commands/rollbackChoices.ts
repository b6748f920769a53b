import { shortRevision, type ArgoAppStatus, type ArgoHistoryEntry } from '../../core/argo/applicationStatus';

// The ways to roll back, as the rollback QuickPick lists them. No vscode here (the items are
// plain QuickPickItems), so which choices appear, and what each says, is unit-tested.

export type RollbackMode = 'revert' | 'apply' | 'argo' | 'preview';

export interface RollbackChoice {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  readonly mode: RollbackMode;
}

export interface RollbackChoiceInput {
  /** The commit's short hash. */
  readonly short: string;
  /** Set when Argo CD manages the app on the connected cluster. */
  readonly argo?: { readonly appName: string; readonly status: ArgoAppStatus; readonly entry: ArgoHistoryEntry | undefined };
  /** The diff panel is available. */
  readonly canPreview: boolean;
}

export function rollbackChoices({ short, argo, canPreview }: RollbackChoiceInput): RollbackChoice[] {
  const autoSync = argo?.status.automated === true;
  const choices: RollbackChoice[] = [
    { label: '$(git-commit) Revert in Git', description: 'recommended', detail: 'A new commit restores this app\'s files (overlay, bases, components) as they were; Git stays the source of truth.', mode: 'revert' },
    {
      label: '$(cloud-upload) Apply the past to the cluster', description: 'emergency',
      detail: autoSync
        ? 'Renders the app at that commit from git objects and syncs it now, around Argo CD: auto-sync is on and will undo it (you can turn it off first).'
        : 'Renders the app at that commit from git objects and syncs it now; Git is not changed, and auto-sync may undo it.',
      mode: 'apply',
    },
  ];
  if (argo) {
    const { entry, status } = argo;
    choices.push({
      label: '$(history) Argo CD rollback', description: entry ? `history ${entry.id}` : 'not in Argo CD\'s history',
      detail: entry
        ? `Argo CD re-syncs ${argo.appName} to ${short}, as it deployed it${entry.deployedAt ? ` on ${entry.deployedAt}` : ''}; Git is not changed${autoSync ? '; Argo CD refuses while auto-sync is on' : ''}.`
        : `Argo CD never deployed ${short} (its history: ${status.history.map((h) => shortRevision(h.revision)).join(', ') || 'empty'}); revert in Git or apply the past instead.`,
      mode: 'argo',
    });
  }
  if (canPreview) choices.push({ label: '$(diff) Preview changes', description: 'changes nothing', detail: 'Opens the rendered output at HEAD and at that commit side by side, resource by resource.', mode: 'preview' });
  return choices;
}
