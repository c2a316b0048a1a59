/** 2PC's step cost does not depend on history: counted work per event is the same at 100 and 10,000 transactions. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulator';
import { costFigures, withTxCount } from '../../engine/testing/scale';
import { twoPC } from './index';

describe('2PC scales linearly', () => {
  it('invariant checks and table writes per event are the same at 100 and 10,000 transactions', () => {
    const small = costFigures(twoPC, withTxCount(twoPC, 100), false);
    const big = costFigures(twoPC, withTxCount(twoPC, 10_000), false);
    expect(big.events).toBeGreaterThan(50 * small.events);
    expect(big.checksPerEvent).toBeCloseTo(small.checksPerEvent, 2);
    expect(big.writesPerEvent).toBeCloseTo(small.writesPerEvent, 2);
  }, 60_000);
  it('node state carried by events does not grow with the number of transactions', () => {
    const small = costFigures(twoPC, withTxCount(twoPC, 100), true);
    const big = costFigures(twoPC, withTxCount(twoPC, 2_000), true);
    expect(big.maxStateSize).toBe(small.maxStateSize);
    expect(small.maxStateSize).toBeLessThan(40);
  }, 60_000);
  it('transaction ids that are Object.prototype names are ordinary transactions', () => {
    const sc = withTxCount(twoPC, 1);
    const workload = ['constructor', 'toString', '__proto__'].map((tx, i) => ({
      at: 10 + i * 600,
      node: 'app',
      request: { type: 'BEGIN', tx },
    }));
    const r = simulate(twoPC, { ...sc, workload });
    expect(r.outcomes.map((o) => [o.tx, o.outcome])).toEqual([
      ['toString', 'committed'],
      ['__proto__', 'committed'],
      ['constructor', 'committed'],
    ]);
  });
});
