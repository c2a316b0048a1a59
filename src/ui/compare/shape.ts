/**
 * Chart data shaping for the Compare view: pure functions from the aggregates to the rows each chart (and its table)
 * draws. Numbers are never typed in: every cell comes from the runs or from the pattern's own handler list.
 */
import { lostToBlocking, type Anomaly, type PatternAggregate } from '../../lab/aggregate';
import type { HandlerDef, TxOutcome } from '../../engine';
import { atSweepPoint, type LabConfig, type SweepKey } from '../../lab/config';

/** Okabe–Ito (colour-blind safe); black is left out of the cycle (it is the text colour). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
/** Dash patterns, so lines differ by more than colour. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '12 6', '1 2', '6 2 1 2'];

export const hue = (i: number) => OKABE_ITO[i % OKABE_ITO.length];
export const dash = (i: number) => DASHES[i % DASHES.length];

/** The outcome groups the mix shows (the list), each from the engine's outcomes. */
export const OUTCOME_GROUPS: { id: string; outcomes: TxOutcome[] }[] = [
  { id: 'committed', outcomes: ['committed', 'delivered'] },
  { id: 'aborted', outcomes: ['aborted', 'given-up'] },
  { id: 'blocked', outcomes: ['blocked', 'pending', 'half'] },
  { id: 'inconsistent', outcomes: ['inconsistent', 'dead-lettered'] },
  { id: 'repaired', outcomes: ['repaired'] },
];

/** The aggregates of one sweep point (0 without a sweep), in pattern order. */
export function atPoint(aggs: readonly PatternAggregate[], point = 0): PatternAggregate[] {
  return aggs.filter((a) => a.point === point);
}

const fin = (x: number) => (Number.isFinite(x) ? x : null);
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const pct = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 10 : null);

export function latencyRows(aggs: readonly PatternAggregate[]) {
  return aggs.map((a) => ({
    pattern: a.pattern,
    n: a.latency.n,
    p50: r1(a.latency.p50),
    p95: r1(a.latency.p95),
    p99: r1(a.latency.p99),
    mean: r1(a.latency.mean.mean),
  }));
}

/** CDF series, one per pattern, latency (ms) → percent of transactions done. */
export function cdfSeries(aggs: readonly PatternAggregate[]) {
  return aggs.map((a) => ({ pattern: a.pattern, points: a.latency.cdf.map((p) => ({ x: p.x, y: pct(p.y) })) }));
}

/** Outcome mix per pattern, in percent of transactions (one key per outcome group). */
export function outcomeRows(aggs: readonly PatternAggregate[]) {
  return aggs.map((a) => {
    const row: Record<string, number | string | null> = { pattern: a.pattern, transactions: a.transactions };
    for (const g of OUTCOME_GROUPS) {
      let rate = 0;
      for (const o of g.outcomes) rate += a.outcomes[o]?.rate ?? 0;
      row[g.id] = pct(rate);
    }
    return row;
  });
}

export function lockRows(aggs: readonly PatternAggregate[]) {
  return aggs.map((a) => ({
    pattern: a.pattern,
    hold: r1(a.locks.holdPerTx.mean),
    lo: r1(a.locks.holdPerTx.lo),
    hi: r1(a.locks.holdPerTx.hi),
    max: r1(a.locks.max),
    blocked: pct(a.outcomes.blocked?.rate ?? 0),
  }));
}

/**
 * Throughput lost to blocking (aggregate.ts, Blocking): per pattern, the offered rate, the measured throughput, what
 * the hot lock lets through (1000 / its hold per completed transaction) and the share of the offer above it.
 */
export function blockingRows(aggs: readonly PatternAggregate[], offered: number) {
  const r2 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);
  return aggs.map((a) => {
    const b = a.blocking;
    return {
      pattern: a.pattern,
      key: b.key,
      hold: b.holdPerCompleted === null ? null : r1(b.holdPerCompleted),
      capacity: r2(b.capacity),
      utilization: b.utilization === null ? null : pct(b.utilization),
      throughput: r2(b.throughput),
      offered: r2(offered),
      lost: pct(lostToBlocking(b, offered)),
    };
  });
}

/** The offered rate (transactions / s) at a sweep point. */
export function offeredAt(config: LabConfig, point: number): number {
  return atSweepPoint(config, config.sweep?.values[point]).workload.perSecond;
}

/** Messages per transaction by type: the union of types (sorted), a row per pattern. */
/** Segments of a pattern's messages bar: its most frequent types, the last slot the rest when there are more. */
export const MESSAGE_SLOTS = 6;

export interface MessageRow {
  pattern: string;
  total: number;
  /** Every type this pattern sent, most per transaction first (ties by name), for the tooltip and the table. */
  types: { type: string; perTx: number }[];
  /** Slot i's value (`s0`…) and its type (`n0`…; for the last slot when it groups several, ''), as Recharts reads them. */
  [slot: `s${number}` | `n${number}`]: number | string;
  /** How many types the last slot groups (0 when it is one type or empty). */
  rest: number;
}

/**
 * Messages per transaction by type, one row per pattern. Each pattern has its own message types (2PC's PREPARE and
 * VOTE, TCC's TRY, RocketMQ's HALF…: about 45 in all), so the bar's segments are per pattern, not per type: slot i is
 * the pattern's i-th most frequent type, labelled with its name (a legend of 45 types in 8 colours said nothing).
 */
export function messageRows(aggs: readonly PatternAggregate[]): MessageRow[] {
  return aggs.map((a) => {
    const types = Object.entries(a.messagesPerTx)
      .map(([type, v]) => ({ type, perTx: Math.round(v * 100) / 100 }))
      .filter((x) => x.perTx > 0)
      .sort((x, y) => y.perTx - x.perTx || (x.type < y.type ? -1 : x.type > y.type ? 1 : 0));
    const row = { pattern: a.pattern, total: r1(a.messagesPerTxTotal.mean), types, rest: 0 } as MessageRow;
    const grouped = types.length > MESSAGE_SLOTS;
    for (let i = 0; i < MESSAGE_SLOTS; i++) {
      const last = i === MESSAGE_SLOTS - 1;
      if (last && grouped) {
        const rest = types.slice(i);
        row[`s${i}`] = Math.round(rest.reduce((n, x) => n + x.perTx, 0) * 100) / 100;
        row[`n${i}`] = '';
        row.rest = rest.length;
      } else {
        row[`s${i}`] = types[i]?.perTx ?? 0;
        row[`n${i}`] = types[i]?.type ?? '';
      }
    }
    return row;
  });
}

export function inconsistencyRows(aggs: readonly PatternAggregate[]) {
  return aggs.map((a) => ({
    pattern: a.pattern,
    affected: pct(a.inconsistency.runsAffected.rate),
    never: pct(a.inconsistency.neverConverged.rate),
    windowP50: r1(a.inconsistency.window.p50),
    windowP95: r1(a.inconsistency.window.p95),
    windowMax: r1(a.inconsistency.window.max),
  }));
}

/** The metrics a sweep can plot; each gives a value and (when it has one) its 95 % interval. */
export type SweepMetric =
  | 'latencyMean'
  | 'latencyP95'
  | 'committed'
  | 'inconsistentRuns'
  | 'neverConverged'
  | 'messages'
  | 'lockHold'
  | 'blockingLoss';
export const SWEEP_METRICS: SweepMetric[] = [
  'latencyMean',
  'latencyP95',
  'committed',
  'inconsistentRuns',
  'neverConverged',
  'messages',
  'lockHold',
  'blockingLoss',
];

export function metricOf(
  a: PatternAggregate,
  m: SweepMetric,
  offered = NaN,
): { v: number | null; lo: number | null; hi: number | null } {
  const mean = (c: { mean: number; lo: number; hi: number }) => ({ v: r1(c.mean), lo: r1(c.lo), hi: r1(c.hi) });
  const rate = (c: { rate: number; lo: number; hi: number } | undefined) =>
    c ? { v: pct(c.rate), lo: pct(c.lo), hi: pct(c.hi) } : { v: 0, lo: 0, hi: 0 };
  switch (m) {
    case 'latencyMean':
      return mean(a.latency.mean);
    case 'latencyP95':
      return { v: fin(a.latency.p95), lo: null, hi: null };
    case 'committed':
      return rate(a.outcomes.committed ?? a.outcomes.delivered);
    case 'inconsistentRuns':
      return rate(a.inconsistency.runsAffected);
    case 'neverConverged':
      return rate(a.inconsistency.neverConverged);
    case 'messages':
      return mean(a.messagesPerTxTotal);
    case 'lockHold':
      return mean(a.locks.holdPerTx);
    case 'blockingLoss':
      return { v: pct(lostToBlocking(a.blocking, offered)), lo: null, hi: null };
  }
}

/**
 * Sweep rows: one per swept value (x), with `<pattern>` = the metric and `<pattern>:band` = [lo, hi] (a Recharts
 * range area) for each pattern.
 */
export function sweepRows(
  config: LabConfig,
  aggs: readonly PatternAggregate[],
  patterns: readonly string[],
  m: SweepMetric,
) {
  if (!config.sweep) return [];
  return config.sweep.values.map((x, point) => {
    const row: Record<string, number | null | [number, number] | string> = { x, point };
    for (const p of patterns) {
      const a = aggs.find((g) => g.pattern === p && g.point === point);
      if (!a) continue;
      const { v, lo, hi } = metricOf(a, m, offeredAt(config, point));
      row[p] = v;
      if (lo !== null && hi !== null) row[p + ':band'] = [lo, hi];
    }
    return row;
  });
}

/** Code burden from the pattern's handlers: how many a business team writes, and their lines. */
export function codeBurden(handlers: readonly HandlerDef[]): { handlers: number; lines: number } {
  return { handlers: handlers.length, lines: handlers.reduce((n, h) => n + h.code.length, 0) };
}

/** The pros / cons table: every measured cell from the runs, code burden from the handlers. */
export function prosConsRows(
  aggs: readonly PatternAggregate[],
  handlersOf: (pattern: string) => readonly HandlerDef[],
) {
  return aggs.map((a) => {
    const burden = codeBurden(handlersOf(a.pattern));
    return {
      pattern: a.pattern,
      inconsistentRuns: pct(a.inconsistency.runsAffected.rate),
      neverConverged: pct(a.inconsistency.neverConverged.rate),
      blocked: pct(a.outcomes.blocked?.rate ?? 0),
      lockHold: r1(a.locks.holdPerTx.mean),
      p50: r1(a.latency.p50),
      p99: r1(a.latency.p99),
      messages: r1(a.messagesPerTxTotal.mean),
      handlers: burden.handlers,
      lines: burden.lines,
    };
  });
}

/** Which anomalies a click on a chart element stands for: a pattern's, optionally of some kinds. */
export function anomaliesFor(
  aggs: readonly PatternAggregate[],
  pattern: string,
  point = 0,
  kinds?: readonly Anomaly['kind'][],
): Anomaly[] {
  const a = aggs.find((g) => g.pattern === pattern && g.point === point);
  if (!a) return [];
  return kinds ? a.anomalies.filter((x) => kinds.includes(x.kind)) : a.anomalies;
}

/** A sweep key's value as the axis shows it (rates in %, times in ms). */
export function sweepLabelValue(key: SweepKey, v: number): string {
  return key === 'loss' || key === 'duplicate' || key === 'failureRate' ? `${+(v * 100).toFixed(2)} %` : String(v);
}
