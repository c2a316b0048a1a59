/**
 * The order service (S-DIDI-1), with the Didi meeting's rule: the base operation (save the order) comes last, the
 * preparation (lock the coupon) before it, and the message is sent first (S-DIDI-3):
 *
 *   PLACE → DELAY_ADD (the tx monitor, delayed by `monitorDelay`) → DELAY_ACK → LOCK coupon → LOCKED
 *         → save the order (takes `saveTime`) → saved: DELAY_CANCEL | failed: leave the monitor, it drives the unlock
 *
 * The same node is the business's own consumer of the monitor (CarreraTxMsgExample, step 4): on TX_MONITOR it
 * re-checks its orders table — an order row → cancel the monitor; no order row → UNLOCK the coupon, and cancel the
 * monitor once the coupon service answers. If the unlock fails (lost, coupon service down) nothing is cancelled and
 * the monitor comes again after `monitorInterval`: the retry that makes it eventually consistent. If the monitor comes
 * before the order is saved (a delay shorter than the base operation, S-DIDI-5), "no order row" is wrong: the coupon
 * is unlocked and the order is saved after all.
 *
 * Guard sendFirst off (S-DIDI-3's pitfall): lock, save, and only then send — on failure a monitor with no delay to
 * unlock the coupon. A crash between the lock and the send leaves the coupon locked for good.
 *
 * Parameter mq = rocketmq runs the same flow on RocketMQ's model (broker/txn.ts): the message sent first is a half
 * message "unlock the coupon" (SEND_HALF → HALF_OK), ended one-way after the save — ROLLBACK when the order is saved,
 * COMMIT when saving failed (then the coupon service consumes it and unlocks). A lost or missing end is settled by the
 * broker's check-back (CHECK_TX, from transactionTimeOut on, one per check round), answered by the same re-check as
 * DDMQ's monitor consumer: an order row → ROLLBACK, none → COMMIT.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Msg, Row, StepContext, StepResult } from '../../engine/types';
import { delayAddMsg, delayCancelMsg } from '../broker/ddmq';
import { endTxMsg, halfMsg, type TxState } from '../broker/txn';
import { note } from './notes';
import {
  BROKER,
  COUPON,
  couponOf,
  halfOf,
  monitorOf,
  num,
  onRocketMQ,
  ORDER,
  OT,
  UNLOCK_TOPIC,
  type InflightRow,
  type OrderRow,
} from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type S = { durable: D; volatile: V };
type R = StepResult<D, V>;

const sendFirst = (ctx: StepContext) => ctx.guards.sendFirst !== false;

const rocket = (ctx: StepContext) => onRocketMQ(ctx.params);
const msgOf = (tx: string, ctx: StepContext) => (rocket(ctx) ? halfOf(tx) : monitorOf(tx));

/**
 * The message sent first. DDMQ: the tx monitor, pushed back to this service after `delay`, then every
 * monitorInterval until cancelled. RocketMQ: the half message "unlock the coupon", born when the request came.
 */
function monitor(tx: string, coupon: string, ctx: StepContext, delay: number, born = ctx.now): Effect {
  if (rocket(ctx)) {
    return {
      kind: 'send',
      to: BROKER,
      msg: halfMsg({
        topic: UNLOCK_TOPIC,
        partition: 0,
        key: tx,
        mid: halfOf(tx),
        tx,
        type: 'CouponUnlock',
        payload: { coupon },
        born,
      }),
    };
  }
  return {
    kind: 'send',
    to: BROKER,
    msg: delayAddMsg({
      mid: monitorOf(tx),
      tx,
      delay,
      interval: num(ctx.params, 'monitorInterval'),
      max: num(ctx.params, 'monitorMax'),
      to: ORDER,
      type: 'OrderTxMonitor',
      payload: { coupon },
    }),
  };
}

/** RocketMQ: end the half message (one-way). */
const endTx = (tx: string, state: TxState, fromCheck = false): Effect => ({
  kind: 'send',
  to: BROKER,
  msg: endTxMsg({ mid: halfOf(tx), tx, state, fromCheck }),
});

const lock = (tx: string, coupon: string): Effect => ({ kind: 'send', to: COUPON, msg: { type: 'LOCK', tx, coupon } });
const put = (ctx: StepContext, tx: string, row: InflightRow) => ctx.db.put(OT.inflight, tx, row as unknown as Row);
/** The request's row at another step, or tried once more (written out: spreading rows is slow in V8). */
const atStep = (f: InflightRow, step: InflightRow['step']): InflightRow => ({
  step,
  coupon: f.coupon,
  fail: f.fail,
  at: f.at,
  tries: f.tries,
});
const triedAgain = (f: InflightRow): InflightRow => ({
  step: f.step,
  coupon: f.coupon,
  fail: f.fail,
  at: f.at,
  tries: f.tries + 1,
});

function place(s: S, req: Msg, ctx: StepContext): R {
  const tx = String(req.tx);
  if (ctx.db.has(OT.orders, tx) || ctx.db.has(OT.inflight, tx)) return same(s);
  const coupon = couponOf(tx);
  // Whether saving this order will fail (a constraint, a full disk): given by the request, else drawn.
  const fail = typeof req.fail === 'boolean' ? req.fail : ctx.random() < num(ctx.params, 'failRate');
  const row: InflightRow = { step: sendFirst(ctx) ? 'monitor' : 'lock', coupon, fail, at: ctx.now, tries: 1 };
  put(ctx, tx, row);
  if (!sendFirst(ctx)) return same(s, [note('lockFirst', { tx, coupon }, 'warn'), lock(tx, coupon)]);
  return same(s, [
    rocket(ctx)
      ? note('sendHalf', { tx, mid: halfOf(tx) })
      : note('sendMonitor', { tx, mid: monitorOf(tx), delay: num(ctx.params, 'monitorDelay') }),
    monitor(tx, coupon, ctx, num(ctx.params, 'monitorDelay')),
    { kind: 'setTimer', name: 'send:' + tx, after: num(ctx.params, 'sendTimeout') },
  ]);
}

function onSendTimeout(s: S, tx: string, ctx: StepContext): R {
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  if (!f || f.step !== 'monitor') return same(s);
  if (f.tries > num(ctx.params, 'sendRetries')) {
    // The message could not be sent: do nothing else (nothing was locked). The order is refused.
    put(ctx, tx, atStep(f, 'gave-up'));
    return same(s, [note('sendFailed', { tx, n: f.tries }, 'warn')]);
  }
  put(ctx, tx, triedAgain(f));
  return same(s, [
    note('sendRetry', { tx, n: f.tries + 1 }, 'warn'),
    monitor(tx, f.coupon, ctx, num(ctx.params, 'monitorDelay') - (ctx.now - f.at), f.at),
    { kind: 'setTimer', name: 'send:' + tx, after: num(ctx.params, 'sendTimeout') },
  ]);
}

function onSaved(s: S, tx: string, ctx: StepContext): R {
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  if (!f || f.step !== 'saving') return same(s);
  if (f.fail) {
    put(ctx, tx, atStep(f, 'failed'));
    const effects: Effect[] = [note('saveFailed', { tx }, 'warn')];
    // Send first: the message already sent drives the unlock (DDMQ: the monitor comes; RocketMQ: commit it). Sent
    // last: send it now (DDMQ: no delay; RocketMQ: half, then commit on its ack) — if we get here.
    if (!sendFirst(ctx)) effects.push(note('sendAfter', { tx, mid: msgOf(tx, ctx) }), monitor(tx, f.coupon, ctx, 0));
    else if (rocket(ctx)) effects.push(note('commitUnlock', { tx, mid: halfOf(tx) }, 'decision'), endTx(tx, 'COMMIT'));
    return same(s, effects);
  }
  // The base operation: one local transaction writes the order row.
  const order: OrderRow = { st: 'saved', coupon: f.coupon, at: ctx.now };
  ctx.db.put(OT.orders, tx, order as unknown as Row);
  ctx.db.del(OT.inflight, tx);
  const effects: Effect[] = [note(rocket(ctx) ? 'savedRollback' : 'saved', { tx, coupon: f.coupon }, 'effect')];
  if (sendFirst(ctx))
    effects.push(
      rocket(ctx) ? endTx(tx, 'ROLLBACK') : { kind: 'send', to: BROKER, msg: delayCancelMsg(monitorOf(tx), tx) },
    );
  return same(s, effects);
}

/** The business's own consumer of the monitor: re-check the orders table and repair. */
function onMonitor(s: S, m: Msg, ctx: StepContext): R {
  const tx = String(m.tx);
  const coupon = String((m.payload as { coupon?: string } | undefined)?.coupon ?? couponOf(tx));
  const n = Number(m.n);
  if (ctx.db.has(OT.orders, tx)) {
    return same(s, [
      note('monitorSaved', { tx, n }),
      { kind: 'send', to: BROKER, msg: delayCancelMsg(String(m.mid), tx) },
    ]);
  }
  // No order row: the order failed (or so it seems — it may still be being saved, S-DIDI-5).
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  const saving = f?.step === 'saving';
  return same(s, [
    note(saving ? 'monitorTooEarly' : 'monitorUnlock', { tx, n, coupon }, saving ? 'warn' : 'decision'),
    { kind: 'send', to: COUPON, msg: { type: 'UNLOCK', tx, coupon } },
  ]);
}

/** RocketMQ's check-back, answered by the business's check listener with the same re-check as the monitor consumer. */
function onCheck(s: S, m: Msg, ctx: StepContext): R {
  const tx = String(m.tx);
  const n = Number(m.checks);
  if (ctx.db.has(OT.orders, tx)) return same(s, [note('checkSaved', { tx, n }), endTx(tx, 'ROLLBACK', true)]);
  const saving = ctx.db.get<InflightRow & Row>(OT.inflight, tx)?.step === 'saving';
  return same(s, [
    note(saving ? 'checkTooEarly' : 'checkCommit', { tx, n }, saving ? 'warn' : 'decision'),
    endTx(tx, 'COMMIT', true),
  ]);
}

/** DDMQ's DELAY_ACK or RocketMQ's HALF_OK: the message is stored. */
function onStored(s: S, m: Msg, ctx: StepContext): R {
  const tx = String(m.tx);
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  if (!f) return same(s);
  // Sent last (RocketMQ): the half message for a failed save is committed as soon as it is stored.
  if (f.step === 'failed' && rocket(ctx) && !sendFirst(ctx)) return same(s, [endTx(tx, 'COMMIT')]);
  if (f.step !== 'monitor') return same(s);
  put(ctx, tx, atStep(f, 'lock'));
  return same(s, [
    { kind: 'cancelTimer', name: 'send:' + tx },
    note('monitorStored', { tx, mid: String(m.mid) }),
    lock(tx, f.coupon),
  ]);
}

export const orderRole = role<D, V>({
  tables: {
    [OT.orders]: {
      durable: true,
      view: {
        title: 'didi.table.orders',
        columns: [
          { field: '$key', label: 'didi.col.order' },
          { field: 'st', label: 'didi.col.status', valueKey: 'didi.word' },
          { field: 'coupon', label: 'didi.col.coupon' },
          { field: 'at', label: 'didi.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [OT.inflight]: {
      durable: false,
      view: {
        title: 'didi.table.inflight',
        columns: [
          { field: '$key', label: 'didi.col.order' },
          { field: 'step', label: 'didi.col.step', valueKey: 'didi.word' },
          { field: 'coupon', label: 'didi.col.coupon' },
          { field: 'fail', label: 'didi.col.willFail' },
          { field: 'at', label: 'didi.col.at' },
        ],
        tone: (row) =>
          row.step === 'failed' || row.step === 'gave-up' ? 'aborted' : row.step === 'saving' ? 'working' : 'prepared',
      },
    },
  },
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'request':
        return input.request.type === 'PLACE' ? place(s, input.request, ctx) : same(s);
      case 'timer': {
        if (input.name.startsWith('send:')) return onSendTimeout(s, input.name.slice(5), ctx);
        if (input.name.startsWith('save:')) return onSaved(s, input.name.slice(5), ctx);
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx);
        switch (m.type) {
          case 'DELAY_ACK':
          case 'HALF_OK':
            return onStored(s, m, ctx);
          case 'CHECK_TX':
            return onCheck(s, m, ctx);
          case 'LOCKED': {
            const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
            if (!f || f.step !== 'lock') return same(s);
            if (!m.ok) {
              put(ctx, tx, atStep(f, 'failed'));
              const end = rocket(ctx) && sendFirst(ctx) ? [endTx(tx, 'ROLLBACK')] : [];
              return same(s, [note('lockRefused', { tx, coupon: f.coupon }, 'warn'), ...end]);
            }
            put(ctx, tx, atStep(f, 'saving'));
            return same(s, [
              note('saving', { tx, ms: num(ctx.params, 'saveTime') }),
              { kind: 'setTimer', name: 'save:' + tx, after: num(ctx.params, 'saveTime') },
            ]);
          }
          case 'TX_MONITOR':
            return onMonitor(s, m, ctx);
          case 'UNLOCKED':
            return same(s, [
              note('unlockedCancel', { tx, mid: monitorOf(tx) }),
              { kind: 'send', to: BROKER, msg: delayCancelMsg(monitorOf(tx), tx) },
            ]);
          case 'CANCEL_ACK': {
            const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
            if (f && f.step === 'failed') ctx.db.del(OT.inflight, tx);
            return same(s, [note(m.ok ? 'cancelled' : 'cancelLate', { tx, mid: String(m.mid) })]);
          }
          default:
            return same(s);
        }
      }
      default:
        return same(s);
    }
  },
});
