import * as vscode from 'vscode';
import type { KubeObject, Logger } from '../core/ports';
import { auditRecord } from '../core/sync/audit';
import { describeConflict } from '../core/sync/applyConflict';
import { refLabel } from '../core/sync/objectRef';
import { syncApp, type SyncReport } from '../core/sync/syncApp';
import type { LiveReader } from '../core/sync/syncPlan';
import type { KubeClient } from '../node/kubeClient';
import { GitRepository } from '../node/gitRepository';
import { JsonLinesAuditLog } from '../node/jsonLinesAuditLog';
import { confirmSync, type SyncTarget } from './commands/syncConfirmation';
import { readSettings } from './settings';
import { appNameOf } from './appName';
import { previewDetail } from './syncPreviewDetail';

export interface SyncRequest {
  readonly kube: KubeClient;
  readonly desired: readonly KubeObject[];
  readonly trackingId: string;
  readonly target: SyncTarget;
  /** Extra lines for the confirmation (unsaved files left out, …). */
  readonly notes: readonly string[];
  readonly dir: string;
  readonly audit: { readonly action: 'sync' | 'rollback'; readonly revision: string | undefined; readonly rollback?: { readonly mode: 'revert' | 'apply'; readonly to: string; readonly autoSyncTurnedOff?: boolean } };
}

/**
 * The editor side of the one sync flow: plan → server-side dry run → a modal
 * confirmation showing the prediction (typed confirmation for protected targets)
 * → apply by wave, asking before taking over another manager's fields → health,
 * with progress and cancellation → a per-resource result and an audit record.
 */
export async function runEditorSync(request: SyncRequest, logger: Logger, auditPath: string): Promise<SyncReport | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Driftline: this workspace is not trusted; cluster writes are disabled. Trust the workspace to sync.');
    return undefined;
  }
  const { kube } = request;
  const live: LiveReader = { get: (ref) => kube.get(ref), list: async (...scope) => (await kube.list(...scope)).items };
  const started = Date.now();
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Driftline: ${request.audit.action} ${request.target.appName} → ${kube.contextName}`, cancellable: true },
    (progress, token) => {
      progress.report({ message: 'planning and dry-running on the server…' });
      return syncApp(kube, live, request.desired, {
        trackingId: request.trackingId,
        signal: { get aborted() { return token.isCancellationRequested; } },
        confirmApply: (preview) => confirmSync(request.target, previewDetail(preview, request.notes), readSettings().protectedTargets),
        confirmForce: async (step, conflict) => {
          const choice = await vscode.window.showWarningMessage(
            `${refLabel(step.ref)}: fields owned by ${describeConflict(conflict)}.`,
            { modal: true, detail: 'Someone changed these fields on the cluster. Overwrite them with the values from Git? Their manager loses ownership of those fields.' },
            'Overwrite',
          );
          return choice === 'Overwrite';
        },
        onStep: (s) => progress.report({ message: `${s.status} ${refLabel(s.ref)}` }),
      });
    },
  );
  // Declined, nothing was written; unless auto-sync was turned off for it, which the record must show.
  if (report.outcome === 'declined' && !request.audit.rollback?.autoSyncTurnedOff) return report;
  await writeAudit(request, report, Date.now() - started, auditPath, logger);
  if (report.outcome === 'declined') return report;
  announce(request, report, logger);
  return report;
}

function announce(request: SyncRequest, report: SyncReport, logger: Logger): void {
  const applied = report.steps.filter((s) => s.status === 'applied' || s.status === 'forced').length;
  const failed = report.steps.filter((s) => s.status === 'failed' || s.status === 'conflict');
  const notAttempted = report.steps.filter((s) => s.status === 'notAttempted' || s.status === 'cancelled').length;
  const where = `${request.target.appName} → ${request.kube.contextName}`;
  logger.info(`${request.audit.action} ${where}: ${report.outcome}; ${report.steps.map((s) => `${refLabel(s.ref)} ${s.status}${s.message ? ` (${s.message})` : ''}`).join('; ')}`);
  switch (report.outcome) {
    case 'succeeded':
      void vscode.window.showInformationMessage(`Driftline: ${request.audit.action} of ${where} succeeded: ${applied} applied, all healthy.`);
      return;
    case 'previewed':
      return;
    case 'timedOut':
    case 'degraded':
      void vscode.window.showWarningMessage(`Driftline: ${where} applied (${applied}) but not healthy: ${report.health.filter((h) => h.status !== 'Healthy').map((h) => `${refLabel(h.ref)} ${h.status}`).join(', ')}.`);
      return;
    default: {
      const first = failed[0];
      const reason = first ? `${refLabel(first.ref)}: ${first.conflict ? `conflict with ${describeConflict(first.conflict)} (not overwritten)` : (first.message ?? first.status)}` : report.outcome;
      void vscode.window.showErrorMessage(`Driftline: ${request.audit.action} of ${where} ${report.outcome}. ${reason}. Applied ${applied}, not attempted ${notAttempted}.`);
    }
  }
}

async function writeAudit(request: SyncRequest, report: SyncReport, durationMs: number, auditPath: string, logger: Logger): Promise<void> {
  const repo = await GitRepository.open(request.dir);
  const who = repo ? await repo.identity() : { name: undefined, email: undefined };
  const record = auditRecord({ ...request.audit, who, context: request.kube.contextName, server: request.kube.server, app: request.trackingId }, report, durationMs, new Date());
  logger.info(`audit: ${JSON.stringify(record)}`);
  await new JsonLinesAuditLog(auditPath).append(record).catch((e: unknown) => logger.warn(`could not write the audit record to ${auditPath}: ${String(e)}`));
}

/**
 * The request for syncing `desired` (all or some of an overlay's objects, as saved on
 * disk): the app (`appName`, default the overlay's path name), its namespaces, the commit,
 * and a note about unsaved edits left out.
 */
export async function overlaySyncRequest(overlay: { readonly dir: string; readonly trackingId: string; readonly inputs: ReadonlySet<string> }, kube: KubeClient, desired: readonly KubeObject[], notes: readonly string[] = [], appName?: string): Promise<SyncRequest> {
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && overlay.inputs.has(d.uri.fsPath));
  const namespaces = [...new Set(desired.map((o) => o.metadata.namespace).filter((n): n is string => typeof n === 'string'))];
  const repo = await GitRepository.open(overlay.dir);
  return {
    kube,
    desired,
    trackingId: overlay.trackingId,
    // An Argo CD app goes by its Application's name; a plain overlay by its path.
    target: { appName: appName ?? appNameOf(vscode.workspace.asRelativePath(overlay.dir)), context: kube.contextName, namespaces },
    notes: [...notes, ...(unsaved.length > 0 ? [`Unsaved changes are NOT included: ${unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}.`] : [])],
    dir: overlay.dir,
    audit: { action: 'sync', revision: (await repo?.commitInfo('HEAD'))?.hash },
  };
}
