import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { scheduleArb, type Schedule } from '../shared/faultgen';
import { saga } from './index';

const knobs = fc.record({
  failStep: fc.constantFrom('none', 'bob', 'smith'),
  order: fc.constantFrom('debit-first', 'credit-first'),
  transientBranch: fc.constantFrom('bob', 'smith'),
  compensateFailures: fc.integer({ min: 0, max: 2 }),
});

function safe(s: Schedule, params: Record<string, string | number>, barrier: boolean): boolean {
  const base = baseScenario(saga, s.seed);
  const r = simulate(
    saga,
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
  const never = (id: string) => r.invariants.find((i) => i.id === id)?.broken.length === 0;
  const final = (id: string) => r.invariants.find((i) => i.id === id)?.final === 'holds';
  return (
    r.stoppedBy === 'quiescent' &&
    never('conservation') &&
    never('no-negative') &&
    never('exactly-once') &&
    final('atomicity') &&
    r.outcomes.every((o) => o.outcome === 'committed' || o.outcome === 'aborted')
  );
}

const arb = fc.tuple(scheduleArb(['ACTION', 'COMPENSATE']), knobs);

const choreo = fc.tuple(
  scheduleArb(['BEGIN', 'ACTION', 'COMPENSATE', 'ACK'], { mesh: true, crashable: ['bob', 'smith'] }),
  knobs.map((k) => ({ ...k, coordination: 'choreography' })),
);

describe('Saga under random fault schedules (drops, duplicates, delays, reordering, coordinator crash + recovery)', () => {
  it('with the barrier: money conserved, nothing applied twice, all steps done or all compensated', () => {
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
  it('choreography (outbox + acks, service crashes): safe with the barrier, not without', () => {
    fc.assert(
      fc.property(choreo, ([s, k]) => safe(s, k, true)),
      { numRuns: 300, seed: 20260101 },
    );
    expect(
      fc.check(
        fc.property(choreo, ([s, k]) => safe(s, k, false)),
        { numRuns: 300, seed: 20260101 },
      ).failed,
    ).toBe(true);
  });
});
