import * as vscode from 'vscode';
import type { KubeObject, Logger } from '../../core/ports';
import { renderAtCommit } from '../../core/rollback/appInputs';
import { readApplicationStatus } from '../../core/argo/applicationStatus';
import { historyEntryForCommit } from '../../core/argo/rollback';
import { autoSyncWarning } from '../../core/rollback/autoSyncWarning';
import { revertAudit } from '../../core/rollback/revertAudit';
import { executeRevert, planRevert } from '../../core/rollback/revertInGit';
import { diffCommits } from '../../core/rollback/renderedDiff';
import { refLabel } from '../../core/sync/objectRef';
import type { GitRepository } from '../../node/gitRepository';
import { JsonLinesAuditLog } from '../../node/jsonLinesAuditLog';
import type { DriftController, OverlayState } from '../driftController';
import { appNameOf } from '../appName';
import { runEditorSync } from '../syncSession';
import { offerAutoSyncOffBeforeApply, rollBackThroughArgo } from './argoRollback';
import { resolveCommitTarget } from './commitTarget';
import { rollbackChoices } from './rollbackChoices';
import { rollbackCluster, tellRefusal } from './rollbackCluster';
import { showCommitComparison } from './diffCommitsCommand';

/**
 * `Driftline: Rollback…` — from a commit in the History view, the Timeline or the
 * Source Control graph (or the palette, which asks): (a) revert the app's files in
 * Git, the GitOps way, (b) apply the app as rendered at that commit to the cluster,
 * straight from git objects, or, for an Argo CD app on the connected cluster, (c) Argo
 * CD's own rollback to the history entry that deployed that commit; or first preview the
 * rendered change in the diff panel. Never touches uncommitted work; never a cluster other
 * than the app's destination (the context guard).
 */
export async function rollbackCommand(drift: DriftController, logger: Logger, auditPath: string, args: readonly unknown[] = [], extensionUri?: vscode.Uri): Promise<void> {
  await drift.start();
  const resolved = await resolveCommitTarget(drift, args, 'Driftline: Rollback', 'Roll back to which commit?');
  if (!resolved) return;
  const { overlay, git, target } = resolved;
  const appName = appNameOf(vscode.workspace.asRelativePath(overlay.dir));
  const changes = await diffCommits(git, overlay.dir, 'HEAD', target.hash);
  const changed = changes.ok ? changes.value.filter((c) => c.status !== 'unchanged') : [];
  const summary = changes.ok ? (changed.length === 0 ? 'The rendered output is identical.' : `Rendered output HEAD → ${target.hash.slice(0, 7)}: ${changed.map((c) => `${refLabel(c.ref)} ${c.status}`).join(', ')}.`) : changes.error;
  const cluster = await rollbackCluster(drift.client, overlay.dir);
  const argo = cluster.kind === 'argo' ? cluster : undefined;
  const status = argo ? readApplicationStatus(argo.application) : undefined;
  const entry = status ? historyEntryForCommit(status.history, target.hash) : undefined;
  const short = target.hash.slice(0, 7);
  const choices = rollbackChoices({ short, canPreview: extensionUri !== undefined, ...(argo && status ? { argo: { appName: argo.app.name, status, entry } } : {}) });
  const mode = await vscode.window.showQuickPick(choices, { title: `Driftline: roll ${appName} back to ${short} "${target.subject}"`, placeHolder: summary });
  if (!mode) return;
  if (mode.mode === 'preview' && extensionUri) return showCommitComparison(resolved, extensionUri, logger);
  if (mode.mode === 'revert') return revert(git, overlay, target.hash, appName, summary, logger, auditPath);
  if (cluster.kind === 'disconnected' || cluster.kind === 'refused') return tellRefusal(cluster);
  if (mode.mode === 'argo') {
    if (!argo || !entry) {
      void vscode.window.showErrorMessage(`Driftline: Argo CD has no deployment of ${short} in the history of ${argo?.app.name ?? appName}; nothing was requested.`);
      return;
    }
    await rollBackThroughArgo({ cluster: argo, entry, commit: target, dir: overlay.dir, auditPath, logger });
    await drift.refresh();
    return;
  }
  const warning = argo && status ? autoSyncWarning(status.automated, argo.app.name, 'Revert in Git') : undefined;
  const autoSync = argo && warning ? await offerAutoSyncOffBeforeApply(argo, warning, logger) : 'left-on';
  if (autoSync === 'cancelled') return;
  const { kube } = cluster;
  const { rendered } = await renderAtCommit(git, overlay.dir, target.hash);
  if (!rendered.ok) {
    void vscode.window.showErrorMessage(`Driftline: the app does not render at ${short}: ${rendered.error[0]?.message ?? ''}`);
    return;
  }
  const desired = rendered.value.resources.map((r) => r.object as unknown as KubeObject);
  const namespaces = [...new Set(desired.map((o) => o.metadata.namespace).filter((n): n is string => typeof n === 'string'))];
  await runEditorSync(
    {
      kube,
      desired,
      trackingId: overlay.trackingId,
      target: { appName: cluster.app?.name ?? appName, context: kube.contextName, namespaces },
      notes: [`Rolling back to ${short} "${target.subject}". ${summary}`, argo ? `Git is not changed: Argo CD manages ${argo.app.name} and shows it OutOfSync until Git agrees.` : 'Git is not changed: if Argo CD auto-sync manages this app, it will put HEAD back.'],
      dir: overlay.dir,
      audit: { action: 'rollback', revision: target.hash, rollback: { mode: 'apply', to: target.hash, ...(autoSync === 'turned-off' ? { autoSyncTurnedOff: true } : {}) } },
    },
    logger,
    auditPath,
  );
  await drift.refresh();
}

async function revert(git: GitRepository, overlay: OverlayState, to: string, appName: string, summary: string, logger: Logger, auditPath: string): Promise<void> {
  const started = Date.now();
  const plan = await planRevert(git, overlay.dir, overlay.trackingId, to);
  if (!plan.ok) {
    void vscode.window.showErrorMessage(`Driftline: ${plan.error}`);
    return;
  }
  if (plan.value.files.length === 0) {
    void vscode.window.showInformationMessage(`Driftline: ${appName}'s files are already as they were at ${to.slice(0, 7)}; nothing to roll back.`);
    return;
  }
  const detail = [summary, `Files: ${plan.value.files.map((f) => `${f.path} (${f.change})`).join(', ')}.`, `Commit message: ${plan.value.message.split('\n')[0]}`].join('\n');
  const choice = await vscode.window.showWarningMessage(`Revert ${appName} in Git to ${to.slice(0, 7)}?`, { modal: true, detail }, 'Commit Revert', 'Commit and Push');
  if (!choice) return;
  const result = await executeRevert(git, plan.value, { push: choice === 'Commit and Push' });
  const record = revertAudit(overlay.trackingId, to, plan.value, result, await git.identity(), Date.now() - started, new Date());
  logger.info(`audit: ${JSON.stringify(record)}`);
  await new JsonLinesAuditLog(auditPath).append(record).catch((e: unknown) => logger.warn(`could not write the audit record: ${String(e)}`));
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Driftline: rollback not done — ${result.message}`);
    return;
  }
  logger.info(`rollback of ${overlay.trackingId} to ${to}: committed ${result.commit}${result.pushed ? ', pushed' : ''}`);
  void vscode.window.showInformationMessage(`Driftline: committed ${result.commit.slice(0, 7)} restoring ${appName} to ${to.slice(0, 7)}${result.pushed ? ' and pushed it' : result.pushError ? ` (push failed: ${result.pushError})` : ''}.`);
}
