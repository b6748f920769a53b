// `npm run bench`: Driftline against its peer, measured in the same run on the
// same machine. Prints a Markdown table; ratios matter, absolute times vary.
import { resolve } from 'node:path';
import { benchRenderOverlay } from './renderOverlay';
import { benchDiffPairs } from './diffPairs';
import { formatTable, type BenchRow } from './table';

const repoRoot = resolve(__dirname, '..');

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(await benchRenderOverlay(repoRoot));
  rows.push(await benchDiffPairs());
  process.stdout.write(`${formatTable(rows)}\n`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
