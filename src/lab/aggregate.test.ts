/** The lab's statistics against hand-computed cases, and merge / sharding invariance. */
import { describe, expect, it } from 'vitest';
import { aggregateAll, blockingOf, cdf, lostToBlocking, meanCI, mergeRuns, percentile, wilson } from './aggregate';
import { defaultLabConfig, FAULT_PRESETS, type LabConfig } from './config';
import { runLabSync } from './sweep';
import { hotLockOf, type RunMetrics } from './runs';

describe('lab statistics', () => {
  it('nearest-rank percentiles', () => {
    const xs = [15, 20, 35, 40, 50];
    expect(percentile(xs, 5)).toBe(15);
    expect(percentile(xs, 30)).toBe(20);
    expect(percentile(xs, 40)).toBe(20);
    expect(percentile(xs, 50)).toBe(35);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile([], 50)).toBeNaN();
  });
  it('the CDF is right-continuous and ends at 1', () => {
    expect(cdf([1, 2, 2, 3], 4)).toEqual([
      { x: 1, y: 0.25 },
      { x: 2, y: 0.75 },
      { x: 3, y: 1 },
    ]);
  });
  it('mean with a 95 % normal-approximation interval', () => {
    const m = meanCI([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.mean).toBe(5);
    // sample sd = sqrt(32/7) = 2.138; half-width = 1.96 * 2.138 / sqrt(8) = 1.4816
    expect(m.hi - m.mean).toBeCloseTo(1.4816, 3);
    expect(m.mean - m.lo).toBeCloseTo(1.4816, 3);
  });
  it('Wilson interval for a rate', () => {
    const w = wilson(8, 10);
    expect(w.rate).toBe(0.8);
    expect(w.lo).toBeCloseTo(0.4902, 3);
    expect(w.hi).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 20).lo).toBe(0);
  });
});

describe('throughput lost to blocking (hand-computed)', () => {
  const run = (seed: number, completed: number, span: number, hotLock: RunMetrics['hotLock']): RunMetrics => ({
    pattern: 'p',
    point: 0,
    seed,
    events: 0,
    stoppedBy: 'quiescent',
    transactions: completed,
    latencies: [],
    outcomes: { committed: completed },
    locks: { count: 0, total: 0, max: 0 },
    messages: {},
    inconsistency: { windows: 0, total: 0, max: 0 },
    neverConverged: false,
    broke: [],
    firstBreak: null,
    completed,
    span,
    hotLock,
  });

  it('the hot lock: shared resources only, the union of its holds, the longest-held one', () => {
    const locks = [
      { node: 'P1', resource: 'x', from: 0, to: 100 },
      { node: 'P1', resource: 'x', from: 50, to: 150 }, // overlaps: the union is 0…150
      { node: 'P1', resource: 'x', from: 200, to: null }, // still held at the end (300)
      { node: 'P2', resource: 'x', from: 0, to: 200 },
      { node: 'bob', resource: 'pending:g1', from: 0, to: 1_000 }, // g1's own reservation: not shared
    ];
    expect(hotLockOf(locks, new Set(['g1', 'g2']), 300)).toEqual({ key: 'P1/x', busy: 250 });
    expect(hotLockOf(locks.slice(4), new Set(['g1']), 300)).toBeNull();
  });

  it('D = busy / completed, capacity 1000 / D, utilization busy / span, and the share of the offer lost', () => {
    const runs = [
      run(1, 3, 2_000, { key: 'P1/x', busy: 1_500 }),
      run(2, 1, 1_000, { key: 'P1/x', busy: 500 }),
      run(3, 4, 1_000, null),
    ];
    const b = blockingOf(runs);
    // Locked runs: busy 2000 ms for 4 completed transactions over 3000 ms.
    expect(b).toEqual({
      key: 'P1/x',
      runs: 2,
      busy: 2_000,
      completed: 4,
      span: 3_000,
      holdPerCompleted: 500,
      capacity: 2,
      utilization: 2_000 / 3_000,
      // Every run: 8 completed in 4000 ms.
      throughput: 2,
    });
    expect(lostToBlocking(b, 5)).toBeCloseTo(0.6, 12);
    expect(lostToBlocking(b, 2)).toBe(0);
    expect(lostToBlocking(blockingOf([runs[2]]), 100)).toBe(0);
    expect(aggregateAll(runs)[0].blocking).toEqual(b);
  });
});

describe('lab runs are deterministic whatever the split', () => {
  const config: LabConfig = {
    ...defaultLabConfig(),
    patterns: ['2pc'],
    workload: { transactions: 5, perSecond: 4, failureRate: 0 },
    faults: { ...FAULT_PRESETS['bad-day'], crashRate: 2 },
    runs: 6,
    seed: 7,
  };
  const whole = runLabSync(config);
  it('every run reports metrics', () => {
    expect(whole.runs).toHaveLength(6);
    expect(whole.runs.every((r) => r.transactions === 5)).toBe(true);
    const agg = aggregateAll(whole.runs);
    expect(agg).toHaveLength(1);
    expect(agg[0].transactions).toBe(30);
  });
  it('three shards merged give exactly the unsharded result', () => {
    const parts = [1, 2, 3].map((k) => runLabSync(config, { shard: { k, n: 3 } }).runs);
    expect(parts.map((p) => p.length)).toEqual([2, 2, 2]);
    const merged = mergeRuns(parts.reverse(), whole.patterns);
    expect(merged).toEqual(whole.runs);
    expect(aggregateAll(merged)).toEqual(aggregateAll(whole.runs));
  });
  it('the same config twice gives the same numbers', () => {
    expect(runLabSync(config).runs).toEqual(whole.runs);
  });
  it('a sweep runs every point', () => {
    const sweep = runLabSync({ ...config, runs: 2, sweep: { key: 'loss', values: [0, 0.2] } });
    expect(aggregateAll(sweep.runs).map((a) => a.point)).toEqual([0, 1]);
  });
});
