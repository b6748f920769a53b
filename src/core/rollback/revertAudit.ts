import type { RevertPlan, RevertResult } from './revertInGit';
import type { AuditRecord } from '../sync/audit';

/** The audit record of a revert in Git: no cluster involved, so no context; the files it restored and the commit it made. */
export function revertAudit(app: string, to: string, plan: RevertPlan, result: RevertResult, who: AuditRecord['who'], durationMs: number, when: Date): AuditRecord {
  return {
    action: 'rollback',
    who,
    when: when.toISOString(),
    context: '',
    server: '',
    app,
    revision: to,
    rollback: { mode: 'revert', to, ...(result.ok ? { commit: result.commit } : {}), files: plan.files.map((f) => f.path) },
    plan: { create: 0, update: 0, unchanged: 0, prune: 0, hooks: 0 },
    result: { outcome: result.ok ? 'committed' : result.reason, applied: [], pruned: [], failed: [], notAttempted: [], durationMs },
  };
}
