import { describeConflict } from '../core/sync/applyConflict';
import type { DryRunResult, HookPrediction, Prediction, PrunePrediction } from '../core/sync/dryRun';
import type { StepResult } from '../core/sync/executeSync';
import { refLabel } from '../core/sync/objectRef';
import type { ObjectChange } from '../core/sync/objectChanges';
import type { HookStep, PlanStep, SyncPlan } from '../core/sync/syncPlan';
import type { HealthOutcome } from '../core/sync/waitForHealth';

// Plain text for sync and rollback: the dry run's prediction, what happened, and health.
// Values come from objectChanges, which masks Secrets; long values are shortened.

const pad = (s: string, n: number): string => (s.length >= n ? `${s} ` : s.padEnd(n));

function value(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function formatChanges(changes: readonly ObjectChange[], indent: string, limit = 8): string {
  const lines = changes.slice(0, limit).map((c) => `${indent}${c.path}: ${value(c.before)} → ${value(c.after)}\n`);
  if (changes.length > limit) lines.push(`${indent}… and ${changes.length - limit} more fields\n`);
  return lines.join('');
}

function predictionLine(p: Prediction): string {
  const label = refLabel(p.step.ref) + (p.step.origin === 'CreateNamespace' ? ' (CreateNamespace=true)' : '');
  switch (p.outcome) {
    case 'create':
      return `    ${pad('create', 11)}${label}\n`;
    case 'change':
      return `    ${pad('update', 11)}${label}\n${formatChanges(p.changes, '        ')}`;
    case 'unchanged':
      return `    ${pad('unchanged', 11)}${label}\n`;
    case 'skipped':
      return `    ${pad(p.step.action, 11)}${label} (not dry-run: ${p.message ?? ''})\n`;
    case 'conflict':
      return `    ${pad('conflict', 11)}${label}: fields owned by ${p.conflict ? describeConflict(p.conflict) : p.message}\n`;
    case 'error':
      return `    ${pad('rejected', 11)}${label}: ${p.step.ref.kind === 'Secret' ? '(server message withheld for Secrets)' : (p.message ?? '')}\n`;
  }
}

function waveHeader(step: PlanStep): string {
  return step.phase === 'Sync' ? `  wave ${step.runWave}\n` : `  ${step.phase} wave ${step.runWave}\n`;
}

function hookLine(h: HookStep, prediction?: HookPrediction): string {
  if (prediction?.outcome === 'error') return `    ${pad('rejected', 11)}${refLabel(h.ref)} (${h.phase} hook): ${h.ref.kind === 'Secret' ? '(server message withheld for Secrets)' : (prediction.message ?? '')}\n`;
  const policy = h.deletePolicies.join(',');
  const how = h.live ? (h.deletePolicies.includes('BeforeHookCreation') ? 'replaces the one on the cluster' : 'exists; not created again') : 'create and wait for completion';
  return `    ${pad('hook', 11)}${refLabel(h.ref)} (${h.phase}: ${how}; delete policy ${policy})\n`;
}

function pruneLine(p: PrunePrediction): string {
  const why = p.step.pruneLast ? ' (PruneLast)' : p.step.runWave !== p.step.wave ? ` (annotated wave ${p.step.wave}: deleted in reverse wave order)` : '';
  return `    ${pad(p.outcome === 'error' ? 'rejected' : 'prune', 11)}${refLabel(p.step.ref)}${why}${p.message ? `: ${p.message}` : ''}\n`;
}

/** The plan in the order it runs: each phase and wave, its prunes first, then its hooks and applies. */
export function formatPreview(plan: SyncPlan, dryRun: DryRunResult): string {
  let out = 'server-side dry run:\n';
  const predictions = new Map<PlanStep, Prediction>(dryRun.predictions.map((p) => [p.step, p]));
  const prunes = new Map<PlanStep, PrunePrediction>(dryRun.prunes.map((p) => [p.step, p]));
  const hooks = new Map<PlanStep, HookPrediction>(dryRun.hooks.map((p) => [p.step, p]));
  let previous: PlanStep | undefined;
  for (const step of plan.sequence) {
    if (!previous || previous.phase !== step.phase || previous.runWave !== step.runWave) out += waveHeader(step);
    previous = step;
    const prediction = predictions.get(step);
    const prune = prunes.get(step);
    if (step.action === 'hook') out += hookLine(step, hooks.get(step));
    else if (prediction) out += predictionLine(prediction);
    else if (prune) out += pruneLine(prune);
  }
  if (plan.syncFail.length > 0) out += `  SyncFail (only if the sync fails)\n${plan.syncFail.map((h) => hookLine(h, hooks.get(h))).join('')}`;
  for (const u of plan.unpruned) out += `  ${pad('not pruned', 13)}${refLabel(u.ref)} (no longer in Git; pass --prune to delete it)\n`;
  for (const h of plan.hooks.filter((n) => n.notRun.length > 0)) out += `  ${pad('not run', 13)}${refLabel(h.ref)} (${h.notRun.join(',')}: not a phase a sync runs)\n`;
  if (plan.sequence.length === 0) out += '  nothing to apply\n';
  return out;
}

export function formatStep(s: StepResult): string {
  const label = s.action === 'hook' ? `${refLabel(s.ref)} [${s.phase} hook]` : refLabel(s.ref);
  switch (s.status) {
    case 'applied':
    case 'pruned':
      return `${pad(s.status, 14)}${label}${s.message ? ` (${s.message})` : ''}\n`;
    case 'forced':
      return `${pad('forced', 14)}${label} (took fields from ${s.conflict ? describeConflict(s.conflict) : '?'})\n`;
    case 'conflict':
      return `${pad('conflict', 14)}${label}: fields owned by ${s.conflict ? describeConflict(s.conflict) : ''}; not forced\n`;
    case 'failed':
      return `${pad('failed', 14)}${label}: ${s.ref.kind === 'Secret' ? '(server message withheld for Secrets)' : (s.message ?? '')}\n`;
    case 'notAttempted':
      return `${pad('not attempted', 14)}${label}\n`;
    case 'cancelled':
      return `${pad('cancelled', 14)}${label}\n`;
  }
}

export function formatHealth(outcomes: readonly HealthOutcome[]): string {
  if (outcomes.length === 0) return '';
  return `health:\n${outcomes.map((h) => `  ${pad(h.status === 'None' ? 'applied' : h.status, 12)}${refLabel(h.ref)}${h.message ? `: ${h.message}` : ''}\n`).join('')}`;
}
