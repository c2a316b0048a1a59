/**
 * Aggregation of lab runs: percentiles (nearest rank), CDFs, 95 % confidence intervals (normal approximation for
 * means, Wilson for rates), and merging of partial results. The input is the list of per-run metrics in canonical job
 * order, so the same config gives the same numbers for any worker count and any sharding.
 */
import { TX_OUTCOMES, type TxOutcome } from '../engine';
import type { LabJob, RunMetrics } from './runs';

/** Nearest-rank percentile of an ascending array (p in 0…100); NaN for an empty one. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** The empirical CDF at `points` evenly spaced quantiles: [{x, y}] with y the fraction of values ≤ x. */
export function cdf(sorted: ArrayLike<number>, points = 40): { x: number; y: number }[] {
  const n = sorted.length;
  if (!n) return [];
  const out: { x: number; y: number }[] = [];
  for (let k = 1; k <= points; k++) {
    const i = Math.min(n - 1, Math.ceil((k / points) * n) - 1);
    const x = sorted[i];
    // y: fraction ≤ x (ties included), so the curve is right-continuous
    let j = i;
    while (j + 1 < n && sorted[j + 1] === x) j++;
    const y = (j + 1) / n;
    if (out.length && out[out.length - 1].x === x) out[out.length - 1].y = y;
    else out.push({ x, y });
  }
  return out;
}

export interface MeanCI {
  n: number;
  mean: number;
  /** 95 % interval of the mean (normal approximation: mean ± 1.96 · sd / √n). */
  lo: number;
  hi: number;
}

export function meanCI(xs: ArrayLike<number>): MeanCI {
  const n = xs.length;
  if (!n) return { n: 0, mean: NaN, lo: NaN, hi: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  if (n < 2) return { n, mean, lo: mean, hi: mean };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const half = (1.96 * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { n, mean, lo: mean - half, hi: mean + half };
}

export interface RateCI {
  count: number;
  n: number;
  rate: number;
  /** Wilson score interval, 95 %. */
  lo: number;
  hi: number;
}

export function wilson(count: number, n: number): RateCI {
  if (!n) return { count, n, rate: NaN, lo: NaN, hi: NaN };
  const z = 1.96;
  const p = count / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { count, n, rate: p, lo: Math.max(0, c - h), hi: Math.min(1, c + h) };
}

/** An anomalous run worth opening in the animated view. */
export interface Anomaly {
  seed: number;
  kind: 'blocked' | 'inconsistent' | 'never-converged' | 'slowest';
  /** When it went wrong (ms), or the slow transaction's latency. */
  at: number | null;
  value: number;
}

export interface PatternAggregate {
  pattern: string;
  point: number;
  runs: number;
  transactions: number;
  events: number;
  latency: { n: number; p50: number; p95: number; p99: number; mean: MeanCI; cdf: { x: number; y: number }[] };
  outcomes: Partial<Record<TxOutcome, RateCI>>;
  /** Mean lock / reservation hold per transaction (ms) and the longest hold seen. */
  locks: { holdPerTx: MeanCI; max: number };
  /** Messages sent per transaction, by type, and in all. */
  messagesPerTx: Record<string, number>;
  messagesPerTxTotal: MeanCI;
  inconsistency: {
    /** Runs with at least one broken window. */
    runsAffected: RateCI;
    /** Length of each broken window (ms). */
    window: { n: number; p50: number; p95: number; max: number; mean: MeanCI };
    neverConverged: RateCI;
  };
  /** The shared lock under contention and the throughput it costs (see blockingOf). */
  blocking: Blocking;
  anomalies: Anomaly[];
}

/**
 * Throughput lost to blocking, from the runs' measured hold times of their hot lock (RunMetrics.hotLock) — the
 * operational laws (Denning & Buzen 1978): a lock held D ms per transaction that gets through lets at most 1000 / D
 * transactions per second pass (X ≤ 1 / D), and its busy fraction is U = X · D.
 */
export interface Blocking {
  /** The hot lock most runs had (`node/resource`), null when none held a shared lock. */
  key: string | null;
  /** Runs that held a shared lock. */
  runs: number;
  /** Sums over the runs: the hot lock's busy time (ms), completed transactions, their span (ms). */
  busy: number;
  completed: number;
  span: number;
  /** D: hot-lock busy time per completed transaction (ms); null without a shared lock (or nothing completed). */
  holdPerCompleted: number | null;
  /** 1000 / D: the most transactions per second the hot lock lets through; null: no bound (no shared lock). */
  capacity: number | null;
  /** U: the hot lock's busy time over the transactions' span (0 … 1); null without a shared lock. */
  utilization: number | null;
  /** Measured: completed transactions per second of their span. */
  throughput: number | null;
}

/** The share (0 … 1) of an offered rate (transactions / s) above what the hot lock lets through. */
export function lostToBlocking(b: Blocking, offeredPerSecond: number): number {
  if (b.capacity === null || !(offeredPerSecond > 0)) return 0;
  return Math.max(0, 1 - b.capacity / offeredPerSecond);
}

/** The sums blocking figures are made of (summed over runs in canonical order). */
interface BlockingSums {
  /** Runs that held a shared lock, and their hot locks' busy time, completed transactions and span. */
  n: number;
  busy: number;
  completed: number;
  span: number;
  /** Every run's completed transactions and span. */
  allCompleted: number;
  allSpan: number;
  /** How many runs had each hot lock. */
  keys: Map<string, number>;
}

const noBlocking = (): BlockingSums => ({
  n: 0,
  busy: 0,
  completed: 0,
  span: 0,
  allCompleted: 0,
  allSpan: 0,
  keys: new Map(),
});

function addBlocking(b: BlockingSums, r: RunMetrics): void {
  b.allCompleted += r.completed;
  b.allSpan += r.span;
  if (!r.hotLock) return;
  b.keys.set(r.hotLock.key, (b.keys.get(r.hotLock.key) ?? 0) + 1);
  b.n++;
  b.busy += r.hotLock.busy;
  b.completed += r.completed;
  b.span += r.span;
}

function blockingFrom({ n, busy, completed, span, allCompleted, allSpan, keys }: BlockingSums): Blocking {
  const locked = n > 0 && busy > 0;
  let key: string | null = null;
  for (const [k, c] of keys)
    if (key === null || c > (keys.get(key) as number) || (c === keys.get(key) && k < key)) key = k;
  return {
    key,
    runs: n,
    busy,
    completed,
    span,
    holdPerCompleted: locked && completed > 0 ? busy / completed : null,
    capacity: locked ? (completed * 1000) / busy : null,
    utilization: locked && span > 0 ? Math.min(1, busy / span) : null,
    throughput: allSpan > 0 ? (allCompleted * 1000) / allSpan : null,
  };
}

/** Blocking figures of a group of runs (sums first, then the ratios: every run weighs by its own time). */
export function blockingOf(runs: readonly RunMetrics[]): Blocking {
  const b = noBlocking();
  for (const r of runs) addBlocking(b, r);
  return blockingFrom(b);
}

const OUTCOMES = TX_OUTCOMES;

/**
 * `xs` sorted ascending, as a Float64Array: the typed array's own numeric sort, several times faster than
 * Array#sort with a comparator, on the main thread while runs stream in (the values are finite, so the order is
 * the comparator's).
 */
function sortedCopy(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

const NONE: Float64Array = new Float64Array(0);

/** Merge two ascending arrays into a new ascending one. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  if (!a.length) return b;
  if (!b.length) return a;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/**
 * The per-run figures of a group folded in canonical (slot) order: the per-run lists, counts, anomalies and
 * blocking sums. Floating-point sums depend on their order, so these are only ever extended slot after slot.
 */
interface SlotFold {
  holdPerTx: number[];
  msgPerTx: number[];
  /** Window lengths not yet merged into a sorted list. */
  windows: number[];
  affected: number;
  never: number;
  anomalies: Anomaly[];
  slowest: Anomaly | null;
  blocking: BlockingSums;
}

const emptyFold = (): SlotFold => ({
  holdPerTx: [],
  msgPerTx: [],
  windows: [],
  affected: 0,
  never: 0,
  anomalies: [],
  slowest: null,
  blocking: noBlocking(),
});

function foldSlot(f: SlotFold, r: RunMetrics, worst: number): void {
  const tx = Math.max(1, r.transactions);
  f.holdPerTx.push(r.locks.total / tx);
  let sent = 0;
  for (const type in r.messages) sent += r.messages[type];
  f.msgPerTx.push(sent / tx);
  if (r.inconsistency.windows > 0) f.affected++;
  if (r.neverConverged) f.never++;
  // Window lengths are not kept per window in RunMetrics beyond total / max: use the run's mean window length.
  if (r.inconsistency.windows > 0) f.windows.push(r.inconsistency.total / r.inconsistency.windows);
  if (f.anomalies.length < 20) {
    if (r.neverConverged) f.anomalies.push({ seed: r.seed, kind: 'never-converged', at: r.firstBreak, value: 1 });
    else if (r.outcomes.inconsistent)
      f.anomalies.push({ seed: r.seed, kind: 'inconsistent', at: r.firstBreak, value: r.outcomes.inconsistent });
    else if (r.outcomes.blocked)
      f.anomalies.push({ seed: r.seed, kind: 'blocked', at: r.firstBreak, value: r.outcomes.blocked });
  }
  if (worst >= 0 && (!f.slowest || worst > f.slowest.value))
    f.slowest = { seed: r.seed, kind: 'slowest', at: null, value: worst };
  addBlocking(f.blocking, r);
}

/**
 * The runs of one (pattern, sweep point), added in any order at their slot (their rank in canonical order), and
 * aggregated at any time. `add` costs the run's own size; `result()` costs the runs added since the last one plus a
 * pass over sorted arrays, never a loop over every run or a sort of everything — so the page can fold 20,000
 * streamed runs and redraw without a long task. How: latencies and window lengths are kept sorted (each result merges
 * in the new ones; sorted values do not depend on arrival order), integer counts are summed as runs arrive, and the
 * per-run figures whose sums depend on order are folded slot by slot over the prefix of slots filled so far (each
 * worker fills its stretch of slots from the front, src/lab/schedule.ts), with only the filled slots past it folded
 * again at each result (~3 µs a slot: 500 of them add ~1.5 ms). Every figure is computed as aggregate() always did
 * — sums over the sorted latencies and windows, per-run figures in slot order — so any arrival order, any worker
 * count and any sharding give the same numbers, bit for bit.
 */
export class GroupAccumulator {
  private readonly slots: (RunMetrics | undefined)[];
  /** Per slot: the run's slowest transaction (−1: none). */
  private readonly worst: number[];
  private sorted: Float64Array = NONE;
  private pending: number[] = [];
  private transactions = 0;
  private events = 0;
  private readonly counts: Partial<Record<TxOutcome, number>> = {};
  private readonly byType: Record<string, number> = {};
  private maxHold = 0;
  /** Slots [0, prefix) are filled and folded into `fold` (with its windows merged into `windows` at result()). */
  private prefix = 0;
  private fold = emptyFold();
  private windows: Float64Array = NONE;
  /** The highest filled slot. */
  private last = -1;
  private any: RunMetrics | undefined;
  /** A slot was given a second run: rebuild from the slots at the next result(). */
  private stale = false;
  size = 0;

  constructor(slots: number) {
    this.slots = new Array(slots);
    this.worst = new Array(slots);
  }

  add(slot: number, r: RunMetrics): void {
    if (this.slots[slot] !== undefined) {
      this.slots[slot] = r;
      this.stale = true;
      return;
    }
    this.slots[slot] = r;
    this.size++;
    this.any = r;
    if (slot > this.last) this.last = slot;
    this.count(slot, r);
  }

  /** The order-free part of a run: latencies (to sort), integer sums, maxima. */
  private count(slot: number, r: RunMetrics): void {
    this.transactions += r.transactions;
    this.events += r.events;
    let worst = -1;
    for (const l of r.latencies) {
      this.pending.push(l);
      if (l > worst) worst = l;
    }
    this.worst[slot] = worst;
    for (const o of OUTCOMES) if (r.outcomes[o]) this.counts[o] = (this.counts[o] ?? 0) + (r.outcomes[o] as number);
    if (r.locks.max > this.maxHold) this.maxHold = r.locks.max;
    for (const type in r.messages) this.byType[type] = (this.byType[type] ?? 0) + r.messages[type];
  }

  private rebuild(): void {
    this.sorted = NONE;
    this.pending = [];
    this.transactions = 0;
    this.events = 0;
    for (const k of Object.keys(this.counts)) delete this.counts[k as TxOutcome];
    for (const k of Object.keys(this.byType)) delete this.byType[k];
    this.maxHold = 0;
    this.prefix = 0;
    this.fold = emptyFold();
    this.windows = NONE;
    this.slots.forEach((r, i) => r && this.count(i, r));
    this.stale = false;
  }

  result(): PatternAggregate {
    if (this.stale) this.rebuild();
    if (this.pending.length) {
      this.sorted = mergeSorted(this.sorted, sortedCopy(this.pending));
      this.pending = [];
    }
    const latencies = this.sorted;
    // Extend the folded prefix over the slots filled since; fold the filled slots past it into a copy.
    while (this.prefix < this.slots.length && this.slots[this.prefix] !== undefined) {
      foldSlot(this.fold, this.slots[this.prefix] as RunMetrics, this.worst[this.prefix]);
      this.prefix++;
    }
    if (this.fold.windows.length) {
      this.windows = mergeSorted(this.windows, sortedCopy(this.fold.windows));
      this.fold.windows = [];
    }
    const p = this.fold;
    let f = p;
    let windows = this.windows;
    if (this.last >= this.prefix) {
      f = {
        ...emptyFold(),
        affected: p.affected,
        never: p.never,
        anomalies: [...p.anomalies],
        slowest: p.slowest,
        blocking: { ...p.blocking, keys: new Map(p.blocking.keys) },
      };
      for (let i = this.prefix; i <= this.last; i++) {
        const r = this.slots[i];
        if (r) foldSlot(f, r, this.worst[i]);
      }
      f.holdPerTx = p.holdPerTx.concat(f.holdPerTx);
      f.msgPerTx = p.msgPerTx.concat(f.msgPerTx);
      windows = mergeSorted(windows, sortedCopy(f.windows));
    }
    const runs = this.size;
    const transactions = this.transactions;
    const outcomes: Partial<Record<TxOutcome, RateCI>> = {};
    for (const o of OUTCOMES) if (this.counts[o]) outcomes[o] = wilson(this.counts[o] as number, transactions);
    const tx = Math.max(1, transactions);
    const messagesPerTx: Record<string, number> = {};
    for (const k of Object.keys(this.byType).sort()) messagesPerTx[k] = this.byType[k] / tx;
    const anomalies = f.slowest ? [...f.anomalies, f.slowest] : f.anomalies;
    return {
      pattern: this.any?.pattern ?? '',
      point: this.any?.point ?? 0,
      runs,
      transactions,
      events: this.events,
      latency: {
        n: latencies.length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        mean: meanCI(latencies),
        cdf: cdf(latencies),
      },
      outcomes,
      locks: { holdPerTx: meanCI(f.holdPerTx), max: this.maxHold },
      messagesPerTx,
      messagesPerTxTotal: meanCI(f.msgPerTx),
      inconsistency: {
        runsAffected: wilson(f.affected, runs),
        window: {
          n: windows.length,
          p50: percentile(windows, 50),
          p95: percentile(windows, 95),
          max: windows.length ? windows[windows.length - 1] : NaN,
          mean: meanCI(windows),
        },
        neverConverged: wilson(f.never, runs),
      },
      blocking: blockingFrom(f.blocking),
      anomalies: anomalies.slice(0, 20),
    };
  }
}

/** Aggregate the runs of one (pattern, sweep point), given in canonical order. */
export function aggregate(runs: readonly RunMetrics[]): PatternAggregate {
  const acc = new GroupAccumulator(runs.length);
  runs.forEach((r, i) => acc.add(i, r));
  return acc.result();
}

/** Canonical order of runs: pattern (in the given order), sweep point, seed. */
export function sortRuns(runs: RunMetrics[], patternOrder: readonly string[]): RunMetrics[] {
  const rank = new Map(patternOrder.map((p, i) => [p, i]));
  return [...runs].sort(
    (a, b) =>
      (rank.get(a.pattern) ?? 1e9) - (rank.get(b.pattern) ?? 1e9) ||
      a.pattern.localeCompare(b.pattern) ||
      a.point - b.point ||
      a.seed - b.seed,
  );
}

/** Merge partial results (shards, workers): every job once, canonical order. A job present twice must agree. */
export function mergeRuns(parts: readonly (readonly RunMetrics[])[], patternOrder: readonly string[]): RunMetrics[] {
  const seen = new Map<string, RunMetrics>();
  const key = (j: LabJob) => `${j.pattern}\u0000${j.point}\u0000${j.seed}`;
  for (const part of parts) {
    for (const r of part) {
      const k = key(r);
      const prev = seen.get(k);
      if (prev && JSON.stringify(prev) !== JSON.stringify(r)) throw new Error(`run ${k} differs between parts`);
      seen.set(k, r);
    }
  }
  return sortRuns([...seen.values()], patternOrder);
}

/** Group runs by (pattern, point) and aggregate each group, in canonical order. */
export function aggregateAll(runs: readonly RunMetrics[]): PatternAggregate[] {
  const groups = new Map<string, RunMetrics[]>();
  for (const r of runs) {
    const k = `${r.pattern}\u0000${r.point}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].map(aggregate);
}
