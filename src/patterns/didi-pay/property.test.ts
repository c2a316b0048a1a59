/**
 * Property tests: with idempotent consumers and retries on, every payment ends consistent — each consumer's effect
 * applied exactly once (or the refund issued), "paid ⇒ commission or refund" — under any schedule of crashes (each
 * followed by a recovery) of every node, drops and duplicates on the channels of the fault surface, and random
 * transient failures. With idempotency and retries off, a counterexample is found. Reference checks agree after every
 * event. The inconsistency window (payment until the last effect) is measured.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Fault, LinkOverride, Scenario } from '../../engine/types';
import { didiPay } from './index';

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  txCount: fc.integer({ min: 1, max: 3 }),
  stock: fc.constantFrom(1, 2, 100),
  failRate: fc.constantFrom(0, 0.2, 0.5),
  loss: fc.constantFrom(0, 0, 0.1),
  duplicate: fc.constantFrom(0, 0, 0.1, 0.3),
  crashes: fc.array(
    fc.record({ pick: fc.nat(), at: fc.integer({ min: 0, max: 3_000 }), down: fc.integer({ min: 1, max: 1_500 }) }),
    { maxLength: 3 },
  ),
  msgFaults: fc.array(
    fc.record({
      pick: fc.nat(),
      at: fc.integer({ min: 0, max: 3_000 }),
      dup: fc.boolean(),
      count: fc.integer({ min: 1, max: 2 }),
    }),
    { maxLength: 3 },
  ),
});
type W = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: W, on: boolean): Scenario {
  const base = baseScenario(didiPay, w.seed);
  const params = {
    ...base.params,
    txCount: w.txCount,
    txGap: 300,
    stock: w.stock,
    failRate: w.failRate,
    retryDelay: 300,
    maxRetries: 30,
  };
  const surf = didiPay.surface(params);
  const faults: Fault[] = [];
  w.crashes.forEach((c, i) => {
    const node = surf.crashable[c.pick % surf.crashable.length];
    faults.push({ id: `crash-${i}`, when: { at: c.at }, do: { crash: node } });
    faults.push({ id: `recover-${i}`, when: { at: c.at + c.down }, do: { recover: node } });
  });
  w.msgFaults.forEach((m, i) => {
    const ch = surf.channels[m.pick % surf.channels.length];
    const type = ch.types[m.pick % ch.types.length];
    const matcher = { from: ch.from, to: ch.to, type, count: m.count };
    faults.push({ id: `msg-${i}`, when: { at: m.at }, do: m.dup ? { duplicate: matcher } : { drop: matcher } });
  });
  const links: LinkOverride[] = surf.channels.map((ch) => ({
    from: ch.from,
    to: ch.to,
    loss: w.loss,
    duplicate: w.duplicate,
  }));
  return {
    ...base,
    params,
    guards: { idempotent: on, retries: on },
    network: { default: base.network.default, links },
    workload: didiPay.workload(params),
    faults,
    horizon: 25_000,
  };
}

const run = (sc: Scenario, referenceCheck = false): SimResult =>
  simulate(didiPay, sc, { record: false, referenceCheck });
const consistent = (r: SimResult) =>
  r.outcomes.length > 0 &&
  r.outcomes.every((o) => o.outcome === 'delivered' || o.outcome === 'repaired') &&
  r.invariants.every((i) => i.final === 'holds') &&
  (r.invariants.find((i) => i.id === 'exactly-once')?.broken.length ?? 1) === 0;

describe('didi-pay under random fault schedules', () => {
  it('idempotent + retries: every payment ends consistent (reference checks agree after every event)', () => {
    let worst = 0;
    fc.assert(
      fc.property(world, (w) => {
        const r = run(scenarioOf(w, true), true);
        for (const o of r.outcomes) worst = Math.max(worst, (o.end ?? r.endTime) - (o.start ?? 0));
        return r.referenceMismatches.length === 0 && consistent(r);
      }),
      { numRuns: 100, seed: 20_261_201 },
    );
    expect(worst).toBeGreaterThan(300);
    console.log(`didi-pay: longest inconsistency window (payment → last effect): ${Math.round(worst)} ms`);
  }, 120_000);

  it('the schedules are not trivial: many runs retry, skip a duplicate or refund', () => {
    const busy = fc.sample(world, { numRuns: 60, seed: 20_261_201 }).filter((w) => {
      const r = simulate(didiPay, scenarioOf(w, true));
      return r.events.some(
        (e) =>
          e.kind === 'note' &&
          ['didipay.note.failed', 'didipay.note.duplicate', 'didipay.note.refunded'].includes(e.key),
      );
    });
    expect(busy.length).toBeGreaterThan(20);
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
