import { refLabel } from '../core/sync/objectRef';
import { planOutline } from '../core/sync/planOutline';
import type { SyncPreview } from '../core/sync/syncApp';

// The sync confirmation's detail: the server's dry run in numbers, what changes, and, when the
// plan has hooks, prunes or several waves, the order it runs in (one line per phase and wave).
// No vscode here, so it is unit-tested.

export function previewDetail(preview: SyncPreview, notes: readonly string[]): string {
  const count = (outcome: string): number => preview.dryRun.predictions.filter((p) => p.outcome === outcome).length;
  const creates = preview.plan.applies.filter((a) => a.action === 'create').length;
  const outline = planOutline(preview.plan);
  const lines = [
    `Server dry run: ${creates} to create, ${count('change')} to change, ${count('unchanged')} unchanged, ${preview.plan.prunes.length} to prune.`,
    ...preview.dryRun.predictions.filter((p) => p.outcome === 'change' || p.outcome === 'conflict').slice(0, 8).map((p) => `• ${refLabel(p.step.ref)}: ${p.outcome}${p.message ? ` (${p.message})` : ''}`),
    ...(outline.length > 0 ? ['Runs in this order:', ...outline.map((line) => `↳ ${line}`)] : []),
    'Applied with field manager "driftline"; fields another manager owns are only taken over after you confirm.',
    ...notes,
  ];
  return lines.join('\n');
}
