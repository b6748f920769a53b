// The words on an Apps tree app node, without VS Code (unit-tested): its description
// ("production · driftline-demo · 1 out of sync · Argo CD OutOfSync") and its tooltip.
import type { ArgoAppStatus } from '../../core/argo/applicationStatus';
import type { ResourceDiff } from '../../core/diff/types';
import type { Diagnostic } from '../../core/result';
import type { AppEntry, GroupBy } from '../apps/appEntries';

export interface SyncCounts {
  readonly drifted: number;
  readonly text: string;
}

export function syncCounts(overlay: { readonly errors: readonly Diagnostic[]; readonly diffs: readonly ResourceDiff[] }): SyncCounts {
  if (overlay.errors.length > 0) return { drifted: 0, text: 'does not render' };
  const drifted = overlay.diffs.filter((d) => d.status !== 'Synced');
  if (drifted.length === 0) return { drifted: 0, text: 'in sync' };
  const by = (status: string): number => drifted.filter((d) => d.status === status).length;
  const extra = [['Missing', by('Missing')], ['Extra', by('Extra')]].filter(([, n]) => Number(n) > 0).map(([s, n]) => `${n} ${s}`);
  return { drifted: drifted.length, text: [`${drifted.length} out of sync`, ...extra].join(', ') };
}

/**
 * An app deploying to another context than the connected one: its overlay was compared with the
 * wrong cluster, so no counts are shown (Sync would refuse it too, with a way to switch).
 */
export function elsewhereCounts(entry: AppEntry, connected: string | undefined): SyncCounts | undefined {
  const target = entry.app?.context;
  return target && connected && target !== connected ? { drifted: 0, text: `not compared: connected to ${connected}` } : undefined;
}

/** What the group does not already say: the environment under a cluster group, the cluster under an environment group. */
export function appDescription(entry: AppEntry, counts: SyncCounts | undefined, argo: ArgoAppStatus | undefined, groupBy: GroupBy): string {
  const where = groupBy === 'environment' ? [entry.environment, entry.cluster] : [entry.cluster, entry.environment];
  return [...where, counts?.text ?? 'not rendered in the editor', argo ? `Argo CD ${argo.sync}` : undefined].filter(Boolean).join(' · ');
}

export function appTooltip(entry: AppEntry, overlay: { readonly errors: readonly Diagnostic[] } | undefined, argoSummary: string | undefined, relative: (dir: string) => string): string {
  const app = entry.app;
  const lines = [`**${entry.name}**${app ? ` — Argo CD Application (project ${app.project})` : ' — overlay without an Argo CD Application'}`];
  if (entry.dir) lines.push(`Renders \`${relative(entry.dir)}\``);
  if (app) {
    const d = app.destination;
    lines.push(`Destination: ${d.server ?? d.name ?? '?'}${d.namespace ? ` / ${d.namespace}` : ''} → ${app.context ? `context \`${app.context}\`` : `no context (${app.contextNote ?? 'unresolved'})`}`);
    const p = app.syncPolicy;
    lines.push(`Sync policy: ${p.automated ? `automated${p.prune ? ', prune' : ''}${p.selfHeal ? ', self-heal' : ''}` : 'manual'}`);
  } else {
    lines.push(`Compared with the current context (${entry.cluster})`);
  }
  if (argoSummary) lines.push(argoSummary);
  for (const e of overlay?.errors ?? []) lines.push(`$(error) ${e.message}`);
  return lines.join('\n\n');
}
