/** A step's cost does not depend on history: counted work per event is the same at 100 and 10,000 orders. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulator';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import type { Scenario } from '../../engine/types';
import { notify } from './index';

/** Every 10th notification's answer is lost, so a tenth of the orders is retried on the ladder. */
const lossy = (sc: Scenario): Scenario => ({
  ...sc,
  params: { ...sc.params, reconcile: 'schedule' },
  network: { default: sc.network.default, links: [{ from: 'merchant', to: 'platform', loss: 0.1 }] },
});

describe('best-effort notification scales linearly', () => {
  it('invariant checks and table writes per event are the same at 100 and 10,000 orders', () => {
    const small = costFigures(notify, withTxCount(notify, 100), false);
    const big = costFigures(notify, withTxCount(notify, 10_000), false);
    expect(big.events).toBeGreaterThan(90 * small.events);
    expect(big.checksPerEvent).toBeCloseTo(small.checksPerEvent, 2);
    expect(big.writesPerEvent).toBeCloseTo(small.writesPerEvent, 2);
  }, 60_000);
  it('with retries and scheduled reconciliation as well', () => {
    const small = costFigures(notify, lossy(withTxCount(notify, 100)), false);
    const big = costFigures(notify, lossy(withTxCount(notify, 10_000)), false);
    expect(big.events).toBeGreaterThan(90 * small.events);
    expect(big.checksPerEvent).toBeCloseTo(small.checksPerEvent, 1);
    expect(big.writesPerEvent).toBeCloseTo(small.writesPerEvent, 1);
  }, 60_000);
  it('node state carried by events does not grow with the number of orders', () => {
    const small = costFigures(notify, withTxCount(notify, 100), true);
    const big = costFigures(notify, withTxCount(notify, 2_000), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(20);
  }, 60_000);
  it('order ids that are Object.prototype names are ordinary orders', () => {
    const sc = withTxCount(notify, 1);
    const workload = ['constructor', 'toString', '__proto__'].map((tx, i) => ({
      at: 10 + i * 600,
      node: 'client',
      request: { type: 'PAY', tx },
    }));
    const r = simulate(notify, { ...sc, workload });
    expect(r.outcomes.map((o) => [o.tx, o.outcome])).toEqual([
      ['constructor', 'delivered'],
      ['toString', 'delivered'],
      ['__proto__', 'delivered'],
    ]);
  });
});
