// `npm run fuzz -- --seed N --cases M [--out DIR] [--jobs J] [--timeout MS] [--max-failures F]`:
// differential fuzzing of the kustomize engine against `kubectl kustomize`. Each case is a
// seeded random repository; a mismatch is minimised and written to DIR/seed-<n>/ with both
// outputs, so `kubectl kustomize DIR/seed-<n>/overlay` reproduces it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureKubectl } from '../support/kubectlTool';
import { compareCase, type Outcome, type Verdict } from './differential';
import { writeCase, type FuzzCase } from './fuzzCase';
import { generateCase } from './generateCase';
import { minimise } from './minimise';

interface Options {
  seed: number;
  cases: number;
  out: string;
  jobs: number;
  timeoutMs: number;
  maxFailures: number;
}

function parseArgs(argv: readonly string[]): Options {
  const get = (flag: string, fallback: string): string => {
    const at = argv.indexOf(flag);
    return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
  };
  return {
    seed: Number(get('--seed', '1')),
    cases: Number(get('--cases', '200')),
    out: resolve(get('--out', join(tmpdir(), 'driftline-fuzz-failures'))),
    jobs: Number(get('--jobs', '2')),
    timeoutMs: Number(get('--timeout', '20000')),
    maxFailures: Number(get('--max-failures', '10')),
  };
}

function signature(v: Verdict): string {
  const ours = v.driftline.ok ? 'ok' : v.driftline.message.replace(/^\S+:\d+:\d+: /, '').split('\n', 1)[0];
  return `${v.kubectl.ok ? 'ok' : 'error'} / ${ours}`;
}

function describe(o: Outcome): string {
  return o.ok ? o.yaml : `ERROR: ${o.message}\n`;
}

async function report(kubectl: string, scratch: string, options: Options, failing: FuzzCase, verdict: Verdict): Promise<string> {
  // Keep the same kind of failure while shrinking, or the minimiser wanders off to another bug.
  const wanted = signature(verdict);
  const stillFails = async (c: FuzzCase): Promise<boolean> => {
    const v = await compareCase(kubectl, scratch, c, options.timeoutMs);
    return !v.agree && signature(v) === wanted;
  };
  const small = await minimise(failing, stillFails);
  const final = await compareCase(kubectl, scratch, small, options.timeoutMs);
  const dir = join(options.out, `seed-${failing.seed}`);
  writeCase(dir, small);
  const shown = final.agree ? verdict : final;
  writeFileSync(join(dir, 'kubectl.out'), describe(shown.kubectl));
  writeFileSync(join(dir, 'driftline.out'), describe(shown.driftline));
  return dir;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { kubectl } = await ensureKubectl();
  mkdirSync(options.out, { recursive: true });
  const scratchRoot = mkdtempSync(join(tmpdir(), 'driftline-fuzz-'));
  const failures: string[] = [];
  let next = 0;
  let done = 0;
  let bothFailed = 0;
  const worker = async (id: number): Promise<void> => {
    const scratch = join(scratchRoot, `w${id}`);
    while (next < options.cases && failures.length < options.maxFailures) {
      const seed = options.seed + next++;
      const fuzzCase = generateCase(seed);
      const verdict = await compareCase(kubectl, scratch, fuzzCase, options.timeoutMs);
      done++;
      if (!verdict.kubectl.ok && !verdict.driftline.ok) bothFailed++;
      if (!verdict.agree) {
        const dir = await report(kubectl, scratch, options, fuzzCase, verdict);
        failures.push(dir);
        process.stderr.write(`mismatch: seed ${seed} → ${dir}\n`);
      }
      if (done % 100 === 0) process.stderr.write(`${done} cases, ${failures.length} mismatches\n`);
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, (_, i) => worker(i)));
  rmSync(scratchRoot, { recursive: true, force: true });
  process.stdout.write(`${done} cases from seed ${options.seed}: ${done - failures.length} agree (${bothFailed} rejected by both), ${failures.length} mismatches\n`);
  for (const f of failures) process.stdout.write(`  ${f}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

void main().catch((e: unknown) => {
  process.stderr.write(`fuzz: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
