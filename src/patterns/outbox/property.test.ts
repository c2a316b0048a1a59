/**
 * Property tests: with the consumer's dedup on, commits after processing and the relay's retries, every order ends
 * delivered exactly once under any schedule of relay / broker / consumer crashes (each followed by a recovery) and
 * drops and duplicates on the channels the pattern's fault surface names. With dedup off, some schedule applies an
 * order twice. The incremental invariant checks agree with the reference checks after every event.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { crashesArb, msgFaultsArb, randomScenario } from '../../engine/testing/faults';
import { BT } from '../broker';
import { outbox } from './index';

const relayMode = fc.constantFrom('polling', 'log-tailing');

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  txCount: fc.integer({ min: 1, max: 4 }),
  relay: relayMode,
  onAck: fc.constantFrom('mark', 'delete'),
  partitions: fc.integer({ min: 1, max: 2 }),
  loss: fc.constantFrom(0, 0, 0.1, 0.3),
  duplicate: fc.constantFrom(0, 0, 0.1, 0.3),
  crashes: crashesArb(4_000, 2_000, 4),
  msgFaults: msgFaultsArb(4_000, 3, 4),
});

type W = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: W, dedup: boolean): Scenario {
  const params = {
    txCount: w.txCount,
    txGap: 300,
    relay: w.relay,
    onAck: w.onAck,
    partitions: w.partitions,
  };
  return randomScenario(outbox, w, params, { guards: { dedup }, horizon: 25_000 });
}

const run = (sc: Scenario, referenceCheck = false): SimResult =>
  simulate(outbox, sc, { record: false, referenceCheck });
const exactlyOnceEverywhere = (r: SimResult) =>
  r.outcomes.length > 0 &&
  r.outcomes.every((o) => o.outcome === 'delivered') &&
  r.invariants.every((i) => i.kind === 'eventually' || i.broken.length === 0) &&
  r.invariants.every((i) => i.final === 'holds');

describe('outbox under random fault schedules', () => {
  it('with dedup on, every order ends delivered exactly once (reference checks agree after every event)', () => {
    fc.assert(
      fc.property(world, (w) => {
        const r = run(scenarioOf(w, true), true);
        return r.referenceMismatches.length === 0 && exactlyOnceEverywhere(r);
      }),
      { numRuns: 150, seed: 20_261_201 },
    );
  }, 60_000);

  it('the schedules are not trivial: many runs publish or deliver some message more than once', () => {
    const dupRuns = fc.sample(world, { numRuns: 80, seed: 20_261_201 }).filter((w) => {
      const r = simulate(outbox, scenarioOf(w, true));
      const republished = r.final.db('broker').size(BT.log) > w.txCount;
      const skipped = r.events.some((e) => e.kind === 'note' && e.key === 'outbox.note.duplicate');
      return republished || skipped;
    });
    expect(dupRuns.length).toBeGreaterThan(20);
  }, 60_000);

  it('with dedup off, some schedule applies an order twice (and the same schedule with dedup on does not)', () => {
    const res = fc.check(
      fc.property(world, (w) => exactlyOnceEverywhere(run(scenarioOf(w, false)))),
      { numRuns: 150, seed: 20_261_201 },
    );
    expect(res.failed).toBe(true);
    const cex = res.counterexample?.[0];
    expect(cex).toBeDefined();
    if (cex) {
      const off = run(scenarioOf(cex, false));
      expect(off.invariants.find((i) => i.id === 'exactly-once')?.final).toBe('violated');
      expect(exactlyOnceEverywhere(run(scenarioOf(cex, true)))).toBe(true);
    }
  }, 60_000);
});
