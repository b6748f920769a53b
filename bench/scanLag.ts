import type { BenchRow } from './table';
export async function benchScanLag(_repoRoot: string): Promise<BenchRow[]> {
  return [];
}
