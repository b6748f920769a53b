import type { AuditRecord } from '../sync/audit';
import type { OperationOutcome, ResourceResult } from './followOperation';

// The audit record's plan and result for an operation Argo CD's controller carried out: what
// its syncResult says per resource. Argo CD's messages are the controller's words about a
// resource, but a Secret's may quote a rejected value, so those are withheld.

const label = (r: ResourceResult): string => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

export function operationAudit(outcome: OperationOutcome, durationMs: number): Pick<AuditRecord, 'plan' | 'result'> {
  const done = (r: ResourceResult): boolean => r.status === 'Synced' || r.status === 'Pruned';
  return {
    plan: { create: 0, update: outcome.resources.filter((r) => r.status !== 'Pruned').length, unchanged: 0, prune: outcome.resources.filter((r) => r.status === 'Pruned').length, hooks: 0 },
    result: {
      outcome: outcome.phase === 'Succeeded' ? 'succeeded' : 'failed',
      applied: outcome.resources.filter((r) => r.status === 'Synced').map(label),
      pruned: outcome.resources.filter((r) => r.status === 'Pruned').map(label),
      failed: outcome.resources.filter((r) => !done(r)).map((r) => ({ resource: label(r), message: r.kind === 'Secret' ? 'failed (message withheld for Secrets)' : (r.message ?? r.status) })),
      notAttempted: [],
      durationMs,
    },
  };
}
