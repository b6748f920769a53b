/** One line of the benchmark table: our time, and the peer's in the same run when there is one. */
export interface BenchRow {
  readonly name: string;
  readonly ours: number;
  readonly unit: 'ms' | 'MB';
  readonly peer?: { readonly value: number; readonly name: string };
  readonly budget: string;
  /** Whether the measurement meets its budget; undefined for figures that have none (reported only). */
  readonly pass?: boolean;
}

export async function timeMs(iterations: number, run: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

function met(pass: boolean | undefined): string {
  if (pass === undefined) return '—';
  return pass ? 'yes' : '**no**';
}

export function formatTable(rows: readonly BenchRow[]): string {
  const lines = ['| Measurement | Driftline | Peer (same run) | Ratio | Budget | Met |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ours = Number.isNaN(r.ours) ? 'failed' : `${r.ours < 10 ? r.ours.toFixed(3) : r.ours.toFixed(1)} ${r.unit}`;
    const peer = r.peer ? `${r.peer.value.toFixed(1)} ${r.unit} (${r.peer.name})` : '—';
    const ratio = r.peer ? `${(r.peer.value / r.ours).toFixed(0)}×` : '—';
    lines.push(`| ${r.name} | ${ours} | ${peer} | ${ratio} | ${r.budget} | ${met(r.pass)} |`);
  }
  return lines.join('\n');
}
