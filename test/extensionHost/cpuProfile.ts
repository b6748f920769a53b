// Optional CPU profile of a measured stretch, for finding what blocks the event loop:
// set DRIFTLINE_BENCH_PROFILE=<dir> and each profiled stretch is written there as
// <name>.cpuprofile (open it in Chrome DevTools, or summarise it with bench/support/longTasks.ts).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** Runs `work`, profiling it when DRIFTLINE_BENCH_PROFILE names a directory. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env['DRIFTLINE_BENCH_PROFILE'];
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  await post(session, 'Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
