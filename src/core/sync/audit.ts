import type { StepResult } from './executeSync';
import { refLabel } from './objectRef';
import type { SyncReport } from './syncApp';

// One JSON line per sync or rollback: who, when, where, what was planned and what happened.
// Only names, counts and messages: a Secret's values never get here, and server messages
// about Secrets are withheld, since a validation error can quote the value it rejects.

export interface AuditRecord {
  readonly action: 'sync' | 'rollback';
  /** The git identity (user.name / user.email) of whoever ran it. */
  readonly who: { readonly name: string | undefined; readonly email: string | undefined };
  /** ISO 8601. */
  readonly when: string;
  readonly context: string;
  readonly server: string;
  /** The app: its tracking id (the overlay's path inside its repository). */
  readonly app: string;
  /** The commit the desired state came from (HEAD for a sync, the target for a rollback). */
  readonly revision: string | undefined;
  /**
   * For rollbacks: the mode, the target commit, (revert) the new commit and the files it restored,
   * and whether the Argo CD Application's automated sync was removed for it: a cluster write of
   * its own, recorded even when the rollback is then declined.
   */
  readonly rollback?: { readonly mode: 'revert' | 'apply' | 'argo'; readonly to: string; readonly commit?: string; readonly files?: readonly string[]; readonly autoSyncTurnedOff?: boolean };
  readonly plan: { readonly create: number; readonly update: number; readonly unchanged: number; readonly prune: number; readonly hooks: number };
  readonly result: {
    readonly outcome: string;
    readonly applied: readonly string[];
    readonly pruned: readonly string[];
    readonly failed: readonly { readonly resource: string; readonly message: string }[];
    readonly notAttempted: readonly string[];
    readonly durationMs: number;
  };
}

/** Where records go: a JSON-lines file for the CLI, the extension's storage for the editor. */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
}

const safeMessage = (s: StepResult): string => (s.ref.kind === 'Secret' ? 'failed (server message withheld for Secrets)' : (s.message ?? s.status));

export function auditPlan(report: Pick<SyncReport, 'plan' | 'dryRun'>): AuditRecord['plan'] {
  const outcomes = report.dryRun.predictions.map((p) => p.outcome);
  return {
    create: report.plan.applies.filter((a) => a.action === 'create').length,
    update: outcomes.filter((o) => o === 'change' || o === 'conflict').length,
    unchanged: outcomes.filter((o) => o === 'unchanged').length,
    prune: report.plan.prunes.length,
    hooks: report.plan.hooks.length,
  };
}

export function auditResult(report: SyncReport, durationMs: number): AuditRecord['result'] {
  if (report.steps.length === 0) {
    // Nothing was attempted: the dry run failed, or nobody confirmed.
    const rejected = report.dryRun.predictions.filter((p) => p.outcome === 'error');
    return {
      outcome: report.outcome, applied: [], pruned: [],
      failed: rejected.map((p) => ({ resource: refLabel(p.step.ref), message: p.step.ref.kind === 'Secret' ? 'rejected by the dry run (message withheld for Secrets)' : `dry run: ${p.message ?? ''}` })),
      notAttempted: [...report.plan.applies, ...report.plan.prunes].map((s) => refLabel(s.ref)),
      durationMs,
    };
  }
  const labels = (pick: (s: StepResult) => boolean): string[] => report.steps.filter(pick).map((s) => refLabel(s.ref));
  return {
    outcome: report.outcome,
    applied: labels((s) => s.status === 'applied' || s.status === 'forced'),
    pruned: labels((s) => s.status === 'pruned'),
    failed: report.steps.filter((s) => s.status === 'failed' || s.status === 'conflict').map((s) => ({ resource: refLabel(s.ref), message: safeMessage(s) })),
    notAttempted: labels((s) => s.status === 'notAttempted' || s.status === 'cancelled'),
    durationMs,
  };
}

export interface AuditSubject {
  readonly action: AuditRecord['action'];
  readonly revision: string | undefined;
  readonly rollback?: AuditRecord['rollback'];
  readonly who: AuditRecord['who'];
  readonly context: string;
  readonly server: string;
  readonly app: string;
}

/** The record for one finished sync or rollback; the CLI and the editor write the same thing. */
export function auditRecord(subject: AuditSubject, report: SyncReport, durationMs: number, when: Date): AuditRecord {
  return { ...subject, when: when.toISOString(), plan: auditPlan(report), result: auditResult(report, durationMs) };
}
