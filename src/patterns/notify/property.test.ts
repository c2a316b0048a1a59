/**
 * Property tests: with the idempotency guard and scheduled reconciliation on, under random drops, duplicates and
 * crashes (each followed by a recovery) on the pattern's fault surface, every order the platform paid ends paid at
 * the merchant, applied exactly once, and the incremental invariant checks agree with the reference checks after
 * every event. With both off, fast-check finds a counterexample (applied twice, or given up for good).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Fault, LinkOverride, Scenario } from '../../engine/types';
import { notify } from './index';
import { PT } from './types';

const MIN = 60_000;
const HOUR = 60 * MIN;

const params0 = baseScenario(notify).params;
const surf = notify.surface(params0);
const channel = fc.constantFrom(...surf.channels);

/** Mostly while the orders are paid and notified (the first minute), sometimes later in the ladder. */
const when = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * HOUR }) },
);

const msgFault = fc
  .record({
    kind: fc.constantFrom('drop' as const, 'duplicate' as const),
    ch: channel,
    pick: fc.nat(),
    at: when,
    count: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ kind, ch, pick, at, count }): Fault[] => {
    const m = { from: ch.from, to: ch.to, type: ch.types[pick % ch.types.length], count };
    return [{ id: kind, when: { at }, do: kind === 'drop' ? { drop: m } : { duplicate: m } }];
  });

/** A crash of a node the surface names, and its recovery up to 26 h later (past the WeChat ladder's 24 h 4 min). */
const crashRecover = fc
  .record({
    node: fc.constantFrom(...surf.crashable),
    at: when,
    down: fc.oneof(fc.integer({ min: 1, max: 30 * MIN }), fc.integer({ min: 1, max: 26 * HOUR })),
  })
  .map(({ node, at, down }): Fault[] => [
    { id: 'crash', when: { at }, do: { crash: node } },
    { id: 'recover', when: { at: at + down }, do: { recover: node } },
  ]);

/** A merchant outage past the last step of the ladder (the S-BEN-2 case: only reconciliation repairs it). */
const longOutage = fc
  .record({ at: fc.integer({ min: 0, max: 60_000 }), down: fc.integer({ min: 24 * HOUR + 5 * MIN, max: 26 * HOUR }) })
  .map(({ at, down }): Fault[] => [
    { id: 'crash', when: { at }, do: { crash: 'merchant' } },
    { id: 'recover', when: { at: at + down }, do: { recover: 'merchant' } },
  ]);

const world = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  txCount: fc.integer({ min: 1, max: 3 }),
  loss: fc.constantFrom(0, 0, 0.05, 0.2),
  duplicate: fc.constantFrom(0, 0, 0.1, 0.3),
  faults: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: msgFault },
      { weight: 3, arbitrary: crashRecover },
      { weight: 1, arbitrary: longOutage },
    ),
    {
      maxLength: 5,
    },
  ),
});
type W = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: W, on: boolean, reconcile = on): Scenario {
  const base = baseScenario(notify, w.seed);
  const params = { ...base.params, txCount: w.txCount, txGap: 20_000, reconcile: reconcile ? 'schedule' : 'off' };
  // Random loss and duplication on the surface's channels only (the customer's order and payment are not under test).
  const links: LinkOverride[] = surf.channels.map((c) => ({
    from: c.from,
    to: c.to,
    loss: w.loss,
    duplicate: w.duplicate,
  }));
  return {
    ...base,
    params,
    guards: { ...base.guards, idempotency: on },
    network: { default: base.network.default, links },
    workload: notify.workload(params),
    faults: w.faults.flat().map((f, i) => ({ ...f, id: `${f.id}-${i}` })),
    horizon: 30 * HOUR,
  };
}

/** Every order the platform paid ended paid at the merchant, applied once; and exactly-once never broke. */
function consistent(r: SimResult): boolean {
  const paid = r.outcomes.filter((o) => r.final.db('platform').has(PT.orders, o.tx));
  const inv = (id: string) => r.invariants.find((i) => i.id === id);
  return (
    paid.every((o) => o.outcome === 'delivered' || o.outcome === 'repaired') &&
    inv('exactly-once')?.broken.length === 0 &&
    inv('eventually-consistent')?.final === 'holds'
  );
}

describe('best-effort notification under random fault schedules', () => {
  it('with idempotency and reconciliation: every paid order ends consistent and applied once', () => {
    fc.assert(
      fc.property(world, (w) => consistent(simulate(notify, scenarioOf(w, true), { record: false }))),
      { numRuns: 200, seed: 20_261_201 },
    );
  }, 60_000);

  it('the incremental invariant checks agree with the whole-world reference checks after every event', () => {
    fc.assert(
      fc.property(world, fc.boolean(), (w, on) => {
        const r = simulate(notify, scenarioOf(w, on), { record: false, referenceCheck: true });
        return r.referenceMismatches.length === 0;
      }),
      { numRuns: 80, seed: 20_261_202 },
    );
  }, 60_000);

  it('without them fast-check finds a counterexample, which the guard and reconciliation fix', () => {
    const res = fc.check(
      fc.property(world, (w) => consistent(simulate(notify, scenarioOf(w, false), { record: false }))),
      { numRuns: 200, seed: 20_261_201 },
    );
    expect(res.failed).toBe(true);
    if (res.counterexample) {
      const r = simulate(notify, scenarioOf(res.counterexample[0], false), { record: false });
      console.info(
        `notify counterexample (guard and reconciliation off, after ${res.numRuns} runs, shrunk ${res.numShrinks} times): ` +
          JSON.stringify(res.counterexample[0].faults.flat()) +
          ' → ' +
          r.outcomes.map((o) => `${o.tx} ${o.outcome}`).join(', ') +
          '; broken: ' +
          r.invariants
            .filter((i) => (i.kind === 'always' && i.broken.length > 0) || i.final === 'violated')
            .map((i) => i.id)
            .join(', '),
      );
    }
    const cex = res.counterexample?.[0];
    expect(cex).toBeDefined();
    if (cex) expect(consistent(simulate(notify, scenarioOf(cex, true), { record: false }))).toBe(true);
  }, 60_000);

  it('idempotency alone is not enough: without reconciliation some schedule leaves a paid order given up', () => {
    const res = fc.check(
      fc.property(world, (w) => consistent(simulate(notify, scenarioOf(w, true, false), { record: false }))),
      { numRuns: 300, seed: 20_261_201 },
    );
    expect(res.failed).toBe(true);
    const cex = res.counterexample?.[0];
    if (!cex) throw new Error('no counterexample');
    const r = simulate(notify, scenarioOf(cex, true, false), { record: false });
    console.info(
      `notify counterexample (guard on, reconciliation off, after ${res.numRuns} runs): ` +
        JSON.stringify(cex.faults.flat()) +
        ' → ' +
        r.outcomes.map((o) => `${o.tx} ${o.outcome}`).join(', '),
    );
    expect(r.outcomes.some((o) => o.outcome === 'given-up')).toBe(true);
    expect(consistent(simulate(notify, scenarioOf(cex, true, true), { record: false }))).toBe(true);
  }, 60_000);

  it('the inconsistency window (platform paid → merchant applied) is measured and bounded', () => {
    const windows: number[] = [];
    let repaired = 0;
    fc.assert(
      fc.property(world, (w) => {
        const r = simulate(notify, scenarioOf(w, true), { record: false });
        for (const o of r.outcomes) {
          const paidAt = r.final.db('platform').get(PT.orders, o.tx)?.at;
          if (paidAt === undefined || o.end === undefined) continue;
          windows.push(o.end - Number(paidAt));
          if (o.outcome === 'repaired') repaired++;
        }
        return true;
      }),
      { numRuns: 200, seed: 20_261_201 },
    );
    windows.sort((a, b) => a - b);
    const q = (p: number) => windows[Math.min(windows.length - 1, Math.floor(p * windows.length))];
    // Reported figures (see the pattern's report): median, 90th percentile, max, and how many were repaired.
    console.info(
      `notify inconsistency window over ${windows.length} orders: median ${Math.round(q(0.5))} ms, p90 ${Math.round(q(0.9))} ms, max ${Math.round(q(1))} ms; repaired by reconciliation: ${repaired}`,
    );
    expect(windows.length).toBeGreaterThan(200);
    // A crash lasts at most 26 h after at most 2 h; reconciliation then needs at most two rounds of 10 min.
    expect(q(1)).toBeLessThan(28 * HOUR + 30 * MIN);
  }, 60_000);
});
