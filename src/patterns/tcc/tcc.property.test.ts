import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { scheduleArb, type Schedule } from '../shared/faultgen';
import { tcc } from './index';

const knobs = fc.record({
  tryFails: fc.constantFrom('none', 'bob', 'smith'),
  transientBranch: fc.constantFrom('bob', 'smith'),
  confirmFailures: fc.integer({ min: 0, max: 2 }),
  cancelFailures: fc.integer({ min: 0, max: 2 }),
});

function run(s: Schedule, params: Record<string, string | number>, barrier: boolean) {
  const base = baseScenario(tcc, s.seed);
  return simulate(
    tcc,
    {
      ...base,
      params: { ...base.params, ...params },
      guards: { barrier },
      network: s.network,
      faults: s.faults,
      horizon: 3_000_000,
    },
    { record: false },
  );
}

/** Money conserved at every instant, nothing applied twice, no freeze leaked, both sides agree, the TM finished. */
function safe(s: Schedule, params: Record<string, string | number>, barrier: boolean): boolean {
  const r = run(s, params, barrier);
  const ok = (id: string) => r.invariants.find((i) => i.id === id)?.broken.length === 0;
  const final = (id: string) => r.invariants.find((i) => i.id === id)?.final === 'holds';
  return (
    r.stoppedBy === 'quiescent' &&
    ok('conservation') &&
    ok('no-negative') &&
    ok('exactly-once') &&
    final('no-leak') &&
    final('atomicity') &&
    r.outcomes.every((o) => o.outcome === 'committed' || o.outcome === 'aborted')
  );
}

const arb = fc.tuple(scheduleArb(['TRY', 'CONFIRM', 'CANCEL']), knobs);

describe('TCC under random fault schedules (drops, duplicates, delays, reordering, TM crash + recovery)', () => {
  it('with the barrier: money conserved, nothing applied twice, no freeze leaks, all-or-nothing', () => {
    fc.assert(
      fc.property(arb, ([s, k]) => safe(s, k, true)),
      { numRuns: 300, seed: 20260101 },
    );
  });
  it('without the barrier: some schedule breaks it', () => {
    const res = fc.check(
      fc.property(arb, ([s, k]) => safe(s, k, false)),
      { numRuns: 300, seed: 20260101 },
    );
    expect(res.failed).toBe(true);
  });
});
