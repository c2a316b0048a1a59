/**
 * The RocketMQ pattern's step cost does not depend on history: counted work per event is the same at 100 and 10,000
 * transactions, and no node's state grows with them. A check round reads the half queue from the check group's
 * offset (each entry once over the whole run), the open half messages are an index of their own, and the consumer's
 * idempotency table is keyed by message id.
 */
import { describe, expect, it } from 'vitest';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import type { Fault } from '../../engine/types';
import { rocketmq } from './index';

const near = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(a, b);

/** A tenth of the end-transactions (the first ones) is lost: those transactions are committed by a check-back. */
const lossy = (n: number): Fault[] => [
  { id: 'drop-ends', when: { at: 0 }, do: { drop: { type: 'END_TX', count: Math.ceil(n / 10) } } },
];

describe('rocketmq scales linearly', () => {
  it('invariant checks and table writes per event are the same at 100 and 10,000 transactions', () => {
    const sc = (n: number) => {
      // Check rounds every second (1 s immunity), so that rounds and idle polls grow with the run's length as the
      // transactions do, and a short tail: stop 5 s after the last transaction, the lost commits checked back.
      const s = withTxCount(rocketmq, n, 60);
      const params = { ...s.params, transactionCheckInterval: 1_000, transactionTimeOut: 1_000 };
      return { ...s, params, faults: lossy(n), horizon: s.horizon - rocketmq.defaultHorizon + 5_000 };
    };
    const small = costFigures(rocketmq, sc(100), false);
    const big = costFigures(rocketmq, sc(10_000), false);
    expect(big.events).toBeGreaterThan(80 * small.events);
    // Measured: 0.410 vs 0.405 checks and 0.974 vs 0.977 writes per event (a scan of history would multiply them).
    expect(near(big.checksPerEvent, small.checksPerEvent, 0.02)).toBe(true);
    expect(near(big.writesPerEvent, small.writesPerEvent, 0.02)).toBe(true);
    expect(small.checksPerEvent).toBeGreaterThan(0.2);
  }, 120_000);
  it('node state carried by events does not grow with the number of transactions', () => {
    const small = costFigures(rocketmq, withTxCount(rocketmq, 100, 60), true);
    const big = costFigures(rocketmq, withTxCount(rocketmq, 2_000, 60), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(12);
  }, 60_000);
});
