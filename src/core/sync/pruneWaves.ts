// When prunes run, as gitops-engine schedules them (sync_context.go getSyncTasks): each
// prune keeps the phase of a resource (Sync) but its wave is mirrored across the waves that
// have prunes, so that what was created first is deleted last; `PruneLast=true` (the
// Application's or the object's own) moves it after the last Sync wave instead.

export interface PruneWaveInput {
  readonly wave: number;
  readonly pruneLast: boolean;
}

/** The run wave of each prune, in input order; `lastSyncWave` is the highest wave any other Sync-phase step runs in. */
export function pruneRunWaves(prunes: readonly PruneWaveInput[], lastSyncWave: number): number[] {
  const waves = [...new Set(prunes.map((p) => p.wave))].sort((a, b) => a - b);
  const mirrored = new Map(waves.map((w, i) => [w, waves[waves.length - 1 - i] as number]));
  const runWaves = prunes.map((p) => mirrored.get(p.wave) ?? p.wave);
  // Argo CD counts the mirrored prunes too, and never goes below wave 0 + 1.
  const last = Math.max(0, lastSyncWave, ...runWaves) + 1;
  return prunes.map((p, i) => (p.pruneLast ? last : (runWaves[i] as number)));
}
