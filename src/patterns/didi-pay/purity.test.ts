/** Reducers are pure (frozen state and rows give the same trace), state is plain JSON, and the views read right. */
import { describe, expect, it } from 'vitest';
import { frozenPattern } from '../../engine/testing/purity';
import { namedScenario } from '../../engine/scenario';
import { simulate } from '../../engine/simulator';
import { dbAt, indexTrace } from '../../engine/trace';
import { didiPay } from './index';
import { runNamed } from './testkit';

const frozen = frozenPattern(didiPay);

describe('didi-pay reducers', () => {
  for (const ns of didiPay.scenarios) {
    for (const mq of ['ddmq', 'rocketmq']) {
      it(`${ns.id} (${mq}): same trace with frozen inputs; states are plain JSON`, () => {
        const base = namedScenario(didiPay, ns);
        const sc = { ...base, params: { ...base.params, mq } };
        const a = simulate(didiPay, sc);
        expect(simulate(frozen, sc).hash).toBe(a.hash);
        expect(JSON.parse(JSON.stringify(a.final.states))).toEqual(a.final.states);
      });
    }
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
  it('on RocketMQ, the queue card: empty at first, then the half message open, then committed after its check', () => {
    const base = runNamed('s-didi-4-idempotent');
    const r = runNamed('s-didi-4-idempotent', { params: { ...base.scenario.params, mq: 'rocketmq' } });
    expect(didiPay.topology(r.scenario.params).nodes.find((n) => n.id === 'broker')?.label).toBe(
      'node.didi-pay.rocketmq',
    );
    const ix = indexTrace(r);
    const at = (pos: number) =>
      didiPay.view('broker', 'broker', r.initial.states.broker, true, dbAt(ix, 'broker', pos));
    const first = r.events.findIndex((e) => e.kind === 'deliver' && e.node === 'broker');
    // before the first message: the topic's messages, 0 — nothing said to be "waiting"
    expect(at(first).durable).toEqual([{ label: 'didipay.row.messages', value: 0, pin: true }]);
    const check = r.events.findIndex((e) => e.kind === 'send' && e.msg.type === 'CHECK_TX');
    const before = at(check);
    expect(before.durable.find((x) => x.label === 'pay-P1')).toMatchObject({ value: 'half ×1', tone: 'prepared' });
    expect(before.durable.find((x) => x.label === 'pay-P1#2')).toMatchObject({ value: 'committed' });
    expect(before.durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.halfOpen', value: 1 });
    const end = didiPay.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker'));
    expect(end.durable.find((x) => x.label === 'pay-P1')).toMatchObject({ value: 'committed ×1' });
    expect(end.durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.halfOpen', value: 0 });
    expect(end.durable.find((x) => x.label === 'didipay.row.messages')?.value).toBe(2);
  });
  it('on RocketMQ, a retry waiting on the ladder is what the queue card pins', () => {
    const base = runNamed('s-didi-2-ledger-retry');
    const r = runNamed('s-didi-2-ledger-retry', { params: { ...base.scenario.params, mq: 'rocketmq' } });
    const ix = indexTrace(r);
    const back = r.events.findIndex((e) => e.kind === 'note' && e.key === 'didipay.note.broker.sentBack');
    const b = didiPay.view('broker', 'broker', r.initial.states.broker, true, dbAt(ix, 'broker', back + 1));
    expect(b.durable.find((x) => x.pin)).toMatchObject({ label: 'didipay.row.scheduled', value: 1 });
    expect(b.tone).toBe('prepared');
  });
  it('on RocketMQ, dead letters show in red on the queue card', () => {
    const base = runNamed('s-didi-2-ledger-retry');
    const r = runNamed('s-didi-2-ledger-retry', {
      params: { ...base.scenario.params, mq: 'rocketmq', ledgerFailures: 10, maxReconsumeTimes: 1 },
    });
    const b = didiPay.view('broker', 'broker', r.final.states.broker, true, r.final.db('broker'));
    expect(b.durable.find((x) => x.label === 'didipay.row.dlq')).toMatchObject({ value: 1, tone: 'violated' });
  });
});
