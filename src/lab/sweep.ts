/**
 * Running a lab config: the jobs (pattern × sweep point × seed), optionally one shard of them (k/n: every n-th job
 * from the k-th), each simulated in batch mode; results in canonical job order, so any split gives the same numbers.
 */
import type { PatternDef } from '../engine';
import { getPattern, patterns } from '../patterns/registry';
import { atSweepPoint, type LabConfig } from './config';
import { jobsOf, runJob, type LabJob, type RunMetrics } from './runs';
import { aggregateAll, lostToBlocking, type PatternAggregate } from './aggregate';

export interface Shard {
  k: number;
  n: number;
}

export interface LabResult {
  config: LabConfig;
  /** Pattern ids in canonical order. */
  patterns: string[];
  shard: Shard | null;
  runs: RunMetrics[];
}

export function patternsOf(c: LabConfig): PatternDef[] {
  if (!c.patterns.length) return patterns;
  return c.patterns.map((id) => {
    const p = getPattern(id);
    if (!p) throw new Error(`unknown pattern "${id}" (known: ${patterns.map((x) => x.id).join(', ')})`);
    return p;
  });
}

export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new Error(`--shard must be k/n (e.g. 2/8), got "${s}"`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new Error(`--shard ${s}: need 1 ≤ k ≤ n`);
  return { k, n };
}

export function shardJobs(jobs: LabJob[], shard: Shard | null): LabJob[] {
  return shard ? jobs.filter((_, i) => i % shard.n === shard.k - 1) : jobs;
}

/** The jobs this process runs. */
export function labJobs(c: LabConfig, shard: Shard | null): LabJob[] {
  return shardJobs(
    jobsOf(
      c,
      patternsOf(c).map((p) => p.id),
    ),
    shard,
  );
}

/** Run (a shard of) a config in this thread. `progress(done, total)` after each run; `stop()` true cancels. */
export function runLabSync(
  c: LabConfig,
  opts: { shard?: Shard | null; progress?: (done: number, total: number) => void; stop?: () => boolean } = {},
): LabResult {
  const shard = opts.shard ?? null;
  const ps = patternsOf(c);
  const byId = new Map(ps.map((p) => [p.id, p]));
  const jobs = labJobs(c, shard);
  const runs: RunMetrics[] = [];
  for (const job of jobs) {
    if (opts.stop?.()) break;
    runs.push(runJob(byId.get(job.pattern) as PatternDef, c, job));
    opts.progress?.(runs.length, jobs.length);
  }
  return { config: c, patterns: ps.map((p) => p.id), shard, runs };
}

export function summarize(r: LabResult): PatternAggregate[] {
  return aggregateAll(r.runs);
}

const num = (x: number, d = 3) => (Number.isFinite(x) ? String(+x.toFixed(d)) : '');

/** One CSV row per (pattern, sweep point): the figures every chart shows. */
export function toCsv(c: LabConfig, aggs: PatternAggregate[]): string {
  const head = [
    'pattern',
    c.sweep ? c.sweep.key : 'point',
    'runs',
    'transactions',
    'latency_p50_ms',
    'latency_p95_ms',
    'latency_p99_ms',
    'latency_mean_ms',
    'committed_rate',
    'aborted_rate',
    'blocked_rate',
    'inconsistent_rate',
    'repaired_rate',
    'lock_hold_per_tx_ms',
    'messages_per_tx',
    'inconsistent_runs_rate',
    'inconsistency_window_p95_ms',
    'never_converged_rate',
    'hot_lock_ms_per_completed_tx',
    'hot_lock_capacity_tps',
    'hot_lock_utilization',
    'throughput_tps',
    'offered_tps',
    'lost_to_blocking_rate',
  ];
  const rows = aggs.map((a) => {
    const offered = atSweepPoint(c, c.sweep?.values[a.point]).workload.perSecond;
    const b = a.blocking;
    return [
      a.pattern,
      c.sweep ? String(c.sweep.values[a.point]) : String(a.point),
      String(a.runs),
      String(a.transactions),
      num(a.latency.p50),
      num(a.latency.p95),
      num(a.latency.p99),
      num(a.latency.mean.mean),
      num(a.outcomes.committed?.rate ?? 0, 4),
      num(a.outcomes.aborted?.rate ?? 0, 4),
      num(a.outcomes.blocked?.rate ?? 0, 4),
      num(a.outcomes.inconsistent?.rate ?? 0, 4),
      num(a.outcomes.repaired?.rate ?? 0, 4),
      num(a.locks.holdPerTx.mean),
      num(a.messagesPerTxTotal.mean),
      num(a.inconsistency.runsAffected.rate, 4),
      num(a.inconsistency.window.p95),
      num(a.inconsistency.neverConverged.rate, 4),
      b.holdPerCompleted === null ? '' : num(b.holdPerCompleted),
      b.capacity === null ? '' : num(b.capacity),
      b.utilization === null ? '' : num(b.utilization, 4),
      b.throughput === null ? '' : num(b.throughput),
      num(offered),
      num(lostToBlocking(b, offered), 4),
    ].join(',');
  });
  return [head.join(','), ...rows].join('\n') + '\n';
}
