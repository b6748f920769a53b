import { benchCheckRepo } from './checkRepo';
import { benchRenderWarm } from './renderWarm';
import type { BenchRow } from './table';

/** The incremental renderer's rows: a warm keystroke render and `driftline check` over a generated repo. */
export async function benchScale(repoRoot: string): Promise<BenchRow[]> {
  return [await benchRenderWarm(repoRoot), await benchCheckRepo(repoRoot)];
}
