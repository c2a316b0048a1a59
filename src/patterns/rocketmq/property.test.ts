/**
 * Property tests: with the idempotent consumer, the check listener that reads its table and consumer retries on,
 * every transaction ends consistent — committed and consumed once, or rolled back and never seen — under any
 * schedule of producer / broker / consumer crashes (each followed by a recovery), drops and duplicates on the
 * channels the pattern's fault surface names, and business failures. With the idempotent consumer off, some schedule
 * applies an order twice. The incremental invariant checks agree with the reference checks after every event.
 * Check rounds run every 5 s here (1 s immunity), so a run of a few minutes has dozens of rounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { crashesArb, msgFaultsArb, randomScenario } from '../../engine/testing/faults';
import { rocketmq } from './index';

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  txCount: fc.integer({ min: 1, max: 4 }),
  bizFail: fc.constantFrom(0, 0, 0.5),
  localAnswer: fc.constantFrom('commit', 'commit', 'unknow'),
  consumeFails: fc.constantFrom(0, 0, 1, 2),
  loss: fc.constantFrom(0, 0, 0.1, 0.3),
  duplicate: fc.constantFrom(0, 0, 0.1, 0.3),
  crashes: crashesArb(8_000, 10_000, 4),
  msgFaults: msgFaultsArb(8_000, 3, 4),
});

type W = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: W, idempotent: boolean): Scenario {
  const params = {
    txCount: w.txCount,
    txGap: 300,
    bizFail: w.bizFail,
    localAnswer: w.localAnswer,
    consumeFails: w.consumeFails,
    transactionCheckInterval: 5_000,
    transactionTimeOut: 1_000,
    fetchTimeout: 2_000,
  };
  // 15 checks at 5 s are 75 s; retries of a twice-failing message 40 s: 4 min leaves room after the last recovery.
  return randomScenario(rocketmq, w, params, { guards: { idempotent }, horizon: 240_000 });
}

const run = (sc: Scenario, referenceCheck = false): SimResult =>
  simulate(rocketmq, sc, { record: false, referenceCheck });

/**
 * Every transaction consistent: consumed once (delivered, or repaired by a check-back) or rolled back. (An order
 * placed while the producer is down never starts: no transaction at all.)
 */
const consistent = (r: SimResult) =>
  r.outcomes.every((o) => o.outcome === 'delivered' || o.outcome === 'repaired' || o.outcome === 'aborted') &&
  r.invariants.every((i) => i.kind === 'eventually' || i.broken.length === 0) &&
  r.invariants.every((i) => i.final === 'holds');

describe('rocketmq under random fault schedules', () => {
  it('idempotent consumer, table-reading check listener, retries: every transaction ends consistent', () => {
    fc.assert(
      fc.property(world, (w) => {
        const r = run(scenarioOf(w, true), true);
        return r.referenceMismatches.length === 0 && consistent(r);
      }),
      { numRuns: 120, seed: 20_261_201 },
    );
  }, 120_000);

  it('the schedules are not trivial: many runs check back, retry or skip a duplicate', () => {
    const busy = fc.sample(world, { numRuns: 60, seed: 20_261_201 }).filter((w) => {
      const r = simulate(rocketmq, scenarioOf(w, true));
      const types = r.stats.byType;
      return (
        (types.CHECK_TX?.sent ?? 0) > 0 ||
        (types.SEND_BACK?.sent ?? 0) > 0 ||
        r.events.some((e) => e.kind === 'note' && e.key === 'rocketmq.note.duplicate')
      );
    });
    expect(busy.length).toBeGreaterThan(20);
  }, 120_000);

  it('consumer not idempotent: some schedule applies an order twice (the same schedule idempotent does not)', () => {
    const res = fc.check(
      fc.property(world, (w) => consistent(run(scenarioOf(w, false)))),
      { numRuns: 120, seed: 20_261_201 },
    );
    expect(res.failed).toBe(true);
    const cex = res.counterexample?.[0];
    expect(cex).toBeDefined();
    if (cex) {
      const off = run(scenarioOf(cex, false));
      expect(off.invariants.find((i) => i.id === 'exactly-once')?.final).toBe('violated');
      expect(consistent(run(scenarioOf(cex, true)))).toBe(true);
    }
  }, 120_000);
});
