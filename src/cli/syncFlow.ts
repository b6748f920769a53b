import { auditRecord, type AuditRecord } from '../core/sync/audit';
import { describeConflict } from '../core/sync/applyConflict';
import { refLabel } from '../core/sync/objectRef';
import { syncApp, type SyncOutcome, type SyncReport } from '../core/sync/syncApp';
import type { LiveReader, SyncPlanOptions } from '../core/sync/syncPlan';
import type { KubeObject } from '../core/ports';
import type { KubeClient } from '../node/kubeClient';
import { GitRepository } from '../node/gitRepository';
import { auditFilePath, JsonLinesAuditLog } from '../node/jsonLinesAuditLog';
import { formatHealth, formatPreview, formatStep } from './syncText';
import { ExitCode, type Io } from './io';

// The terminal side of the one sync flow, shared by `sync` and `rollback --mode apply`:
// print the dry run, stop unless --yes, apply, report each resource, append the audit record.

export interface SyncFlowOptions {
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  readonly forceConflicts?: boolean;
  readonly timeoutMs: number;
}

export interface SyncFlowTarget {
  readonly kube: KubeClient;
  readonly desired: readonly KubeObject[];
  readonly trackingId: string;
  /** The directory the user named, for messages. */
  readonly dir: string;
  /** Where the desired state came from, and what kind of record to write. */
  readonly audit: Pick<AuditRecord, 'action' | 'revision' | 'rollback'>;
  /** The Argo CD Application's syncOptions (CreateNamespace=true, PruneLast=true…) and destination namespace, for an app. */
  readonly application?: Pick<SyncPlanOptions, 'syncOptions' | 'destinationNamespace'>;
}

const failedOutcomes: ReadonlySet<SyncOutcome> = new Set(['rejected', 'failed', 'conflict', 'degraded', 'timedOut', 'cancelled']);

export async function runSyncFlow(io: Io, target: SyncFlowTarget, options: SyncFlowOptions): Promise<number> {
  const { kube } = target;
  const live: LiveReader = { get: (ref) => kube.get(ref), list: async (...scope) => (await kube.list(...scope)).items };
  const started = Date.now();
  const apply = options.yes === true && options.dryRun !== true;
  io.stdout(`${target.audit.action} plan for ${target.dir} → context "${kube.contextName}" (${kube.server})\n`);
  let printed = false;
  const cancel = new AbortController();
  const onSignal = (): void => cancel.abort();
  process.once('SIGINT', onSignal);
  let report: SyncReport;
  try {
    report = await syncApp(kube, live, target.desired, {
      trackingId: target.trackingId,
      ...target.application,
      revision: target.audit.revision,
      startedAtMs: started,
      prune: options.prune === true,
      previewOnly: !apply,
      forceConflicts: options.forceConflicts === true,
      healthTimeoutMs: options.timeoutMs,
      signal: cancel.signal,
      confirmApply: async (preview) => {
        io.stdout(formatPreview(preview.plan, preview.dryRun));
        printed = true;
        return true;
      },
      confirmForce: (step, conflict) => io.confirm(`${refLabel(step.ref)}: fields owned by ${describeConflict(conflict)}. Take them over (force)?`),
      onStep: (s) => io.stdout(formatStep(s)),
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  if (!printed) io.stdout(formatPreview(report.plan, report.dryRun));
  io.stdout(formatHealth(report.health));
  for (const ref of report.deletedHooks) io.stdout(`${'deleted hook'.padEnd(14)}${refLabel(ref)} (its delete policy)\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!apply) {
    if (report.outcome === 'rejected') {
      io.stderr('driftline: the server rejected the dry run; nothing would be applied\n');
      return ExitCode.Error;
    }
    if (report.dryRun.conflicts.length > 0) io.stderr('driftline: conflicts above need --force-conflicts (or a yes when asked)\n');
    io.stderr(options.dryRun ? 'driftline: dry run, nothing changed\n' : 'driftline: nothing changed; pass --yes to apply this plan\n');
    return ExitCode.Ok;
  }
  await writeAudit(io, target, report, Date.now() - started);
  io.stdout(`${target.audit.action} ${report.outcome} in ${seconds}s\n`);
  if (report.outcome === 'conflict') io.stderr('driftline: not forced; pass --force-conflicts to take the fields over\n');
  return failedOutcomes.has(report.outcome) ? ExitCode.Error : ExitCode.Ok;
}

async function writeAudit(io: Io, target: SyncFlowTarget, report: SyncReport, durationMs: number): Promise<void> {
  const repo = await GitRepository.open(target.dir);
  const who = repo ? await repo.identity() : { name: undefined, email: undefined };
  const record = auditRecord({ ...target.audit, who, context: target.kube.contextName, server: target.kube.server, app: target.trackingId }, report, durationMs, new Date());
  const log = new JsonLinesAuditLog(auditFilePath());
  try {
    await log.append(record);
  } catch (e) {
    io.stderr(`driftline: could not write the audit record to ${log.path}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
