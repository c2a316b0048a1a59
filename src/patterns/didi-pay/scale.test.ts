/**
 * The fan-out's step cost does not depend on history: counted work per event is the same at 100 and 10,000 payments,
 * and no node's state grows with their number (payments, processed ids, retries and refunds are rows).
 */
import { describe, expect, it } from 'vitest';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import { didiPay } from './index';

const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(a, b);

describe('didi-pay scales linearly', () => {
  it('invariant checks and table writes per event are the same at 100 and 10,000 payments', () => {
    // Stop 1.5 s after the last payment: enough to deliver it, and little idle polling tail.
    const sc = (n: number) => {
      const s = withTxCount(didiPay, n);
      return {
        ...s,
        params: { ...s.params, ledgerFailures: 1, stock: 1_000_000 },
        horizon: s.horizon - didiPay.defaultHorizon + 1_500,
      };
    };
    const small = costFigures(didiPay, sc(100), false);
    const big = costFigures(didiPay, sc(10_000), false);
    expect(big.events).toBeGreaterThan(95 * small.events);
    expect(near(big.checksPerEvent, small.checksPerEvent, 0.01)).toBe(true);
    expect(near(big.writesPerEvent, small.writesPerEvent, 0.01)).toBe(true);
    expect(small.checksPerEvent).toBeGreaterThan(0.1);
  }, 180_000);
  it('on RocketMQ too: half messages, check rounds and send-backs cost the same per event at 1,000 and 10,000', () => {
    // Payments 600 ms apart: check rounds (every 60 s, each payment answers UNKNOW) and 10 s retries happen all along;
    // stop 1.5 s after the last payment, as above.
    const sc = (n: number) => {
      const s = withTxCount(didiPay, n);
      return {
        ...s,
        params: { ...s.params, mq: 'rocketmq', ledgerFailures: 1, localAnswer: 'unknow', stock: 1_000_000 },
        horizon: s.horizon - didiPay.defaultHorizon + 1_500,
      };
    };
    // (1,000, not 100: a run's first and last minute — no check round yet, retries not yet due — must not dominate)
    const small = costFigures(didiPay, sc(1_000), false);
    const big = costFigures(didiPay, sc(10_000), false);
    expect(big.events).toBeGreaterThan(9 * small.events);
    expect(near(big.checksPerEvent, small.checksPerEvent, 0.05)).toBe(true);
    expect(near(big.writesPerEvent, small.writesPerEvent, 0.05)).toBe(true);
  }, 240_000);
  it('node state carried by events does not grow with the number of payments', () => {
    const small = costFigures(didiPay, withTxCount(didiPay, 100), true);
    const big = costFigures(didiPay, withTxCount(didiPay, 1_000), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(12);
  }, 120_000);
});
