// `npm run bench`: Driftline against its peer, measured in the same run on the
// same machine. Prints a Markdown table (`--json`: JSON); ratios matter, absolute times vary.
// `--only render,editor` runs a subset of rows by id.
//
// Rows are pluggable: each row file exports one function returning a row or rows; register it
// below with one line. A row that throws is reported as failed and the others still run.
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { benchRenderOverlay } from './renderOverlay';
import { benchDiffPairs } from './diffPairs';
import { clusterCacheLoadRow } from './clusterCacheLoad';
import { benchBundleSizes } from './bundleSizes';
import { benchEditorLatency } from './editorLatency';
import { benchScanLag } from './scanLag';
import { formatTable, type BenchRow } from './table';
import { benchScale } from './scale';

const repoRoot = resolve(__dirname, '..');

interface RowSource {
  readonly id: string;
  run(): Promise<BenchRow | readonly BenchRow[]>;
}

const sources: readonly RowSource[] = [
  { id: 'render', run: () => benchRenderOverlay(repoRoot) },
  { id: 'diff', run: () => benchDiffPairs() },
  {
    id: 'clusterCache',
    // Its row predates BenchRow; the budget text carries the heap verdict.
    run: async () => {
      const row = await clusterCacheLoadRow();
      return { name: row.name, ours: row.ours, unit: 'ms', peer: { value: row.peer, name: row.peerName }, budget: row.budget };
    },
  },
  { id: 'editor', run: () => benchEditorLatency(repoRoot) },
  { id: 'scan', run: () => benchScanLag(repoRoot) },
  { id: 'bundle', run: () => benchBundleSizes(repoRoot) },
  { id: 'scale', run: () => benchScale(repoRoot) },
];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const only = option('--only')?.split(',');
  const rows: BenchRow[] = [];
  let failed = false;
  for (const source of sources) {
    if (only && !only.includes(source.id)) continue;
    process.stderr.write(`bench: ${source.id}…\n`);
    try {
      const result = await source.run();
      rows.push(...(Array.isArray(result) ? (result as readonly BenchRow[]) : [result as BenchRow]));
    } catch (e) {
      failed = true;
      process.stderr.write(`bench: ${source.id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      rows.push({ name: `${source.id} (failed, see stderr)`, ours: Number.NaN, unit: 'ms', budget: '—', pass: false });
    }
  }
  if (process.argv.includes('--json')) {
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, platform: process.platform };
    process.stdout.write(`${JSON.stringify({ machine, rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatTable(rows)}\n`);
  }
  if (failed) process.exitCode = 1;
}

void main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
