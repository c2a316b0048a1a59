/**
 * The outbox's step cost does not depend on history: counted work per event is the same at 100 and 10,000 orders,
 * and no node's state grows with the number of orders (pending rows, in-flight publishes and queued records are
 * table rows; the relay's query reads the pending index from its head, never the whole outbox).
 */
import { describe, expect, it } from 'vitest';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import { outbox } from './index';

const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(a, b);

describe('outbox scales linearly', () => {
  for (const relay of ['polling', 'log-tailing']) {
    it(`${relay}: invariant checks and table writes per event are the same at 100 and 10,000 orders`, () => {
      const sc = (n: number) => {
        // Stop 1.5 s after the last order (a poll and the hops after it): enough to deliver it, and little idle tail.
        const s = withTxCount(outbox, n);
        return { ...s, params: { ...s.params, relay }, horizon: s.horizon - outbox.defaultHorizon + 1_500 };
      };
      const small = costFigures(outbox, sc(100), false);
      const big = costFigures(outbox, sc(10_000), false);
      expect(big.events).toBeGreaterThan(80 * small.events);
      // Equal up to the idle tail (a poll every second, a fetch every 500 ms, no checks): under 1% of 100 orders.
      expect(near(big.checksPerEvent, small.checksPerEvent, 0.01)).toBe(true);
      expect(near(big.writesPerEvent, small.writesPerEvent, 0.01)).toBe(true);
      expect(small.checksPerEvent).toBeGreaterThan(0.2);
    }, 120_000);
  }
  it('node state carried by events does not grow with the number of orders', () => {
    const small = costFigures(outbox, withTxCount(outbox, 100), true);
    const big = costFigures(outbox, withTxCount(outbox, 2_000), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(12);
  }, 60_000);
});
