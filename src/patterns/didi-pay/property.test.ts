/**
 * Property tests, on DDMQ and on RocketMQ (the mq switch): with idempotent consumers and retries on, every payment ends consistent — each consumer's effect
 * applied exactly once (or the refund issued), "paid ⇒ commission or refund" — under any schedule of crashes (each
 * followed by a recovery) of every node, drops and duplicates on the channels of the fault surface, and random
 * transient failures. With idempotency and retries off, a counterexample is found. Reference checks agree after every
 * event. The inconsistency window (payment until the last effect) is measured.
 *
 * On RocketMQ a run lasts 30 virtual minutes (check rounds every 60 s, the retry ladder's first steps) with the
 * consumers' idle pull at RocketMQ's 15 s, and at most a 20 % transient failure rate (the ladder grows to hours). A
 * payment whose service crashed before its local transaction is not recorded at all (the half message is rolled back
 * at the check-back; the payment platform would call back again) — so there "every payment" means every recorded one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Scenario } from '../../engine/types';
import { crashesArb, msgFaultsArb, randomScenario } from '../../engine/testing/faults';
import { didiPay } from './index';

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mq: fc.constantFrom('ddmq', 'rocketmq'),
  txCount: fc.integer({ min: 1, max: 3 }),
  stock: fc.constantFrom(1, 2, 100),
  failRate: fc.constantFrom(0, 0.2, 0.5),
  loss: fc.constantFrom(0, 0, 0.1),
  duplicate: fc.constantFrom(0, 0, 0.1, 0.3),
  crashes: crashesArb(3_000, 1_500, 3),
  msgFaults: msgFaultsArb(3_000, 2, 3),
});
type W = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: W, on: boolean): Scenario {
  const rocket = w.mq === 'rocketmq';
  const params = {
    mq: w.mq,
    txCount: w.txCount,
    txGap: 300,
    stock: w.stock,
    failRate: rocket ? Math.min(w.failRate, 0.2) : w.failRate,
    retryDelay: 300,
    maxRetries: 30,
    ...(rocket ? { fetchTimeout: 15_000 } : {}),
  };
  return randomScenario(didiPay, w, params, {
    guards: { idempotent: on, retries: on },
    horizon: rocket ? 30 * 60_000 : 25_000,
  });
}

const run = (sc: Scenario, referenceCheck = false): SimResult =>
  simulate(didiPay, sc, { record: false, referenceCheck });
// A payment callback that reaches a crashed payment service is not recorded (on RocketMQ also one that crashes it
// before its local transaction): such a run has nothing to judge; the first property counts them.
const consistent = (r: SimResult) =>
  r.outcomes.every((o) => o.outcome === 'delivered' || o.outcome === 'repaired') &&
  r.invariants.every((i) => i.final === 'holds') &&
  (r.invariants.find((i) => i.id === 'exactly-once')?.broken.length ?? 1) === 0;

describe('didi-pay under random fault schedules', () => {
  it('idempotent + retries: every payment ends consistent (reference checks agree after every event)', () => {
    let worst = 0;
    const runs = [0, 0];
    const recorded = [0, 0];
    fc.assert(
      fc.property(world, (w) => {
        const r = run(scenarioOf(w, true), true);
        runs[w.mq === 'rocketmq' ? 1 : 0]++;
        if (r.outcomes.length) recorded[w.mq === 'rocketmq' ? 1 : 0]++;
        for (const o of r.outcomes) worst = Math.max(worst, (o.end ?? r.endTime) - (o.start ?? 0));
        return r.referenceMismatches.length === 0 && consistent(r);
      }),
      { numRuns: 100, seed: 20_261_201 },
    );
    expect(worst).toBeGreaterThan(300);
    // both models ran, and nearly every run had payments to judge
    for (const i of [0, 1]) {
      expect(runs[i]).toBeGreaterThan(30);
      expect(recorded[i] / runs[i]).toBeGreaterThan(0.9);
    }
    console.log(`didi-pay: longest inconsistency window (payment → last effect): ${Math.round(worst)} ms`);
  }, 120_000);

  it('the schedules are not trivial: many runs retry, skip a duplicate or refund', () => {
    const busy = fc.sample(world, { numRuns: 60, seed: 20_261_201 }).filter((w) => {
      const r = simulate(didiPay, scenarioOf(w, true));
      return r.events.some(
        (e) =>
          e.kind === 'note' &&
          [
            'didipay.note.failed',
            'didipay.note.failedLater',
            'didipay.note.duplicate',
            'didipay.note.refunded',
          ].includes(e.key),
      );
    });
    expect(busy.length).toBeGreaterThan(20);
  }, 120_000);

  it('on RocketMQ the schedules reach the check-back (反查) and the retry ladder', () => {
    const worlds = fc.sample(world, { numRuns: 60, seed: 20_261_202 }).map((w) => ({ ...w, mq: 'rocketmq' as const }));
    let checked = 0;
    let laddered = 0;
    for (const w of worlds) {
      const r = simulate(didiPay, scenarioOf(w, true));
      if (r.events.some((e) => e.kind === 'send' && e.msg.type === 'CHECK_TX')) checked++;
      if (r.events.some((e) => e.kind === 'note' && e.key === 'didipay.note.broker.sentBack')) laddered++;
      expect(consistent(r), JSON.stringify(w)).toBe(true);
    }
    expect(checked).toBeGreaterThan(5);
    expect(laddered).toBeGreaterThan(10);
  }, 120_000);

  it('idempotency and retries off: a counterexample (and the same schedule with them on is consistent)', () => {
    const res = fc.check(
      fc.property(world, (w) => consistent(run(scenarioOf(w, false)))),
      { numRuns: 100, seed: 20_261_201 },
    );
    expect(res.failed).toBe(true);
    const cex = res.counterexample?.[0];
    expect(cex).toBeDefined();
    if (cex) expect(consistent(run(scenarioOf(cex, true)))).toBe(true);
  }, 120_000);
});
