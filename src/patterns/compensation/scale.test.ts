/**
 * Linear cost, proved with counters (not timers): invariant evaluations per event and the size of node state are
 * the same with 100 transactions behind a step as with 10,000, so reintroducing a scan or a table spread fails here.
 */
import { describe, expect, it } from 'vitest';
import { baseScenario, simulate, type PatternDef, type Scenario, type TraceEvent } from '../../engine';
import { saga } from '../saga';
import { tcc } from '../tcc';

const GAP = 600;

function many(p: PatternDef, txCount: number, extra: Record<string, string | number> = {}): Scenario {
  const base = baseScenario(p);
  const params = { ...base.params, ...extra, txCount, txGap: GAP };
  return { ...base, params, workload: p.workload(params), horizon: txCount * GAP + 600_000 };
}

/** Own properties of a value, counted through nested objects and arrays. */
function size(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  for (const k of Object.keys(v)) n += 1 + size((v as Record<string, unknown>)[k]);
  return n;
}

const maxStateSize = (events: TraceEvent[]) =>
  events.reduce((m, e) => ('state' in e ? Math.max(m, size(e.state)) : m), 0);

/**
 * Every transfer the same work whatever N (Bob's 100 would pay for only 3 of them): Smith's side fails, so each one
 * reserves or debits at Bob, fails at Smith and is cancelled / compensated (barrier rows, applied and settled rows,
 * reservations as locks — all of it per gid).
 */
const cases: [string, PatternDef, Record<string, string | number>][] = [
  ['TCC', tcc, { tryFails: 'smith' }],
  ['Saga (orchestrated)', saga, { failStep: 'smith' }],
  ['Saga (choreography)', saga, { coordination: 'choreography', failStep: 'smith' }],
];
const LONG = 120_000;

describe('compensation patterns: a step costs the same whatever the history', () => {
  for (const [name, p, extra] of cases) {
    it(
      `${name}: invariant checks per event at 100 and 10,000 transactions agree within 5 %`,
      () => {
        const perEvent = (n: number) => {
          const r = simulate(p, many(p, n, extra), { record: false });
          expect(r.stoppedBy).toBe('quiescent');
          expect(r.outcomes).toHaveLength(n);
          return r.stats.invariantChecks / r.stats.events;
        };
        const small = perEvent(100);
        const large = perEvent(10_000);
        expect(Math.abs(large / small - 1)).toBeLessThan(0.05);
      },
      LONG,
    );

    it(
      `${name}: the largest node state of a run is the same at 100 and 2,000 transactions`,
      () => {
        const a = simulate(p, many(p, 100, extra));
        const b = simulate(p, many(p, 2_000, extra));
        expect(maxStateSize(b.events)).toBe(maxStateSize(a.events));
      },
      LONG,
    );
  }

  it('transactions called "constructor" and "toString" run as ordinary transfers', () => {
    for (const [, p, extra] of cases) {
      const base = many(p, 1, { ...extra, tryFails: 'none', failStep: 'none' });
      const workload = ['constructor', 'toString'].map((tx, i) => ({
        at: i * GAP,
        node: 'client',
        request: { type: 'TRANSFER', tx, amount: 30 },
      }));
      const r = simulate(p, { ...base, workload }, { referenceCheck: true });
      expect(r.outcomes.map((o) => [o.tx, o.outcome])).toEqual([
        ['constructor', 'committed'],
        ['toString', 'committed'],
      ]);
      expect(r.invariants.every((i) => i.final === 'holds' && (i.kind === 'eventually' || !i.broken.length))).toBe(
        true,
      );
      expect(r.referenceMismatches).toEqual([]);
      const bob = r.final.states.bob.durable as { available: number };
      expect(bob.available).toBe(40);
    }
  });
});
