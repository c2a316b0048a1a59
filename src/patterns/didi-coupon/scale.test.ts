/**
 * The coupon flow's step cost does not depend on history: counted work per event is the same at 100 and 10,000
 * orders, and no node's state grows with the number of orders (requests in progress, coupons and monitors are rows;
 * a restarted broker re-arms only the waiting monitors, from its `delayedOpen` index).
 */
import { describe, expect, it } from 'vitest';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import { didiCoupon } from './index';

const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(a, b);

describe('didi-coupon scales linearly', () => {
  for (const failRate of [0, 1]) {
    it(`failRate ${failRate}: invariant checks and table writes per event are the same at 100 and 10,000 orders`, () => {
      const sc = (n: number) => {
        const s = withTxCount(didiCoupon, n);
        return { ...s, params: { ...s.params, failRate } };
      };
      const small = costFigures(didiCoupon, sc(100), false);
      const big = costFigures(didiCoupon, sc(10_000), false);
      expect(big.events).toBeGreaterThan(95 * small.events);
      expect(near(big.checksPerEvent, small.checksPerEvent, 0.01)).toBe(true);
      expect(near(big.writesPerEvent, small.writesPerEvent, 0.01)).toBe(true);
      expect(small.checksPerEvent).toBeGreaterThan(0.1);
    }, 120_000);
  }
  it('node state carried by events does not grow with the number of orders', () => {
    const small = costFigures(didiCoupon, withTxCount(didiCoupon, 100), true);
    const big = costFigures(didiCoupon, withTxCount(didiCoupon, 2_000), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(12);
  }, 60_000);
});
