/**
 * The payment service: on a successful payment callback one local transaction writes the payment row and an
 * "unacknowledged" row, then publishes "payment succeeded" to DDMQ (a synchronous send; resent every `ackTimeout`
 * until DDMQ acknowledges, and again after a restart — at-least-once, so consumers see duplicates, S-DIDI-4).
 * It also answers the reverse flow: REFUND (from the stock service, when the item is oversold) refunds the payment
 * once, and every (repeated) request gets REFUNDED.
 *
 * With mq = rocketmq (broker/txn.ts) it is a TransactionMQProducer: the half message "payment succeeded" first
 * (SEND_HALF → HALF_OK), then the local transaction (the payment row), then the one-way END_TX — COMMIT, ROLLBACK
 * when the local transaction failed, or UNKNOW (`localAnswer`). Its check listener answers the broker's CHECK_TX
 * from the payments table: a payment row → COMMIT, a send still waiting for its ack → UNKNOW, nothing → ROLLBACK.
 * A half message not acknowledged within `ackTimeout` is sent again as a new message (the callback handled again:
 * a new msgId, pay-P1#2); the first one, if the broker stored it, is settled by the check-back — and committed, since
 * the payment is recorded: two copies reach the consumers (S-DIDI-4 on RocketMQ).
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Input, Row, StepContext, StepResult } from '../../engine/types';
import { partitionOf, produceMsg } from '../broker';
import { endTxMsg, halfMsg, type TxState } from '../broker/txn';
import { note } from './notes';
import {
  BROKER,
  halfMidOf,
  midOf,
  num,
  onRocketMQ,
  PT,
  TOPIC,
  type PaymentRow,
  type RefundRow,
  type SendingRow,
  type UnackedRow,
} from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type R = StepResult<D, V>;

function publish(tx: string, ctx: StepContext): Effect[] {
  const partitions = Math.max(1, Math.round(num(ctx.params, 'partitions') || 1));
  const p = ctx.db.get<PaymentRow & Row>(PT.payments, tx);
  return [
    {
      kind: 'send',
      to: BROKER,
      msg: produceMsg({
        topic: TOPIC,
        partition: partitionOf(tx, partitions),
        key: tx,
        mid: midOf(tx),
        type: 'PaymentSucceeded',
        payload: { amount: p?.amount ?? num(ctx.params, 'amount') },
        tx,
      }),
    },
    { kind: 'setTimer', name: 'ack:' + tx, after: num(ctx.params, 'ackTimeout') },
  ];
}

/** RocketMQ: send (again) the half message of `tx`, its `tries`-th send: a new message id each time. */
function sendHalf(tx: string, row: SendingRow, ctx: StepContext): Effect[] {
  const partitions = Math.max(1, Math.round(num(ctx.params, 'partitions') || 1));
  return [
    {
      kind: 'send',
      to: BROKER,
      msg: halfMsg({
        topic: TOPIC,
        partition: partitionOf(tx, partitions),
        key: tx,
        mid: halfMidOf(tx, row.tries),
        tx,
        type: 'PaymentSucceeded',
        payload: { amount: num(ctx.params, 'amount') },
        born: row.born,
      }),
    },
    { kind: 'setTimer', name: 'ack:' + tx, after: num(ctx.params, 'ackTimeout') },
  ];
}

const endTx = (mid: string, tx: string, state: TxState, fromCheck = false): Effect => ({
  kind: 'send',
  to: BROKER,
  msg: endTxMsg({ mid, tx, state, fromCheck }),
});

/** Whether the payment's local transaction fails (drawn only when the rate is set, so other runs keep their draws). */
const localFails = (ctx: StepContext) => {
  const rate = num(ctx.params, 'localFailRate');
  return rate > 0 && ctx.random() < rate;
};

/** RocketMQ's side of the payment service (null: not a RocketMQ input, fall through). */
function rocketStep(s: { durable: D; volatile: V }, input: Input, ctx: StepContext): R | null {
  const db = ctx.db;
  switch (input.kind) {
    case 'request': {
      if (input.request.type !== 'PAID') return same(s);
      const tx = String(input.request.tx);
      if (db.has(PT.payments, tx) || db.has(PT.sending, tx)) return same(s);
      const row: SendingRow = { tries: 1, born: Math.floor(ctx.now) };
      db.put(PT.sending, tx, row as unknown as Row);
      return same(s, [note('sendHalf', { tx, mid: midOf(tx) }), ...sendHalf(tx, row, ctx)]);
    }
    case 'recover':
      // The sends in progress died with the process; what the broker stored is settled by its check-back.
      return same(s);
    case 'timer': {
      if (!input.name.startsWith('ack:')) return same(s);
      const tx = input.name.slice(4);
      const cur = db.get<SendingRow & Row>(PT.sending, tx);
      if (!cur) return same(s);
      const row: SendingRow = { ...cur, tries: cur.tries + 1 };
      db.put(PT.sending, tx, row as unknown as Row);
      return same(s, [note('resendHalf', { tx, mid: halfMidOf(tx, row.tries) }, 'warn'), ...sendHalf(tx, row, ctx)]);
    }
    case 'deliver': {
      const m = input.msg;
      const tx = String(m.tx);
      const mid = String(m.mid);
      if (m.type === 'HALF_OK') {
        if (!db.has(PT.sending, tx)) return same(s); // a late ack: that send was given up and sent again
        db.del(PT.sending, tx);
        const cancel: Effect = { kind: 'cancelTimer', name: 'ack:' + tx };
        if (localFails(ctx))
          return same(s, [cancel, note('localRollback', { tx, mid }, 'decision'), endTx(mid, tx, 'ROLLBACK')]);
        // The local transaction: the payment row. Then the one-way end: COMMIT, or UNKNOW (the check-back decides).
        const pay: PaymentRow = { st: 'paid', amount: num(ctx.params, 'amount'), at: Math.floor(ctx.now) };
        db.put(PT.payments, tx, pay as unknown as Row);
        const state: TxState = ctx.params.localAnswer === 'unknow' ? 'UNKNOW' : 'COMMIT';
        return same(s, [
          cancel,
          note(state === 'COMMIT' ? 'localCommit' : 'localUnknown', { tx, mid }, 'decision'),
          endTx(mid, tx, state),
        ]);
      }
      if (m.type === 'CHECK_TX') {
        // The check listener: the payments table decides.
        const n = Number(m.checks);
        if (db.has(PT.payments, tx))
          return same(s, [note('checkCommit', { tx, mid, n }), endTx(mid, tx, 'COMMIT', true)]);
        if (db.has(PT.sending, tx))
          return same(s, [note('checkUnknown', { tx, mid, n }, 'warn'), endTx(mid, tx, 'UNKNOW', true)]);
        return same(s, [note('checkRollback', { tx, mid, n }, 'decision'), endTx(mid, tx, 'ROLLBACK', true)]);
      }
      return null;
    }
    default:
      return same(s);
  }
}

export const payRole = role<D, V>({
  tables: {
    [PT.payments]: {
      durable: true,
      view: {
        title: 'didipay.table.payments',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'st', label: 'didipay.col.status', valueKey: 'didipay.word' },
          { field: 'amount', label: 'didipay.col.amount' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [PT.unacked]: {
      durable: true,
      view: {
        title: 'didipay.table.unacked',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'tries', label: 'didipay.col.tries' },
        ],
        tone: () => 'prepared',
      },
    },
    [PT.sending]: {
      durable: false,
      view: {
        title: 'didipay.table.sending',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'tries', label: 'didipay.col.tries' },
          { field: 'born', label: 'didipay.col.at' },
        ],
        tone: () => 'working',
      },
    },
    [PT.refunds]: {
      durable: true,
      view: {
        title: 'didipay.table.refunds',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'reason', label: 'didipay.col.reason', valueKey: 'didipay.word' },
          { field: 'asked', label: 'didipay.col.asked' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: () => 'aborted',
      },
    },
  },
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx): R {
    const db = ctx.db;
    if (onRocketMQ(ctx.params)) {
      const r = rocketStep(s, input, ctx);
      if (r) return r;
    }
    switch (input.kind) {
      case 'request': {
        if (input.request.type !== 'PAID') return same(s);
        const tx = String(input.request.tx);
        if (db.has(PT.payments, tx)) return same(s);
        if (localFails(ctx)) return same(s, [note('localFailed', { tx }, 'decision')]);
        const row: PaymentRow = { st: 'paid', amount: num(ctx.params, 'amount'), at: ctx.now };
        db.put(PT.payments, tx, row as unknown as Row);
        db.put(PT.unacked, tx, { tries: 1 });
        return same(s, [note('paid', { tx, mid: midOf(tx) }, 'effect'), ...publish(tx, ctx)]);
      }
      case 'recover': {
        // Publish again what DDMQ had not acknowledged before the crash.
        const effects: Effect[] = [];
        for (const tx of db.keys(PT.unacked)) effects.push(...publish(tx, ctx));
        return same(s, effects);
      }
      case 'timer': {
        if (!input.name.startsWith('ack:')) return same(s);
        const tx = input.name.slice(4);
        const u = db.get<UnackedRow & Row>(PT.unacked, tx);
        if (!u) return same(s);
        db.put(PT.unacked, tx, { tries: u.tries + 1 });
        return same(s, [note('resend', { tx, n: u.tries + 1 }, 'warn'), ...publish(tx, ctx)]);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx);
        if (m.type === 'PRODUCE_ACK') {
          if (!db.has(PT.unacked, tx)) return same(s);
          db.del(PT.unacked, tx);
          return same(s, [{ kind: 'cancelTimer', name: 'ack:' + tx }, note('acked', { tx, offset: Number(m.offset) })]);
        }
        if (m.type === 'REFUND') {
          const cur = db.get<RefundRow & Row>(PT.refunds, tx);
          const reply: Effect = { kind: 'send', to: input.from, msg: { type: 'REFUNDED', tx } };
          if (cur) {
            db.put(PT.refunds, tx, { ...cur, asked: cur.asked + 1 });
            return same(s, [note('refundAgain', { tx }), reply]);
          }
          const row: RefundRow = { reason: String(m.reason), at: ctx.now, asked: 1 };
          db.put(PT.refunds, tx, row as unknown as Row);
          return same(s, [note('refunded', { tx, reason: String(m.reason) }, 'decision'), reply]);
        }
        return same(s);
      }
      default:
        return same(s);
    }
  },
});
