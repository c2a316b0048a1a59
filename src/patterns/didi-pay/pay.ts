/**
 * The payment service: on a successful payment callback one local transaction writes the payment row and an
 * "unacknowledged" row, then publishes "payment succeeded" to DDMQ (a synchronous send; resent every `ackTimeout`
 * until DDMQ acknowledges, and again after a restart — at-least-once, so consumers see duplicates, S-DIDI-4).
 * It also answers the reverse flow: REFUND (from the stock service, when the item is oversold) refunds the payment
 * once, and every (repeated) request gets REFUNDED.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Row, StepContext, StepResult } from '../../engine/types';
import { partitionOf, produceMsg } from '../broker';
import { note } from './notes';
import { BROKER, midOf, num, PT, TOPIC, type PaymentRow, type RefundRow, type UnackedRow } from './types';

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
    switch (input.kind) {
      case 'request': {
        if (input.request.type !== 'PAID') return same(s);
        const tx = String(input.request.tx);
        if (db.has(PT.payments, tx)) return same(s);
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
