import { groupByWave } from './planSequence';
import { refLabel } from './objectRef';
import type { PlanStep, SyncPlan } from './syncPlan';

// The order a plan runs in, one line per phase and wave, for a confirmation's short detail
// (the CLI prints the full dry run instead): "wave -1: prune Deployment/shop/web, create …".

function stepText(step: PlanStep): string {
  if (step.action === 'hook') return `run hook ${refLabel(step.ref)}`;
  if (step.action === 'prune') return `prune ${refLabel(step.ref)}${step.pruneLast ? ' (PruneLast)' : ''}`;
  return `${step.action} ${refLabel(step.ref)}`;
}

/** Empty for a plan with one Sync wave and no hooks or prunes: there is no order worth telling then. */
export function planOutline(plan: SyncPlan, maxPerWave = 4): string[] {
  const groups = groupByWave(plan.sequence);
  const simple = groups.length <= 1 && plan.syncFail.length === 0 && !plan.sequence.some((s) => s.action !== 'create' && s.action !== 'update');
  if (simple) return [];
  const lines = groups.map((group) => {
    const head = group[0] as PlanStep;
    const shown = group.slice(0, maxPerWave).map(stepText);
    const more = group.length > maxPerWave ? `, and ${group.length - maxPerWave} more` : '';
    return `${head.phase === 'Sync' ? '' : `${head.phase} `}wave ${head.runWave}: ${shown.join(', ')}${more}`;
  });
  if (plan.syncFail.length > 0) lines.push(`only if the sync fails: ${plan.syncFail.map(stepText).join(', ')}`);
  return lines;
}
