/**
 * The DDMQ ↔ RocketMQ switch on the payment fan-out (issue 12): every named scenario, same seed, on RocketMQ's model
 * (mq = rocketmq: broker/txn.ts), asserted from the trace — final rows, delivered and sent counts, invariant verdicts,
 * and the check-back and retry instants against txn.ts's timing (first check in the first round at or after
 * born + transactionTimeOut, rounds every transactionCheckInterval from the broker's start; retries 10 s, 30 s, 1 min …,
 * then %DLQ%<group>).
 */
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../engine/pattern';
import { buildReport } from '../../engine/report';
import type { SimResult } from '../../engine/simulator';
import type { Fault, Row, Scenario } from '../../engine/types';
import { BT, logEnd, type LogRecord } from '../broker';
import { dlqTopicOf, RETRY_LADDER, retryTopicOf, TXN, type HalfRow } from '../broker/txn';
import { didiPay } from './index';
import { evs, inv, mismatches, notes, runNamed } from './testkit';
import { CONSUMERS, KT, PT, TOPIC, type AppliedRow } from './types';
import { committed } from './view';

const SEC = 1_000;
const MIN = 60 * SEC;

/** A named scenario with one more switch: mq = rocketmq (and any other parameter patch). */
function onRocket(id: string, params: Record<string, string | number> = {}, patch: Partial<Scenario> = {}): SimResult {
  const base = runNamed(id);
  return runNamed(id, { params: { ...base.scenario.params, mq: 'rocketmq', ...params }, ...patch }, true);
}
const applied = (r: SimResult, node: string, tx = 'P1') =>
  r.final.db(node).get<AppliedRow & Row>(KT.applied, tx)?.n ?? 0;
const sent = (r: SimResult, type: string) => buildReport(r).messages.byType[type]?.sent ?? 0;
const half = (r: SimResult, mid: string) => r.final.db('broker').get<HalfRow & Row>(BT.half, mid);
const topicRows = (r: SimResult) => {
  const db = r.final.db('broker');
  return Array.from({ length: logEnd(db, TOPIC, 0) }, (_, o) => db.get<LogRecord & Row>(BT.log, `${TOPIC}/0/${o}`));
};
const checkSends = (r: SimResult) => evs(r, 'send', (e) => e.node === 'broker' && e.msg.type === 'CHECK_TX');

const ALL = { 'commission-or-refund': 'holds', 'exactly-once': 'holds', 'eventually-consistent': 'holds' } as const;

/** Each named scenario's outcome on RocketMQ, same seed. */
const expected: Record<string, Expectation> = {
  's-didi-2-happy': {
    outcomes: { P1: 'delivered' },
    invariants: { ...ALL },
    neverBreaks: ['exactly-once'],
    durable: {
      pay: { 'payments.P1.st': 'paid', unacked: {} },
      broker: { 'halfMsgs.pay-P1.state': 'committed', 'halfMsgs.pay-P1.checks': 0, 'halfMsgs.pay-P1.by': 'producer' },
      stock: { 'applied.P1.n': 1, value: 99 },
      ledger: { 'applied.P1.n': 1, value: 400 },
    },
  },
  's-didi-2-ledger-retry': {
    outcomes: { P1: 'delivered' },
    invariants: { ...ALL },
    neverBreaks: ['exactly-once'],
    durable: {
      ledger: { 'applied.P1.n': 1, value: 400, pendingSendBacks: {} },
      broker: { 'logEnds.%RETRY%ledger/0.next': 3, delayedMsgs: {} },
    },
  },
  's-didi-2-no-retry': {
    outcomes: { P1: 'inconsistent' },
    invariants: { ...ALL, 'commission-or-refund': 'violated', 'eventually-consistent': 'violated' },
    durable: { ledger: { applied: {}, 'dead.P1.reason': 'dropped', value: 0 }, broker: { delayedMsgs: {} } },
  },
  's-didi-2-oversold': {
    outcomes: { P1: 'delivered', P2: 'repaired' },
    invariants: { ...ALL },
    neverBreaks: ['exactly-once'],
    durable: {
      pay: { 'refunds.P2.reason': 'oversold', 'refunds.P2.asked': 1 },
      stock: { value: 0, 'reverse.P2.st': 'done' },
      ledger: { 'applied.P2.n': 1, 'reversed.P2.cents': 400, value: 400 },
    },
  },
  's-didi-4-idempotent': {
    outcomes: { P1: 'delivered' },
    invariants: { ...ALL },
    neverBreaks: ['exactly-once'],
    durable: {
      broker: { 'halfMsgs.pay-P1.by': 'check', 'halfMsgs.pay-P1#2.by': 'producer' },
      stock: { 'applied.P1.n': 1, value: 99 },
      ledger: { 'applied.P1.n': 1, value: 400 },
    },
  },
  's-didi-4-not-idempotent': {
    outcomes: { P1: 'inconsistent' },
    invariants: { ...ALL, 'exactly-once': 'violated' },
    breaks: ['exactly-once'],
    durable: {
      stock: { 'applied.P1.n': 2, value: 98 },
      ledger: { 'applied.P1.n': 2, value: 800 },
      orders: { 'applied.P1.n': 2 },
      procure: { 'applied.P1.n': 2 },
    },
  },
};

describe('every named didi-pay scenario also runs on RocketMQ (mq = rocketmq, same seed)', () => {
  it('the list covers every named scenario', () => {
    expect(Object.keys(expected).sort()).toEqual(didiPay.scenarios.map((s) => s.id).sort());
  });
  for (const s of didiPay.scenarios) {
    it(s.id, () => {
      const r = onRocket(s.id);
      expect(r.scenario.seed).toBe(runNamed(s.id).scenario.seed);
      expect(mismatches(r, expected[s.id])).toEqual([]);
      expect(r.referenceMismatches).toEqual([]);
      // the DDMQ run has no half message; the RocketMQ run has no plain PRODUCE
      expect(sent(runNamed(s.id), 'SEND_HALF')).toBe(0);
      expect(sent(r, 'PRODUCE')).toBe(0);
    });
  }
});

describe('S-DIDI-2 on RocketMQ: half message, local transaction, COMMIT, four consumers', () => {
  const r = onRocket('s-didi-2-happy');
  it('half first; the payment row after HALF_OK; one-way COMMIT; no check-back; each group consumes once', () => {
    expect([sent(r, 'SEND_HALF'), sent(r, 'HALF_OK'), sent(r, 'END_TX'), sent(r, 'CHECK_TX')]).toEqual([1, 1, 1, 0]);
    const halfOk = evs(r, 'deliver', (e) => e.node === 'pay' && e.msg.type === 'HALF_OK')[0];
    expect(r.final.db('pay').get(PT.payments, 'P1')).toMatchObject({ st: 'paid', at: Math.floor(halfOk.t) });
    expect(notes(r, 'localCommit')).toHaveLength(1);
    // the half topic holds it invisibly; the real topic once, after the COMMIT
    expect(logEnd(r.final.db('broker'), TXN.halfTopic, 0)).toBe(1);
    expect(topicRows(r).map((x) => x?.mid)).toEqual(['pay-P1']);
    const commitAt = evs(r, 'note', (e) => e.key === 'didipay.note.broker.committed')[0].t;
    for (const c of CONSUMERS) {
      expect(applied(r, c), c).toBe(1);
      expect(committed(r.final.db('broker'), c), c).toBe(1);
      const first = r.final.db(c).get<AppliedRow & Row>(KT.applied, 'P1')?.first ?? 0;
      expect(first, c).toBeGreaterThan(commitAt);
    }
    expect(sent(r, 'RECORDS')).toBe(4);
    expect(r.outcomes[0]).toMatchObject({ tx: 'P1', outcome: 'delivered', start: Math.floor(halfOk.t) });
  });
});

describe('RocketMQ check-back (反查) instants, against txn.ts', () => {
  const dropEnd: Fault[] = [
    { id: 'drop-end', when: { at: 0 }, do: { drop: { from: 'pay', to: 'broker', type: 'END_TX' } } },
  ];
  it('a lost COMMIT: the first round (60 s after the broker starts) checks it; the listener finds the payment → COMMIT', () => {
    const r = onRocket('s-didi-2-happy', {}, { faults: dropEnd });
    const checks = checkSends(r);
    expect(checks.map((e) => e.t)).toEqual([60 * SEC]);
    expect(notes(r, 'checkCommit').map((e) => e.params?.n)).toEqual([1]);
    expect(half(r, 'pay-P1')).toMatchObject({ state: 'committed', checks: 1, by: 'check' });
    for (const c of CONSUMERS) expect(applied(r, c), c).toBe(1);
    // "paid ⇒ commission" is not yet true from the payment until the ledger books after the check
    const booked = r.final.db('ledger').get<AppliedRow & Row>(KT.applied, 'P1')?.first ?? 0;
    expect(booked).toBeGreaterThan(60 * SEC);
    expect(inv(r, 'commission-or-refund').broken.map((b) => b.to)).toEqual([booked]);
    expect(r.outcomes[0].outcome).toBe('delivered');
  });
  it('UNKNOW: the same instant; with a 30 s interval (RocketMQ ≥ 5.1.1) the round at 30 s checks it', () => {
    const r = onRocket('s-didi-2-happy', { localAnswer: 'unknow' });
    expect(notes(r, 'localUnknown')).toHaveLength(1);
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC]);
    expect(half(r, 'pay-P1')).toMatchObject({ state: 'committed', by: 'check' });
    const fast = onRocket('s-didi-2-happy', { localAnswer: 'unknow', transactionCheckInterval: 30 * SEC });
    expect(checkSends(fast).map((e) => e.t)).toEqual([30 * SEC]);
    // transactionTimeOut 40 s: born at 10 ms, too young at 30 s — checked in the round at 60 s
    const young = onRocket('s-didi-2-happy', {
      localAnswer: 'unknow',
      transactionCheckInterval: 30 * SEC,
      transactionTimeOut: 40 * SEC,
    });
    expect(checkSends(young).map((e) => e.t)).toEqual([60 * SEC]);
  });
  it('the local transaction fails: ROLLBACK, nothing is paid, nothing delivered, every invariant holds', () => {
    const r = onRocket('s-didi-2-happy', { localFailRate: 1 });
    expect(notes(r, 'localRollback')).toHaveLength(1);
    expect(half(r, 'pay-P1')).toMatchObject({ state: 'rolled-back', by: 'producer' });
    expect(r.final.db('pay').size(PT.payments)).toBe(0);
    expect(topicRows(r)).toEqual([]);
    expect(sent(r, 'RECORDS')).toBe(0);
    for (const id of Object.keys(ALL)) expect(inv(r, id).final).toBe('holds');
  });
  it('the payment service crashes before its local transaction: the check finds no payment → ROLLBACK', () => {
    const crash: Fault[] = [
      { id: 'c', when: { on: { kind: 'send', node: 'pay', type: 'SEND_HALF' } }, do: { crash: 'pay' } },
      { id: 'r', when: { at: 5 * SEC }, do: { recover: 'pay' } },
    ];
    const r = onRocket('s-didi-2-happy', {}, { faults: crash });
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC]);
    expect(notes(r, 'checkRollback')).toHaveLength(1);
    expect(half(r, 'pay-P1')).toMatchObject({ state: 'rolled-back', by: 'check' });
    expect(r.final.db('pay').size(PT.payments)).toBe(0);
  });
});

describe('RocketMQ consumer retries: the 16-step ladder, per consumer group, then %DLQ%', () => {
  it('the ledger fails three times: retried 10 s, 30 s and 1 min after each send-back; booked once', () => {
    const r = onRocket('s-didi-2-ledger-retry');
    const backs = evs(r, 'note', (e) => e.key === 'didipay.note.broker.sentBack');
    const dues = evs(r, 'note', (e) => e.key === 'didipay.note.broker.retryDue');
    expect(dues.map((e, i) => e.t - backs[i].t)).toEqual(RETRY_LADDER.slice(0, 3));
    expect(notes(r, 'failedLater').map((e) => e.params?.wait)).toEqual(['10s', '30s', '1m']);
    const booked = notes(r, 'applied.ledger')[0];
    expect(booked.t).toBeGreaterThan(dues[2].t);
    expect(booked.t - dues[2].t).toBeLessThan(200);
    expect(r.final.db('ledger').get(KT.processed, 'pay-P1')).toBeDefined();
    // the others were not held up; the commission was "not yet" for about 100 s
    for (const c of ['stock', 'orders', 'procure']) expect(applied(r, c)).toBe(1);
    expect(inv(r, 'commission-or-refund').broken[0].to).toBe(booked.t);
    expect(booked.t).toBeGreaterThan(100 * SEC);
  });
  it('two groups failing the same message each get their own retry (send-backs are keyed per group)', () => {
    const r = onRocket('s-didi-2-happy', { failRate: 1, maxReconsumeTimes: 1 }, { horizon: 2 * MIN });
    const db = r.final.db('broker');
    for (const c of CONSUMERS) {
      expect(logEnd(db, retryTopicOf(c), 0), c).toBe(1);
      expect(logEnd(db, dlqTopicOf(c), 0), c).toBe(1);
    }
    expect(r.outcomes[0].outcome).toBe('dead-lettered');
    expect(r.outcomes[0].at).toMatchObject({ stock: 'DLQ', ledger: 'DLQ' });
  });
  it('always failing with maxReconsumeTimes 2: retries at 10 s and 30 s, then %DLQ%ledger — dead-lettered', () => {
    const r = onRocket('s-didi-2-ledger-retry', { ledgerFailures: 10, maxReconsumeTimes: 2 });
    const db = r.final.db('broker');
    expect(logEnd(db, retryTopicOf('ledger'), 0)).toBe(2);
    expect(logEnd(db, dlqTopicOf('ledger'), 0)).toBe(1);
    expect(notes(r, 'failedLast')).toHaveLength(1);
    expect(applied(r, 'ledger')).toBe(0);
    expect(r.outcomes[0].outcome).toBe('dead-lettered');
    expect(inv(r, 'commission-or-refund').final).toBe('violated');
  });
});

describe('S-DIDI-4 on RocketMQ: a lost SEND_OK, the callback sent again, the check-back commits the first too', () => {
  const on = onRocket('s-didi-4-idempotent');
  const off = onRocket('s-didi-4-not-idempotent');
  it('two half messages (new msgId); the second COMMITted by the producer, the first at the 60 s check', () => {
    for (const r of [on, off]) {
      expect(sent(r, 'SEND_HALF')).toBe(2);
      expect(notes(r, 'resendHalf').map((e) => e.params?.mid)).toEqual(['pay-P1#2']);
      expect(checkSends(r).map((e) => [e.t, e.msg.mid])).toEqual([[60 * SEC, 'pay-P1']]);
      expect(topicRows(r).map((x) => x?.mid)).toEqual(['pay-P1#2', 'pay-P1']);
    }
  });
  it('idempotent by payment: every group skips the second copy', () => {
    expect(notes(on, 'duplicate')).toHaveLength(4);
    for (const c of CONSUMERS) expect(applied(on, c), c).toBe(1);
    expect(inv(on, 'exactly-once').broken).toEqual([]);
  });
  it('not idempotent: applied twice everywhere; exactly-once breaks after the check-back, for good', () => {
    const again = notes(off, 'appliedAgain');
    expect(again).toHaveLength(4);
    const eo = inv(off, 'exactly-once');
    expect(eo.firstBreak).toBe(Math.min(...again.map((e) => e.t)));
    expect(eo.firstBreak).toBeGreaterThan(60 * SEC);
    expect(eo.broken.map((b) => b.to)).toEqual([null]);
  });
});
