/** The DDMQ module on its own: a producer adds and cancels delayed messages on a DDMQ broker, a subscriber gets them. */
import { describe, expect, it } from 'vitest';
import type { PatternDef } from '../../engine/pattern';
import { role, same } from '../../engine/pattern';
import { baseScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Effect, Fault, Row } from '../../engine/types';
import { BT, logEnd } from './index';
import { DDMQ, ddmqBrokerRole, delayAddMsg, delayCancelMsg, type DelayedRow } from './ddmq';

/** At start: a monitor m1 (due 1 s, re-delivered every 500 ms, at most 3 times), and a topic message d1 (due 300 ms).
 * Cancels m1 when it has received it `cancelAfter` times (0: never). */
const producer = role<Record<string, never>, { seen: number }>({
  init: () => ({ durable: {}, volatile: { seen: 0 } }),
  step(s, input, ctx) {
    if (input.kind === 'start')
      return same(s, [
        {
          kind: 'send',
          to: 'broker',
          msg: delayAddMsg({ mid: 'm1', delay: 1_000, interval: 500, max: 3, to: 'producer', type: 'M' }),
        },
        {
          kind: 'send',
          to: 'broker',
          msg: delayAddMsg({ mid: 'm1', delay: 1_000, interval: 500, max: 3, to: 'producer', type: 'M' }),
        },
        { kind: 'send', to: 'broker', msg: delayAddMsg({ mid: 'd1', delay: 300, topic: 't', key: 'k', type: 'D' }) },
      ]);
    if (input.kind === 'deliver' && input.msg.type === 'TX_MONITOR') {
      const seen = s.volatile.seen + 1;
      const effects: Effect[] = [];
      if (seen === Number(ctx.params.cancelAfter))
        effects.push({ kind: 'send', to: 'broker', msg: delayCancelMsg('m1') });
      return { state: { ...s, volatile: { seen } }, effects };
    }
    return same(s);
  },
});

const test: PatternDef = {
  id: 'ddmq-test',
  family: 'test',
  roles: { producer, broker: ddmqBrokerRole() },
  params: [{ key: 'cancelAfter', kind: 'int', default: 0 }],
  guards: [],
  topology: () => ({
    nodes: [
      { id: 'producer', role: 'producer', label: 'producer', x: 0, y: 0 },
      { id: 'broker', role: 'broker', label: 'broker', x: 200, y: 0 },
    ],
    edges: [{ from: 'producer', to: 'broker', kind: 'stream' }],
  }),
  defaultNetwork: { default: { latency: { kind: 'constant', value: 10 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 10_000,
  workload: () => [],
  invariants: [],
  outcomes: () => [],
  view: () => ({ tone: 'idle', statusKey: 'x', durable: [], volatile: [] }),
  scenarios: [],
  handlers: [],
  surface: () => ({ crashable: ['broker'], channels: [] }),
};

function run(cancelAfter = 0, faults: Fault[] = []): SimResult {
  const base = baseScenario(test);
  return simulate(test, { ...base, params: { cancelAfter }, faults });
}
const monitors = (r: SimResult) =>
  r.events.filter((e) => e.kind === 'deliver' && e.msg.type === 'TX_MONITOR').map((e) => e.t);
const row = (r: SimResult, mid: string) => r.final.db('broker').get<DelayedRow & Row>(DDMQ.delayed, mid);

describe('DDMQ delayed messages', () => {
  it('a monitor is pushed when due and re-delivered every interval, at most max times; a re-add is acked, not added', () => {
    const r = run();
    expect(monitors(r)).toEqual([1_020, 1_520, 2_020]); // stored at 10, due at 1010, +10 ms to the subscriber
    expect(row(r, 'm1')).toMatchObject({ status: 'done', fired: 3, due: 2_010 });
    expect(r.events.filter((e) => e.kind === 'deliver' && e.msg.type === 'DELAY_ACK')).toHaveLength(3);
    expect(r.final.db('broker').size(DDMQ.open)).toBe(0);
  });
  it('a plain delayed message is appended to its topic when due (visible to consumers from then on)', () => {
    const r = run();
    expect(logEnd(r.final.db('broker'), 't', 0)).toBe(1);
    const append = r.events.find((e) => 'writes' in e && e.writes?.some((w) => w.table === BT.log && w.row));
    expect(append?.t).toBe(310);
    expect(row(r, 'd1')).toMatchObject({ status: 'done', fired: 1 });
  });
  it('cancel stops the loop: cancelled after the first delivery, never delivered again; a late cancel fails', () => {
    const r = run(1);
    expect(monitors(r)).toEqual([1_020]);
    expect(row(r, 'm1')).toMatchObject({ status: 'cancelled', fired: 1, cancelledAt: 1_030 });
    const late = run(3);
    const ack = late.events.find((e) => e.kind === 'deliver' && e.msg.type === 'CANCEL_ACK');
    expect(ack && 'msg' in ack ? ack.msg.ok : null).toBe(false);
  });
  it('delayed messages survive a broker crash; the restarted broker re-arms the waiting ones (late ones at once)', () => {
    const r = run(0, [
      { id: 'c', when: { at: 500 }, do: { crash: 'broker' } },
      { id: 'r', when: { at: 1_200 }, do: { recover: 'broker' } },
    ]);
    const crash = r.events.find((e) => e.kind === 'crash');
    expect(crash && 'writes' in crash ? (crash.writes ?? []).filter((w) => w.table === DDMQ.delayed) : []).toEqual([]);
    // due at 1010 while down: delivered right after the recovery, then every 500 ms
    expect(monitors(r)).toEqual([1_210, 1_710, 2_210]);
  });
});
