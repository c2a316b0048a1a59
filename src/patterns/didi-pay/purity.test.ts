/** Reducers are pure (frozen state and rows give the same trace), state is plain JSON, and the views read right. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { didiPay } from './index';
import { runNamed } from './testkit';

const frozen = frozenPattern(didiPay);

describe('didi-pay reducers', () => {
  for (const ns of didiPay.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(didiPay, ns);
      const a = simulate(didiPay, sc);
      expect(simulate(frozen, sc).hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('didi-pay views', () => {
  it('without idempotency: ×2 in red at every consumer; stock and commission pinned', () => {
    const r = runNamed('s-didi-4-not-idempotent');
    const v = (n: string) => didiPay.view(n, n, r.final.states[n], true, r.final.db(n));
    for (const c of ['stock', 'orders', 'ledger', 'procure'])
      expect(v(c).durable[0]).toMatchObject({ label: 'P1', value: '×2', tone: 'violated' });
    expect(v('stock').durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.stock', value: 98 });
    expect(v('ledger').durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.commission', value: 800 });
    expect(
      didiPay.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker')).durable.find((x) => x.pin)
        ?.value,
    ).toBe(2);
  });
  it('with retries off the ledger shows the dropped message; the payment service shows nothing waiting', () => {
    const r = runNamed('s-didi-2-no-retry');
    const l = didiPay.view('ledger', 'ledger', r.final.states.ledger, true, r.final.db('ledger'));
    expect(l.tone).toBe('blocked');
    expect(l.durable.find((x) => x.label === 'didipay.row.dead')?.value).toBe(1);
    const p = didiPay.view('pay', 'pay', r.final.states.pay, true, r.final.db('pay'));
    expect(p.durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.unacked', value: 0 });
  });
});
