import type { KubeApi, KubeObject } from '../ports';
import type { RenderResult } from '../kustomize/render';
import { describeConflict } from './applyConflict';
import { refLabel } from './objectRef';
import { syncApp } from './syncApp';
import type { LiveReader } from './syncPlan';

// The editor's Sync command calls this. It now runs the plan flow (dry run first, waves,
// field manager `driftline`, never forcing): a conflict comes back as an error naming
// the managers and fields instead of being silently overwritten.

export { fieldManager, withTracking } from './trackedObject';

export interface ApplyResult {
  readonly object: KubeObject;
  readonly error: string | undefined;
}

/** Results for the objects attempted, in apply order; the first failure ends the list. */
export async function applyRendered(kube: KubeApi, rendered: RenderResult, options: { dryRun: boolean; trackingId: string }): Promise<ApplyResult[]> {
  const live: LiveReader = { get: (ref) => kube.get(ref) };
  const desired = rendered.resources.map((r) => r.object as unknown as KubeObject);
  const report = await syncApp(kube, live, desired, { trackingId: options.trackingId, previewOnly: options.dryRun, healthTimeoutMs: 0 });
  if (report.outcome === 'rejected' || report.outcome === 'previewed') {
    const results: ApplyResult[] = [];
    for (const p of report.dryRun.predictions) {
      const error = p.outcome === 'error' || p.outcome === 'conflict' ? (p.conflict ? `conflict with ${describeConflict(p.conflict)}` : p.message) : undefined;
      results.push({ object: p.step.object, error });
      if (error && report.outcome === 'rejected') break;
    }
    return results;
  }
  const objects = new Map(report.plan.applies.map((a) => [refLabel(a.ref), a.object]));
  return report.steps
    .filter((s) => s.action !== 'prune' && s.status !== 'notAttempted' && s.status !== 'cancelled')
    .map((s) => ({
      object: objects.get(refLabel(s.ref)) as KubeObject,
      error: s.status === 'conflict' && s.conflict ? `conflict with ${describeConflict(s.conflict)} (not forced)` : s.status === 'failed' ? s.message : undefined,
    }));
}
