/**
 * Each scenario asserted from the trace: the steps in order, the half message invisible until COMMIT, every
 * check-back instant against the broker's timing (first round after born + transactionTimeOut, one per
 * transactionCheckInterval, discard after transactionCheckMax), every retry instant against the 10 s … 2 h ladder,
 * the final rows, message counts, and when each invariant breaks.
 */
import { describe, expect, it } from 'vitest';
import { baseScenario, namedScenario } from '../../engine/scenario';
import { simulate, type SimResult } from '../../engine/simulator';
import type { Row } from '../../engine/types';
import { BT, logEnd, type LogRecord } from '../broker';
import { dlqTopicOf, RETRY_LADDER, retryTopicOf, TXN, type HalfRow } from '../broker/txn';
import { rocketmq } from './index';
import { evs, inv, notes, runNamed, scenarioById } from './testkit';
import { GROUP, KT, PT, TOPIC, type EffectRow } from './types';

const SEC = 1_000;
const MIN = 60 * SEC;

const half = (r: SimResult, tx = 'T1') => r.final.db('broker').get<HalfRow & Row>(BT.half, 'msg-' + tx);
const applied = (r: SimResult, tx = 'T1') => r.final.db('consumer').get<EffectRow & Row>(KT.effects, tx)?.n ?? 0;
/** Check rounds that asked about a message: the broker's CHECK_TX sends. */
const checkSends = (r: SimResult) => evs(r, 'send', (e) => e.node === 'broker' && e.msg.type === 'CHECK_TX');
const sent = (r: SimResult, type: string) => r.stats.byType[type]?.sent ?? 0;
const topicRecords = (r: SimResult, topic: string) => {
  const db = r.final.db('broker');
  const out: LogRecord[] = [];
  for (let o = 0; o < logEnd(db, topic, 0); o++) {
    const rec = db.get<LogRecord & Row>(BT.log, `${topic}/0/${o}`);
    if (rec) out.push(rec);
  }
  return out;
};

describe('happy path: half message → ack → local transaction → COMMIT → consumed', () => {
  const r = runNamed('s-rmq-happy');
  it('the steps happen in this order, and the message is invisible until COMMIT', () => {
    const halfIn = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'SEND_HALF')[0];
    const ack = evs(r, 'deliver', (e) => e.node === 'producer' && e.msg.type === 'HALF_OK')[0];
    const local = evs(r, 'timer', (e) => e.node === 'producer' && e.name === 'local:T1')[0];
    const commit = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'END_TX')[0];
    const apply = r.events.find(
      (e) => e.node === 'consumer' && 'writes' in e && e.writes?.some((w) => w.table === KT.effects),
    );
    expect(halfIn.seq < ack.seq && ack.seq < local.seq && local.seq < commit.seq).toBe(true);
    expect(apply && apply.seq > commit.seq).toBe(true);
    // The half message goes to the system topic; the real topic gets its one record at the COMMIT.
    expect(halfIn.writes?.map((w) => w.table).sort()).toEqual([BT.log, BT.ends, BT.half, 'halfOpen'].sort());
    expect(halfIn.writes?.find((w) => w.table === BT.log)?.key).toBe(`${TXN.halfTopic}/0/0`);
    expect(commit.msg).toMatchObject({ state: 'COMMIT', fromCheck: false, mid: 'msg-T1', tx: 'T1' });
    expect(commit.writes?.find((w) => w.table === BT.log)?.key).toBe(`${TOPIC}/0/0`);
    // One local transaction: the order row and the transaction-log row in one step.
    expect(local.writes?.map((w) => w.table).sort()).toEqual([PT.orders, PT.txLog, PT.running].sort());
  });
  it('final rows and message counts', () => {
    expect(half(r)).toMatchObject({ state: 'committed', checks: 0, by: 'producer', born: 10, pos: `${TOPIC}/0/0` });
    expect(topicRecords(r, TOPIC).map((x) => x.mid)).toEqual(['msg-T1']);
    expect(sent(r, 'SEND_HALF')).toBe(1);
    expect(sent(r, 'END_TX')).toBe(1);
    expect(sent(r, 'CHECK_TX')).toBe(0);
    expect(sent(r, 'SEND_BACK')).toBe(0);
    expect(r.invariants.every((i) => i.final === 'holds' && (i.kind === 'eventually' || !i.broken.length))).toBe(true);
    expect(r.outcomes).toMatchObject([{ tx: 'T1', outcome: 'delivered', start: 10 }]);
  });
});

describe('S-TXM-1 check-back (反查)', () => {
  it('a lost COMMIT: checked in the first round at or after born + 6 s — the round at 60 s — then visible', () => {
    const r = runNamed('s-rmq-commit-lost');
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC]);
    const answer = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'END_TX' && e.msg.fromCheck === true);
    expect(answer).toHaveLength(1);
    expect(answer[0].msg.state).toBe('COMMIT');
    expect(half(r)).toMatchObject({ state: 'committed', checks: 1, by: 'check' });
    expect(applied(r)).toBe(1);
    // Not consistent until the check repaired it: the window closes only after the check.
    const ec = inv(r, 'eventually-consistent');
    expect(ec.final).toBe('holds');
    const window = ec.broken.find((b) => b.to !== null && b.to > 60 * SEC);
    expect(window?.from).toBeLessThan(200);
    expect(r.outcomes[0].outcome).toBe('repaired');
  });
  it('the first check is at 60 s whatever the born time within the first 54 s; born at 55 s → 120 s', () => {
    for (const [born, first] of [
      [10, 60 * SEC],
      [54 * SEC - 100, 60 * SEC],
      [55 * SEC, 120 * SEC],
    ]) {
      const sc = namedScenario(rocketmq, scenarioById('s-rmq-commit-lost'));
      const r = simulate(rocketmq, {
        ...sc,
        workload: [{ at: born, node: 'producer', request: { type: 'PLACE', tx: 'T1', qty: 1 } }],
      });
      expect(checkSends(r).map((e) => e.t)).toEqual([first]);
    }
  });
  it('transactionCheckInterval 30 s (RocketMQ ≥ 5.1.1): the check comes at 30 s', () => {
    const sc = namedScenario(rocketmq, scenarioById('s-rmq-commit-lost'));
    const r = simulate(rocketmq, { ...sc, params: { ...sc.params, transactionCheckInterval: 30 * SEC } });
    expect(checkSends(r).map((e) => e.t)).toEqual([30 * SEC]);
  });
  it('UNKNOW from executeLocalTransaction: the broker waits; the check at 60 s reads the committed row', () => {
    const r = runNamed('s-rmq-unknow');
    expect(notes(r, 'broker.unknown')).toHaveLength(1);
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC]);
    expect(notes(r, 'checked').map((e) => e.params?.state)).toEqual(['COMMIT']);
    expect(r.final.db('producer').get(PT.txLog, 'T1')).toMatchObject({ st: 'committed' });
  });
  it('still running at the first check: UNKNOW, asked again a round later (120 s), then COMMIT', () => {
    const r = runNamed('s-rmq-slow-local');
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC, 120 * SEC]);
    expect(notes(r, 'checked').map((e) => e.params?.state)).toEqual(['UNKNOW', 'COMMIT']);
    // Each check re-appends the half message to the half queue (putBackHalfMsgQueue): 1 + 2 entries.
    expect(topicRecords(r, TXN.halfTopic).map((x) => x.mid)).toEqual(['msg-T1', 'msg-T1', 'msg-T1']);
    expect(half(r)).toMatchObject({ checks: 2, state: 'committed', qoff: 2 });
  });
  it('the producer dies after the half message: no local row, so the check at 60 s rolls it back', () => {
    const r = runNamed('s-rmq-producer-crash');
    expect(evs(r, 'crash').map((e) => e.node)).toEqual(['producer']);
    expect(checkSends(r).map((e) => e.t)).toEqual([60 * SEC]);
    expect(notes(r, 'checked').map((e) => e.params?.state)).toEqual(['ROLLBACK']);
    expect(half(r)).toMatchObject({ state: 'rolled-back', by: 'check' });
    expect(logEnd(r.final.db('broker'), TOPIC, 0)).toBe(0);
    expect(r.final.db('producer').size(PT.txLog)).toBe(0);
  });
  it('a lost ack: the send fails at 3 s; the check reads "send-failed" and rolls back', () => {
    const r = runNamed('s-rmq-half-ack-lost');
    const failed = notes(r, 'sendFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0].t).toBeCloseTo(10 + 3 * SEC, 6);
    expect(notes(r, 'checked').map((e) => e.params?.state)).toEqual(['ROLLBACK']);
    expect(r.outcomes[0].outcome).toBe('aborted');
  });
  it('the last check: 15 checks one round apart, the 16th round (16 min) discards into TRANS_CHECK_MAX_TIME_TOPIC', () => {
    const r = runNamed('s-rmq-check-max');
    expect(checkSends(r).map((e) => e.t)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * MIN));
    expect(notes(r, 'checked').every((e) => e.params?.state === 'UNKNOW')).toBe(true);
    const discard = notes(r, 'broker.discarded');
    expect(discard.map((e) => e.t)).toEqual([16 * MIN]);
    expect(topicRecords(r, TXN.maxTopic).map((x) => x.mid)).toEqual(['msg-T1']);
    expect(half(r)).toMatchObject({ state: 'discarded', checks: 15, endAt: 16 * MIN, by: 'max' });
    expect(logEnd(r.final.db('broker'), TOPIC, 0)).toBe(0);
    // The order is committed and its message is gone: local transaction ⇎ message.
    expect(r.final.db('producer').get(PT.txLog, 'T1')).toMatchObject({ st: 'committed' });
    expect(inv(r, 'eventually-consistent').final).toBe('violated');
    expect(inv(r, 'no-stuck-half').final).toBe('holds');
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
  it('the same committed-but-UNKNOW transaction with a listener that reads its table: one check repairs it', () => {
    const ns = scenarioById('s-rmq-check-max');
    const r = simulate(rocketmq, { ...namedScenario(rocketmq, ns), guards: { ...baseScenario(rocketmq).guards } });
    expect(checkSends(r)).toHaveLength(1);
    expect(r.outcomes[0].outcome).toBe('repaired');
  });
});

describe('rollback', () => {
  it('the business fails: ROLLBACK, the half message is deleted, nothing reaches the topic or the consumer', () => {
    const r = runNamed('s-rmq-rollback');
    const end = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'END_TX');
    expect(end.map((e) => e.msg.state)).toEqual(['ROLLBACK']);
    expect(half(r)).toMatchObject({ state: 'rolled-back', by: 'producer', checks: 0 });
    expect(logEnd(r.final.db('broker'), TOPIC, 0)).toBe(0);
    expect(sent(r, 'CHECK_TX')).toBe(0);
    expect(r.final.states.consumer.durable).toEqual({ stock: 1_000_000 });
    expect(inv(r, 'no-visible-rollback').broken).toEqual([]);
  });
});

describe('consumer retries: the 10 s … 2 h ladder, then %DLQ%', () => {
  it('three failures: retries 10 s, 30 s and 1 min after each failure, then applied once', () => {
    const r = runNamed('s-rmq-consumer-retry');
    const failed = notes(r, 'consumeFailed');
    const due = notes(r, 'broker.retryDue');
    expect(failed).toHaveLength(3);
    const backs = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'SEND_BACK');
    expect(due.map((e, i) => Math.round(e.t - backs[i].t))).toEqual(RETRY_LADDER.slice(0, 3));
    expect(topicRecords(r, retryTopicOf(GROUP)).map((x) => x.props?.reconsume)).toEqual([1, 2, 3]);
    expect(applied(r)).toBe(1);
    expect(r.final.db('consumer').get(KT.consumed, 'msg-T1')).toMatchObject({ reconsume: 3 });
  });
  it('always failing: 16 retries at the ladder’s delays (4 h 45 min 40 s), then the 17th failure dead-letters it', () => {
    const r = runNamed('s-rmq-dlq');
    const backs = evs(r, 'deliver', (e) => e.node === 'broker' && e.msg.type === 'SEND_BACK');
    const due = notes(r, 'broker.retryDue');
    expect(backs).toHaveLength(17);
    expect(due.map((e, i) => Math.round(e.t - backs[i].t))).toEqual(RETRY_LADDER);
    expect(RETRY_LADDER.reduce((a, b) => a + b, 0)).toBe(4 * 3_600_000 + 45 * MIN + 40 * SEC);
    const dead = notes(r, 'broker.deadLettered');
    expect(dead).toHaveLength(1);
    expect(dead[0].params).toMatchObject({ n: 16, pos: `${dlqTopicOf(GROUP)}/0/0` });
    expect(topicRecords(r, dlqTopicOf(GROUP)).map((x) => x.mid)).toEqual(['msg-T1']);
    expect(r.outcomes[0].outcome).toBe('dead-lettered');
    expect(inv(r, 'eventually-consistent').final).toBe('violated');
  });
  it('retry off: the failure is swallowed, the message is gone', () => {
    const r = runNamed('s-rmq-no-retry');
    expect(sent(r, 'SEND_BACK')).toBe(0);
    expect(notes(r, 'swallowed')).toHaveLength(1);
    expect(applied(r)).toBe(0);
    expect(r.outcomes[0].outcome).toBe('inconsistent');
  });
});

describe('duplicate delivery', () => {
  it('idempotent: the redelivered message is skipped', () => {
    const r = runNamed('s-rmq-duplicate');
    expect(notes(r, 'duplicate')).toHaveLength(1);
    expect(applied(r)).toBe(1);
    expect(inv(r, 'exactly-once').broken).toEqual([]);
  });
  it('not idempotent: applied twice; exactly-once breaks at the second application and stays broken', () => {
    const r = runNamed('s-rmq-duplicate-no-idempotency');
    const again = notes(r, 'appliedAgain');
    expect(again).toHaveLength(1);
    expect(applied(r)).toBe(2);
    const eo = inv(r, 'exactly-once');
    expect(eo.firstBreak).toBe(again[0].t);
    expect(eo.broken).toHaveLength(1);
    expect(eo.broken[0].to).toBeNull();
  });
});
