/**
 * One lab run: a pattern, a sweep point and a seed → a scenario (the pattern's mapping of the business workload, a
 * fault schedule drawn from the profile over the pattern's fault surface) → a batch simulation → its metrics.
 * Pure and deterministic: the same job gives the same numbers in any worker, shard or process.
 */
import {
  baseScenario,
  createRng,
  simulate,
  type Fault,
  type LabWorkload,
  type PatternDef,
  type Scenario,
  type SimResult,
  type TxOutcome,
} from '../engine';
import { atSweepPoint, type FaultProfile, type LabConfig } from './config';

export interface LabJob {
  pattern: string;
  /** Index of the sweep point (0 without a sweep). */
  point: number;
  seed: number;
}

export interface RunMetrics extends LabJob {
  events: number;
  stoppedBy: string;
  transactions: number;
  /** Latency of each finished transaction (end − start, ms), in transaction order. */
  latencies: number[];
  outcomes: Partial<Record<TxOutcome, number>>;
  /** Lock / reservation holds: count, total and longest (ms). */
  locks: { count: number; total: number; max: number };
  /** Messages sent, by type. */
  messages: Record<string, number>;
  /** Windows during which an 'always' invariant was broken: how many, their total and longest (ms). */
  inconsistency: { windows: number; total: number; max: number };
  /** Some invariant was still violated when the run ended (never converged). */
  neverConverged: boolean;
  /** Ids of the invariants that broke at some time. */
  broke: string[];
  /** When the run first went wrong (ms), for "open this run at the moment it went wrong". */
  firstBreak: number | null;
  /** Transactions that got through (committed or delivered), and the span from the first start to the last end (ms). */
  completed: number;
  span: number;
  /**
   * The shared lock every transaction contends for, measured from the run's lock intervals: the (node, resource)
   * whose resource name is not one transaction's own (a row, an account — not `pending:g24`) and that was held
   * longest in all; `busy` is the union of its hold intervals (ms). Null when the run held no shared lock.
   */
  hotLock: { key: string; busy: number } | null;
}

/**
 * The shared lock the run's transactions contend for (see RunMetrics.hotLock). A resource is one transaction's own
 * (a reservation) when one of its name's parts is a transaction id of the run; any other resource is shared.
 */
export function hotLockOf(
  locks: readonly { node: string; resource: string; from: number; to: number | null }[],
  txIds: ReadonlySet<string>,
  endTime: number,
): { key: string; busy: number } | null {
  const byKey = new Map<string, [number, number][]>();
  for (const l of locks) {
    if (l.resource.split(/[^A-Za-z0-9_-]+/).some((part) => txIds.has(part))) continue;
    const key = `${l.node}/${l.resource}`;
    const list = byKey.get(key);
    const iv: [number, number] = [l.from, l.to ?? endTime];
    if (list) list.push(iv);
    else byKey.set(key, [iv]);
  }
  let best: { key: string; busy: number } | null = null;
  for (const [key, ivs] of byKey) {
    ivs.sort((a, b) => a[0] - b[0]);
    let busy = 0;
    let s = -Infinity;
    let e = -Infinity;
    for (const [a, b] of ivs) {
      if (a > e) {
        if (e > s) busy += e - s;
        s = a;
        e = b;
      } else if (b > e) e = b;
    }
    if (e > s) busy += e - s;
    if (!best || busy > best.busy || (busy === best.busy && key < best.key)) best = { key, busy };
  }
  return best;
}

/** The jobs of a config, in canonical order (pattern, point, seed): sharding and merging keep this order. */
export function jobsOf(c: LabConfig, patternIds: string[]): LabJob[] {
  const points = c.sweep ? c.sweep.values.length : 1;
  const jobs: LabJob[] = [];
  for (const pattern of patternIds)
    for (let point = 0; point < points; point++)
      for (let i = 0; i < c.runs; i++) jobs.push({ pattern, point, seed: c.seed + i });
  return jobs;
}

/** The default mapping of the business workload: txCount / txGap parameters and the pattern's own workload. */
function defaultScenario(p: PatternDef, w: LabWorkload, seed: number): Scenario {
  const base = baseScenario(p, seed);
  const has = (k: string) => p.params.some((d) => d.key === k);
  const params = { ...base.params };
  if (has('txCount')) params.txCount = w.transactions;
  if (has('txGap')) params.txGap = Math.round(1000 / Math.max(0.001, w.perSecond));
  const fp = p.lab?.failureParam;
  if (fp && has(fp)) params[fp] = w.failureRate;
  const workload = p.workload(params);
  const last = workload.reduce((m, x) => Math.max(m, x.at), 0);
  return { ...base, params, workload, horizon: last + p.defaultHorizon };
}

/** Crashes drawn from the profile over the pattern's crashable nodes, each followed by a recovery. */
export function faultSchedule(p: PatternDef, sc: Scenario, f: FaultProfile, seed: number): Fault[] {
  if (f.crashRate <= 0) return [];
  const surface = p.surface({ ...sc.params });
  const end = Math.max(1, sc.workload.reduce((m, x) => Math.max(m, x.at), 0) + 1_000);
  const faults: Fault[] = [];
  const ratePerMs = f.crashRate / 60_000;
  for (const node of surface.crashable) {
    const rng = createRng(seed, 'lab:crash:' + node);
    let t = 0;
    for (let i = 0; i < 1_000; i++) {
      t += -Math.log(1 - rng.next()) / ratePerMs;
      if (t > end) break;
      const at = Math.round(t);
      faults.push({ id: `lab-crash-${node}-${i}`, when: { at }, do: { crash: node } });
      faults.push({ id: `lab-recover-${node}-${i}`, when: { at: at + f.recoveryTime }, do: { recover: node } });
      t += f.recoveryTime;
    }
  }
  return faults;
}

/** The scenario of one job. */
export function jobScenario(p: PatternDef, c: LabConfig, job: LabJob): Scenario {
  const { workload, faults } = atSweepPoint(c, c.sweep?.values[job.point]);
  const sc = p.lab?.scenario ? p.lab.scenario(workload, job.seed) : defaultScenario(p, workload, job.seed);
  return {
    ...sc,
    network: {
      default: { latency: faults.latency, loss: faults.loss, duplicate: faults.duplicate, reorder: 0 },
      links: sc.network.links,
    },
    faults: [...sc.faults, ...faultSchedule(p, sc, faults, job.seed)],
  };
}

export function metricsOf(job: LabJob, r: SimResult): RunMetrics {
  const latencies: number[] = [];
  const outcomes: Partial<Record<TxOutcome, number>> = {};
  const txIds = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  for (const o of r.outcomes) {
    outcomes[o.outcome] = (outcomes[o.outcome] ?? 0) + 1;
    txIds.add(o.tx);
    if (o.start !== undefined && o.start < first) first = o.start;
    if (o.start !== undefined && o.end !== undefined) {
      latencies.push(o.end - o.start);
      if (o.end > last) last = o.end;
    }
  }
  const locks = { count: 0, total: 0, max: 0 };
  for (const l of r.locks) {
    const held = (l.to ?? r.endTime) - l.from;
    locks.count++;
    locks.total += held;
    if (held > locks.max) locks.max = held;
  }
  const messages: Record<string, number> = {};
  for (const k of Object.keys(r.stats.byType).sort()) messages[k] = r.stats.byType[k].sent;
  const inconsistency = { windows: 0, total: 0, max: 0 };
  let neverConverged = false;
  let firstBreak: number | null = null;
  const broke: string[] = [];
  for (const inv of r.invariants) {
    if (inv.final === 'violated') neverConverged = true;
    if (inv.firstBreak !== null && (inv.kind === 'always' || inv.final === 'violated')) {
      broke.push(inv.id);
      if (firstBreak === null || inv.firstBreak < firstBreak) firstBreak = inv.firstBreak;
    }
    if (inv.kind !== 'always') continue;
    for (const b of inv.broken) {
      const len = (b.to ?? r.endTime) - b.from;
      inconsistency.windows++;
      inconsistency.total += len;
      if (len > inconsistency.max) inconsistency.max = len;
    }
  }
  return {
    ...job,
    events: r.stats.events,
    stoppedBy: r.stoppedBy,
    transactions: r.outcomes.length,
    latencies,
    outcomes,
    locks,
    messages,
    inconsistency,
    neverConverged,
    broke,
    firstBreak,
    completed: (outcomes.committed ?? 0) + (outcomes.delivered ?? 0),
    span: Number.isFinite(first) && last > first ? last - first : 0,
    hotLock: hotLockOf(r.locks, txIds, r.endTime),
  };
}

export function runJob(p: PatternDef, c: LabConfig, job: LabJob): RunMetrics {
  const r = simulate(p, jobScenario(p, c, job), { record: false, maxEvents: c.maxEvents ?? 2_000_000 });
  return metricsOf(job, r);
}
