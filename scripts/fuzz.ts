/**
 * `npm run fuzz [-- --cases N] [--seed S]`: the issue-10 fuzzer at full size — N (default 10,000) mutated example
 * files and N mangled deep links, each accepted one also simulated with a 200,000-event budget. Prints the counts
 * (rejected by error code, accepted, simulated, threw) and every throw or malformed error with its seed; exit 1 if
 * there was any.
 */
import { initFuzz, judge, loadExamples, makeCase, type Verdict } from './fuzz-lib';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--cases', 10_000);
const SEED = arg('--seed', 1);
const BUDGET = 200_000;

await initFuzz();
const examples = loadExamples();
let bad = 0;
for (const kind of ['file', 'link'] as const) {
  const rejected = new Map<string, number>();
  const stops = new Map<string, number>();
  let accepted = 0;
  let simulated = 0;
  let threw = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const seed = SEED * 1_000_003 + i;
    const c = makeCase(examples, seed, kind);
    const v: Verdict = judge(c.input, BUDGET);
    if (v.kind === 'rejected') rejected.set(v.code, (rejected.get(v.code) ?? 0) + 1);
    else if (v.kind === 'accepted') {
      accepted++;
      if (v.simulated) {
        simulated++;
        stops.set(v.simulated.stoppedBy, (stops.get(v.simulated.stoppedBy) ?? 0) + 1);
      }
    } else {
      threw++;
      bad++;
      console.log(`  ${v.kind}: ${c.describe}\n    ${JSON.stringify(v)}`);
    }
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const nRejected = [...rejected.values()].reduce((a, b) => a + b, 0);
  console.log(`${kind}s: ${N} cases in ${secs} s`);
  console.log(`  rejected ${nRejected}`);
  for (const [code, n] of [...rejected].sort((a, b) => b[1] - a[1]))
    console.log(`    ${String(n).padStart(6)}  ${code}`);
  console.log(
    `  accepted ${accepted}, simulated ${simulated} (stopped by: ${[...stops].map(([k, n]) => `${k} ${n}`).join(', ')})`,
  );
  console.log(`  threw or malformed error: ${threw}`);
}
process.exitCode = bad ? 1 : 0;
