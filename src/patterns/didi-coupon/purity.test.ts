/** Reducers are pure (frozen state and rows give the same trace), state is plain JSON, and the views read right. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { didiCoupon } from './index';
import { notes, runNamed } from './testkit';

const frozen = frozenPattern(didiCoupon);

describe('didi-coupon reducers', () => {
  for (const ns of didiCoupon.scenarios) {
    it(`${ns.id}: same trace with frozen inputs; states are plain JSON`, () => {
      const sc = namedScenario(didiCoupon, ns);
      const a = simulate(didiCoupon, sc);
      expect(simulate(frozen, sc).hash).toBe(a.hash);
      expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
    });
  }
});

describe('didi-coupon views', () => {
  it('mid-run in S-DIDI-5: the order is being saved while the coupon is already free and the monitor delivered', () => {
    const r = runNamed('s-didi-5-short-delay');
    const ix = indexTrace(r);
    const pos = notes(r, 'unlocked')[0].seq + 1;
    const at = (node: string, role: string) =>
      didiCoupon.view(node, role, r.initial.states[node], true, dbAt(ix, node, pos));
    const order = at('order', 'order');
    expect(order.statusKey).toBe('didi.status.saving');
    expect(order.volatile[0]).toMatchObject({ label: 'T1', valueKey: 'didi.word.saving', tone: 'working' });
    expect(order.durable.find((x) => x.pin)).toMatchObject({ label: 'didi.row.orders', value: 0 });
    const coupon = at('coupon', 'coupon');
    expect(coupon.durable[0]).toMatchObject({ label: 'cp-T1', value: 'free', tone: 'aborted' });
    const broker = at('broker', 'broker');
    expect(broker.durable[0]).toMatchObject({ label: 'mon-T1', value: 'waiting', tone: 'prepared' });
  });
  it('at the end of the happy path: order saved, coupon locked, monitor cancelled, nothing waiting', () => {
    const r = runNamed('s-didi-1-happy');
    const v = (n: string) => didiCoupon.view(n, n, r.final.states[n], true, r.final.db(n));
    expect(v('order').durable.find((x) => x.pin)?.value).toBe(1);
    expect(v('coupon').durable[0]).toMatchObject({ value: 'locked', tone: 'prepared' });
    expect(v('broker').durable[0]).toMatchObject({ label: 'mon-T1', value: 'cancelled' });
    expect(v('broker').durable.find((x) => x.pin)).toMatchObject({ value: 0, tone: 'committed' });
    expect(didiCoupon.view('order', 'order', r.final.states.order, false, r.final.db('order')).statusKey).toBe(
      'didi.status.down',
    );
  });
  it('before the first message, on either model, the queue card shows an empty queue — not DDMQ’s “waiting”', () => {
    for (const mq of ['ddmq', 'rocketmq']) {
      const base = runNamed('s-didi-1-happy');
      const r = runNamed('s-didi-1-happy', { params: { ...base.scenario.params, mq } });
      const ix = indexTrace(r);
      const first = r.events.findIndex((e) => e.kind === 'deliver' && e.node === 'broker');
      const b = didiCoupon.view('broker', 'broker', r.initial.states.broker, true, dbAt(ix, 'broker', first));
      expect(b.durable, mq).toEqual([{ label: 'didi.row.messages', value: 0, pin: true }]);
      // after it, each model's own rows
      const next = didiCoupon.view('broker', 'broker', r.initial.states.broker, true, dbAt(ix, 'broker', first + 1));
      expect(next.durable.find((x) => x.pin)?.label, mq).toBe(mq === 'ddmq' ? 'didi.row.waiting' : 'didi.row.halfOpen');
    }
  });
  it('every visible table has a view spec with a title and columns', () => {
    const shown = Object.entries(didiCoupon.roles).flatMap(([role, def]) =>
      Object.entries(def.tables ?? {})
        .filter(([, spec]) => spec.view)
        .map(([name]) => `${role}.${name}`),
    );
    expect(shown.sort()).toEqual(
      [
        'order.orders',
        'order.inflight',
        'coupon.coupons',
        'broker.topicLog',
        'broker.logEnds',
        'broker.groupOffsets',
        'broker.delayedMsgs',
        'broker.halfMsgs',
      ].sort(),
    );
  });
});
