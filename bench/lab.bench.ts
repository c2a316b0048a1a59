/**
 * `npm run bench:lab`: the comparison lab in Node (issue 14). Every registered pattern × RUNS (1,000) seeded runs of
 * a 100-transaction workload with faults (the "flaky" preset), batch mode, through the CLI's worker_threads pool:
 * - with 1 worker: per pattern (the jobs run in canonical order, pattern after pattern), runs/s and events/s — per
 *   second of the process's CPU time and of wall time;
 * - with 1 and 2 workers: the whole sweep's wall and CPU time, and the scaling (wall 1 → 2 workers).
 * Goal: the whole sweep under 10 s of wall time with 2 workers on this 2-core machine. Each configuration runs
 * REPEAT (3) times; medians are printed, with the load average before and after (the machine may be shared: CPU
 * time is the steadier figure; wall time is what the goal is about).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { runLabNode } from '../src/cli/lab-pool';
import { FAULT_PRESETS, type LabConfig } from '../src/lab/config';
import { labJobs } from '../src/lab/sweep';
import { patterns } from '../src/patterns/registry';

const RUNS = Number(process.env.RUNS ?? 1_000);
const REPEAT = Number(process.env.REPEAT ?? 3);
const GOAL_S = 10;

const config: LabConfig = {
  patterns: [],
  workload: { transactions: 100, perSecond: 2, failureRate: 0 },
  faults: FAULT_PRESETS.flaky,
  runs: RUNS,
  seed: 1,
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Sweep {
  wall: number;
  cpu: number;
  events: number;
  /** Per pattern (1 worker only): wall and CPU ms of its segment, its runs and events. */
  perPattern: Map<string, { wall: number; cpu: number; runs: number; events: number }>;
}

async function sweep(workers: number): Promise<Sweep> {
  const jobs = labJobs(config, null);
  const ends = new Map<number, { wall: number; cpu: number }>();
  const last = new Map<string, number>();
  jobs.forEach((j, i) => last.set(j.pattern, i + 1));
  const boundaries = new Set(last.values());
  const w0 = performance.now();
  const c0 = cpuMs();
  const result = await runLabNode(config, {
    workers,
    progress: (done) => {
      if (boundaries.has(done)) ends.set(done, { wall: performance.now(), cpu: cpuMs() });
    },
  });
  const wall = performance.now() - w0;
  const cpu = cpuMs() - c0;
  const perPattern = new Map<string, { wall: number; cpu: number; runs: number; events: number }>();
  let prev = { wall: w0, cpu: c0 };
  for (const p of patterns) {
    const end = ends.get(last.get(p.id) ?? -1);
    const runs = result.runs.filter((r) => r.pattern === p.id);
    const events = runs.reduce((n, r) => n + r.events, 0);
    if (end) {
      perPattern.set(p.id, { wall: end.wall - prev.wall, cpu: end.cpu - prev.cpu, runs: runs.length, events });
      prev = end;
    }
  }
  return { wall, cpu, events: result.runs.reduce((n, r) => n + r.events, 0), perPattern };
}

const f = (x: number, w = 10, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d }).padStart(w);

async function main() {
  console.log(
    `lab bench: ${patterns.length} patterns × ${RUNS} runs × ${config.workload.transactions} transactions, faults "flaky"; ${cpus().length} cores; ${REPEAT}× each`,
  );
  console.log(`load average before: ${load()}`);
  const one: Sweep[] = [];
  const two: Sweep[] = [];
  for (let k = 0; k < REPEAT; k++) {
    one.push(await sweep(1));
    two.push(await sweep(2));
    console.log(
      `  round ${k + 1}: 1 worker ${(one[k].wall / 1000).toFixed(1)} s wall / ${(one[k].cpu / 1000).toFixed(1)} s CPU; 2 workers ${(two[k].wall / 1000).toFixed(1)} s wall / ${(two[k].cpu / 1000).toFixed(1)} s CPU   (load ${load()})`,
    );
  }
  console.log(`\nper pattern, 1 worker (median of ${REPEAT})`);
  console.log(
    `${'pattern'.padEnd(10)}${'runs'.padStart(7)}${'events'.padStart(12)}${'runs/s CPU'.padStart(12)}${'events/s CPU'.padStart(14)}${'runs/s wall'.padStart(13)}${'events/s wall'.padStart(15)}`,
  );
  for (const p of patterns) {
    const segs = one.map((s) => s.perPattern.get(p.id)).filter((x) => x !== undefined);
    if (!segs.length) continue;
    const runs = segs[0].runs;
    const events = segs[0].events;
    const cpu = median(segs.map((s) => s.cpu)) / 1000;
    const wall = median(segs.map((s) => s.wall)) / 1000;
    console.log(
      `${p.id.padEnd(10)}${f(runs, 7)}${f(events, 12)}${f(runs / cpu, 12)}${f(events / cpu, 14)}${f(runs / wall, 13)}${f(events / wall, 15)}`,
    );
  }
  const w1 = median(one.map((s) => s.wall)) / 1000;
  const w2 = median(two.map((s) => s.wall)) / 1000;
  const c1 = median(one.map((s) => s.cpu)) / 1000;
  const c2 = median(two.map((s) => s.cpu)) / 1000;
  const ev = one[0].events;
  console.log(`\nwhole sweep (${patterns.length * RUNS} runs, ${ev.toLocaleString('en-US')} events), median`);
  console.log(
    `  1 worker : ${w1.toFixed(2)} s wall, ${c1.toFixed(2)} s CPU, ${f(ev / w1, 0)} events/s wall, ${f(ev / c1, 0)} events/s CPU`,
  );
  console.log(
    `  2 workers: ${w2.toFixed(2)} s wall, ${c2.toFixed(2)} s CPU, ${f(ev / w2, 0)} events/s wall, ${f(ev / c2, 0)} events/s CPU`,
  );
  console.log(`  scaling 1 → 2 workers: ${(w1 / w2).toFixed(2)}× (wall)`);
  console.log(
    `  on an idle 2-core machine the 2-worker wall time would be about CPU / 2 = ${(c2 / 2).toFixed(2)} s (plus start-up)`,
  );
  console.log(`load average after: ${load()}`);
  // For the Chromium half (bench/lab.bench.spec.ts): the same sweep's Node time, to compare with the page's.
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/lab-node.json', JSON.stringify({ runs: RUNS, wall2: w2, cpu2: c2, wall1: w1, cpu1: c1 }));
  console.log(
    `goal: whole sweep < ${GOAL_S} s wall with 2 workers — ${w2 < GOAL_S ? 'MET' : 'NOT MET'} (${w2.toFixed(2)} s)`,
  );
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
