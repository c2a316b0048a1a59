/** Chart data shaping: what each chart and table draws, from the aggregates (and the handlers for code burden). */
import { describe, expect, it } from 'vitest';
import { aggregateAll } from '../../lab/aggregate';
import type { RunMetrics } from '../../lab/runs';
import {
  anomaliesFor,
  atPoint,
  cdfSeries,
  codeBurden,
  inconsistencyRows,
  latencyRows,
  lockRows,
  messageRows,
  outcomeRows,
  prosConsRows,
  sweepRows,
} from './shape';
import { defaultLabConfig } from '../../lab/config';

function run(pattern: string, point: number, seed: number, over: Partial<RunMetrics> = {}): RunMetrics {
  return {
    pattern,
    point,
    seed,
    events: 10,
    stoppedBy: 'quiescent',
    transactions: 2,
    latencies: [100, 200],
    outcomes: { committed: 2 },
    locks: { count: 2, total: 100, max: 60 },
    messages: { prepare: 4, commit: 2 },
    inconsistency: { windows: 0, total: 0, max: 0 },
    neverConverged: false,
    broke: [],
    firstBreak: null,
    completed: 2,
    span: 1_000,
    hotLock: null,
    ...over,
  };
}

const runs = [
  run('a', 0, 1),
  run('a', 0, 2, {
    outcomes: { committed: 1, inconsistent: 1 },
    inconsistency: { windows: 1, total: 300, max: 300 },
    firstBreak: 150,
    broke: ['atomic'],
  }),
  run('b', 0, 1, { latencies: [50, 50], outcomes: { aborted: 1, repaired: 1 }, messages: { try: 2 } }),
  run('b', 0, 2, {
    latencies: [400],
    transactions: 2,
    outcomes: { blocked: 1, committed: 1 },
    neverConverged: true,
    firstBreak: 90,
  }),
];
const aggs = aggregateAll(runs);

describe('chart shaping', () => {
  it('latency percentiles and CDF per pattern', () => {
    expect(latencyRows(aggs)).toEqual([
      { pattern: 'a', n: 4, p50: 100, p95: 200, p99: 200, mean: 150 },
      { pattern: 'b', n: 3, p50: 50, p95: 400, p99: 400, mean: 166.7 },
    ]);
    const b = cdfSeries(aggs)[1];
    expect(b.points[0]).toEqual({ x: 50, y: 66.7 });
    expect(b.points.at(-1)).toEqual({ x: 400, y: 100 });
  });

  it('outcome mix in percent, grouped as the issue lists them', () => {
    expect(outcomeRows(aggs)).toEqual([
      { pattern: 'a', transactions: 4, committed: 75, aborted: 0, blocked: 0, inconsistent: 25, repaired: 0 },
      { pattern: 'b', transactions: 4, committed: 25, aborted: 25, blocked: 25, inconsistent: 0, repaired: 25 },
    ]);
  });

  it('lock hold, messages by type (each pattern its own types, most first), inconsistency', () => {
    expect(lockRows(aggs)[0]).toMatchObject({ pattern: 'a', hold: 50, max: 60, blocked: 0 });
    const m = messageRows(aggs);
    expect(m[0]).toMatchObject({ pattern: 'a', total: 3, s0: 2, n0: 'prepare', s1: 1, n1: 'commit', s2: 0, n2: '' });
    expect(m[0].types).toEqual([
      { type: 'prepare', perTx: 2 },
      { type: 'commit', perTx: 1 },
    ]);
    // b: run 1 sent TRY ×2 and run 2 PREPARE ×4, COMMIT ×2, over 4 transactions; ties go by name.
    expect(m[1]).toMatchObject({ n0: 'prepare', s0: 1, n1: 'commit', s1: 0.5, n2: 'try', s2: 0.5, rest: 0 });
    expect(inconsistencyRows(aggs)).toEqual([
      { pattern: 'a', affected: 50, never: 0, windowP50: 300, windowP95: 300, windowMax: 300 },
      { pattern: 'b', affected: 0, never: 50, windowP50: null, windowP95: null, windowMax: null },
    ]);
  });

  it('messages: past six types, the last segment groups the rest (and says how many)', () => {
    const many = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => [k, 8 - i]));
    const [row] = messageRows(aggregateAll([run('x', 0, 1, { transactions: 1, messages: many })]));
    expect([row.n0, row.n1, row.n4, row.n5]).toEqual(['a', 'b', 'e', '']);
    expect([row.s4, row.s5, row.rest]).toEqual([4, 3 + 2 + 1, 3]);
    expect(row.types).toHaveLength(8);
  });

  it('sweep rows: one per swept value, a value and a band per pattern', () => {
    const c = { ...defaultLabConfig(), sweep: { key: 'loss' as const, values: [0, 0.1] } };
    const swept = aggregateAll([...runs, run('a', 1, 1, { outcomes: { aborted: 2 } })]);
    const rows = sweepRows(c, swept, ['a', 'b'], 'committed');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ x: 0, a: 75, b: 25 });
    expect(rows[0]['a:band']).toEqual([expect.any(Number), expect.any(Number)]);
    expect(rows[1]).toMatchObject({ x: 0.1, a: 0 });
    expect(rows[1].b).toBeUndefined();
    expect(atPoint(swept, 1).map((a) => a.pattern)).toEqual(['a']);
  });

  it('pros / cons cells come from the runs and the handlers, never typed in', () => {
    const handlers = { a: [{ id: 'h1', role: 'r', code: ['x', 'y'], runsOn: [] }], b: [] };
    expect(codeBurden(handlers.a)).toEqual({ handlers: 1, lines: 2 });
    const rows = prosConsRows(aggs, (p) => handlers[p as 'a' | 'b']);
    expect(rows[0]).toMatchObject({ pattern: 'a', inconsistentRuns: 50, handlers: 1, lines: 2, p50: 100, messages: 3 });
    expect(rows[1]).toMatchObject({ pattern: 'b', neverConverged: 50, blocked: 25, handlers: 0, lines: 0 });
  });

  it('a click on a bar lists that pattern’s anomalies, of the kinds it stands for', () => {
    expect(anomaliesFor(aggs, 'a', 0, ['inconsistent'])).toEqual([
      { seed: 2, kind: 'inconsistent', at: 150, value: 1 },
    ]);
    expect(anomaliesFor(aggs, 'b', 0).map((x) => x.kind)).toEqual(['never-converged', 'slowest']);
    expect(anomaliesFor(aggs, 'zzz', 0)).toEqual([]);
  });
});
