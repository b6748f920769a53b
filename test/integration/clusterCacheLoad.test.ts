// A bounded load run (loopback only): the cache must converge; its numbers are printed,
// not asserted — budgets are measured by `npm run bench` (the full 20,000-object run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLoadReport, runClusterCacheLoad } from './clusterCacheLoadRun';

test('2,000 objects under 1,000 writes/s for 5 s: the cache keeps up and converges', async () => {
  const report = await runClusterCacheLoad({ objects: 2_000, writesPerSecond: 1_000, seconds: 5 });
  process.stdout.write(`# ${formatLoadReport(report)}\n`);
  assert.equal(report.writes, 5_000);
  assert.ok(report.converged, 'the cache equals a fresh snapshot of the server');
});
