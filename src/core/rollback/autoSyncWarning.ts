// Rolling back by applying an old render leaves Git unchanged: with Argo CD auto-sync on,
// the controller re-applies Git's HEAD within minutes (argo-cd#9570, #5351). Say so.

/** `revert`: how the caller's user reverts in Git (the CLI's flag, the editor's menu choice). */
export function autoSyncWarning(autoSync: boolean | undefined, app: string, revert = '--mode revert'): string | undefined {
  if (autoSync !== true) return undefined;
  return `Argo CD auto-sync is on for ${app}: it will re-apply Git's HEAD and undo this rollback. Turn auto-sync off first, or roll back with ${revert} (a Git commit auto-sync agrees with).`;
}
