/**
 * The RocketMQ extension of the broker on its own (a producer, the broker, a consumer with a retry ladder): half
 * message and end-transaction, the check rounds' instants, the discard after transactionCheckMax, and the retry
 * ladder into %DLQ%. This is also the smallest example of the module's API.
 */
import { describe, expect, it } from 'vitest';
import type { PatternDef } from '../../engine/pattern';
import { role, same } from '../../engine/pattern';
import { baseScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Fault, Row } from '../../engine/types';
import { BT, consumerRole, logEnd } from './index';
import {
  dlqTopicOf,
  endTxMsg,
  fmtDelay,
  halfMsg,
  reconsumeTimes,
  RETRY_LADDER,
  retryTopicOf,
  rocketConsumerParams,
  sendBack,
  sendBackConsumer,
  TXN,
  txnBrokerRole,
  txnParams,
  type HalfRow,
  type TxState,
} from './txn';

const SEC = 1_000;
const MIN = 60 * SEC;

/** Sends one half message at start (t = 10); on HALF_OK sends `end`; answers every check with `answer`. */
const producer = role<Record<string, never>, Record<string, never>>({
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx) {
    if (input.kind === 'start') return same(s, [{ kind: 'setTimer', name: 'send', after: 10 }]);
    if (input.kind === 'timer') {
      const m = halfMsg({
        topic: 't',
        partition: 0,
        key: 'T1',
        mid: 'm1',
        tx: 'T1',
        type: 'E',
        payload: {},
        born: ctx.now,
      });
      return same(s, [{ kind: 'send', to: 'broker', msg: m }]);
    }
    if (input.kind !== 'deliver') return same(s);
    const state = String(input.msg.type === 'HALF_OK' ? ctx.params.end : ctx.params.answer) as TxState;
    return same(s, [
      {
        kind: 'send',
        to: 'broker',
        msg: endTxMsg({ mid: 'm1', tx: 'T1', state, fromCheck: input.msg.type === 'CHECK_TX' }),
      },
    ]);
  },
});

const backs = sendBackConsumer('broker');

/** Fails the first `fails` deliveries of each message (RECONSUME_LATER), then records it. */
const consumer = consumerRole<{ seen: number }>({
  group: 'g',
  topic: 't',
  broker: 'broker',
  notePrefix: 'test',
  extraTopics: [retryTopicOf('g')],
  init: () => ({ seen: 0 }),
  handle: (d, rec, ctx) => {
    if (reconsumeTimes(rec) < Number(ctx.params.fails))
      return { durable: d, effects: sendBack('broker', 'g', rec, ctx) };
    ctx.db.put('handled', rec.mid, { at: ctx.now, n: reconsumeTimes(rec) });
    return { durable: { seen: d.seen + 1 }, effects: [] };
  },
  ...backs,
  tables: { handled: { durable: true }, ...backs.tables },
});

const test: PatternDef = {
  id: 'txn-test',
  family: 'test',
  roles: { producer, broker: txnBrokerRole({ notePrefix: 'n' }), consumer },
  params: [
    ...rocketConsumerParams,
    ...txnParams,
    { key: 'end', kind: 'enum', default: 'COMMIT', options: ['COMMIT', 'ROLLBACK', 'UNKNOW'] },
    { key: 'answer', kind: 'enum', default: 'COMMIT', options: ['COMMIT', 'ROLLBACK', 'UNKNOW'] },
    { key: 'fails', kind: 'int', default: 0 },
  ],
  guards: [],
  topology: () => ({
    nodes: [
      { id: 'producer', role: 'producer', label: 'producer', x: 0, y: 0 },
      { id: 'broker', role: 'broker', label: 'broker', x: 200, y: 0 },
      { id: 'consumer', role: 'consumer', label: 'consumer', x: 400, y: 0 },
    ],
    edges: [
      { from: 'producer', to: 'broker', kind: 'rpc' },
      { from: 'broker', to: 'consumer', kind: 'stream' },
    ],
  }),
  defaultNetwork: { default: { latency: { kind: 'constant', value: 10 }, loss: 0, duplicate: 0, reorder: 0 } },
  defaultHorizon: 20 * MIN,
  workload: () => [],
  invariants: [],
  outcomes: () => [],
  view: () => ({ tone: 'idle', statusKey: 'x', durable: [], volatile: [] }),
  scenarios: [],
  handlers: [],
  surface: () => ({ crashable: [], channels: [] }),
};

function run(params: Record<string, number | string> = {}, faults: Fault[] = [], horizon = 20 * MIN): SimResult {
  const base = baseScenario(test);
  return simulate(test, { ...base, params: { ...base.params, ...params }, faults, horizon });
}
const half = (r: SimResult) => r.final.db('broker').get<HalfRow & Row>(BT.half, 'm1');
const checks = (r: SimResult) =>
  r.events.filter((e) => e.kind === 'deliver' && e.node === 'producer' && e.msg.type === 'CHECK_TX').map((e) => e.t);
const dropEnd: Fault = { id: 'drop-end', when: { at: 0 }, do: { drop: { type: 'END_TX' } } };

describe('RocketMQ transactional messages (broker/txn.ts)', () => {
  it('half → HALF_OK → COMMIT: visible in the real topic only after the commit; no check', () => {
    const r = run();
    const db = r.final.db('broker');
    expect(half(r)).toMatchObject({ state: 'committed', by: 'producer', checks: 0, born: 10, pos: 't/0/0' });
    expect(logEnd(db, TXN.halfTopic, 0)).toBe(1);
    expect(logEnd(db, 't', 0)).toBe(1);
    expect(r.final.db('consumer').get('handled', 'm1')).toBeDefined();
    expect(checks(r)).toEqual([]);
  });
  it('ROLLBACK: never in the real topic', () => {
    const r = run({ end: 'ROLLBACK' });
    expect(half(r)).toMatchObject({ state: 'rolled-back' });
    expect(logEnd(r.final.db('broker'), 't', 0)).toBe(0);
  });
  it('a lost COMMIT: the first round after born + 6 s (t = 60 s) checks, the answer commits', () => {
    const r = run({}, [dropEnd]);
    expect(checks(r)).toEqual([60 * SEC + 10]);
    expect(half(r)).toMatchObject({ state: 'committed', by: 'check', checks: 1 });
    expect(r.final.db('consumer').get('handled', 'm1')).toBeDefined();
  });
  it('UNKNOW forever: 15 checks, one per round, then discarded to TRANS_CHECK_MAX_TIME_TOPIC at the 16th round', () => {
    const r = run({ end: 'UNKNOW', answer: 'UNKNOW' });
    expect(checks(r)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * MIN + 10));
    expect(half(r)).toMatchObject({ state: 'discarded', checks: 15, endAt: 16 * MIN, pos: `${TXN.maxTopic}/0/0` });
    expect(logEnd(r.final.db('broker'), 't', 0)).toBe(0);
  });
  it('a shorter check interval and timeout move the rounds (30 s from 5.1.1)', () => {
    const r = run({ end: 'UNKNOW', answer: 'UNKNOW', transactionCheckInterval: 30 * SEC, transactionCheckMax: 2 });
    expect(checks(r)).toEqual([30 * SEC + 10, 60 * SEC + 10]);
    expect(half(r)).toMatchObject({ state: 'discarded', endAt: 90 * SEC });
    // born at 10 ms with a 40 s timeout: the rounds at 30 s is too early, 60 s checks.
    const late = run({}, [dropEnd], 3 * MIN);
    expect(checks(late)).toEqual([60 * SEC + 10]);
    const t40 = run({ transactionCheckInterval: 30 * SEC, transactionTimeOut: 40 * SEC }, [dropEnd], 3 * MIN);
    expect(checks(t40)).toEqual([60 * SEC + 10]);
  });
  it('consumer retries on the 16-step ladder, then %DLQ%', () => {
    expect(RETRY_LADDER.map(fmtDelay).join(' ')).toBe('10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h');
    const r = run({ fails: 100 }, [], 5 * 3_600_000);
    const db = r.final.db('broker');
    expect(logEnd(db, retryTopicOf('g'), 0)).toBe(16);
    expect(logEnd(db, dlqTopicOf('g'), 0)).toBe(1);
    const dues = r.events.filter((e) => e.kind === 'timer' && e.node === 'broker' && e.name.startsWith('delay:'));
    const sends = r.events.filter((e) => e.kind === 'deliver' && e.node === 'broker' && e.msg.type === 'SEND_BACK');
    expect(dues.map((e, i) => e.t - sends[i].t)).toEqual(RETRY_LADDER);
    expect(r.final.db('consumer').size('handled')).toBe(0);
  });
  it('a message that succeeds on its 3rd retry is consumed once, from the retry topic', () => {
    const r = run({ fails: 3 }, [], 10 * MIN);
    expect(r.final.db('consumer').get('handled', 'm1')).toMatchObject({ n: 3 });
    expect(r.final.db('broker').size(BT.delayed)).toBe(0);
  });
  it('a lost send-back is repeated after 5 s; its lost answer schedules one retry, not two', () => {
    const lost: Fault[] = [{ id: 'l', when: { at: 0 }, do: { drop: { type: 'SEND_BACK' } } }];
    const r = run({ fails: 1 }, lost, 2 * MIN);
    const backs = r.events.filter((e) => e.kind === 'send' && e.msg.type === 'SEND_BACK');
    expect(backs).toHaveLength(2);
    expect(Math.round(backs[1].t - backs[0].t)).toBe(5 * SEC);
    expect(r.final.db('consumer').get('handled', 'm1')).toMatchObject({ n: 1 });
    const ackLost: Fault[] = [{ id: 'a', when: { at: 0 }, do: { drop: { type: 'SEND_BACK_OK' } } }];
    const a = run({ fails: 1 }, ackLost, 2 * MIN);
    expect(a.events.filter((e) => e.kind === 'send' && e.msg.type === 'SEND_BACK')).toHaveLength(2);
    expect(logEnd(a.final.db('broker'), retryTopicOf('g'), 0)).toBe(1);
    expect(a.final.db('consumer').size('pendingSendBacks')).toBe(0);
  });
  it('scheduled retries survive a broker crash (timers re-armed from the durable rows)', () => {
    const faults: Fault[] = [
      { id: 'c', when: { at: 5 * SEC }, do: { crash: 'broker' } },
      { id: 'r', when: { at: 8 * SEC }, do: { recover: 'broker' } },
    ];
    const r = run({ fails: 1 }, faults, 2 * MIN);
    expect(r.final.db('consumer').get('handled', 'm1')).toMatchObject({ n: 1 });
  });
});
