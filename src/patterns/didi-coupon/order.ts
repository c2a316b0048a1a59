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
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Msg, Row, StepContext, StepResult } from '../../engine/types';
import { delayAddMsg, delayCancelMsg } from '../broker/ddmq';
import { note } from './notes';
import { BROKER, COUPON, couponOf, monitorOf, num, ORDER, OT, type InflightRow, type OrderRow } from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type S = { durable: D; volatile: V };
type R = StepResult<D, V>;

const sendFirst = (ctx: StepContext) => ctx.guards.sendFirst !== false;

/** The tx monitor: pushed back to this service after `delay`, then every monitorInterval until cancelled. */
function monitor(tx: string, coupon: string, ctx: StepContext, delay: number): Effect {
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

const lock = (tx: string, coupon: string): Effect => ({ kind: 'send', to: COUPON, msg: { type: 'LOCK', tx, coupon } });
const put = (ctx: StepContext, tx: string, row: InflightRow) => ctx.db.put(OT.inflight, tx, row as unknown as Row);

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
    note('sendMonitor', { tx, mid: monitorOf(tx), delay: num(ctx.params, 'monitorDelay') }),
    monitor(tx, coupon, ctx, num(ctx.params, 'monitorDelay')),
    { kind: 'setTimer', name: 'send:' + tx, after: num(ctx.params, 'sendTimeout') },
  ]);
}

function onSendTimeout(s: S, tx: string, ctx: StepContext): R {
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  if (!f || f.step !== 'monitor') return same(s);
  if (f.tries > num(ctx.params, 'sendRetries')) {
    // The message could not be sent: do nothing else (nothing was locked). The order is refused.
    put(ctx, tx, { ...f, step: 'gave-up' });
    return same(s, [note('sendFailed', { tx, n: f.tries }, 'warn')]);
  }
  put(ctx, tx, { ...f, tries: f.tries + 1 });
  return same(s, [
    note('sendRetry', { tx, n: f.tries + 1 }, 'warn'),
    monitor(tx, f.coupon, ctx, num(ctx.params, 'monitorDelay') - (ctx.now - f.at)),
    { kind: 'setTimer', name: 'send:' + tx, after: num(ctx.params, 'sendTimeout') },
  ]);
}

function onSaved(s: S, tx: string, ctx: StepContext): R {
  const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
  if (!f || f.step !== 'saving') return same(s);
  if (f.fail) {
    put(ctx, tx, { ...f, step: 'failed' });
    const effects: Effect[] = [note('saveFailed', { tx }, 'warn')];
    // Send first: the monitor already sent drives the unlock. Sent last: send it now (no delay) — if we get here.
    if (!sendFirst(ctx)) effects.push(note('sendAfter', { tx, mid: monitorOf(tx) }), monitor(tx, f.coupon, ctx, 0));
    return same(s, effects);
  }
  // The base operation: one local transaction writes the order row.
  const order: OrderRow = { st: 'saved', coupon: f.coupon, at: ctx.now };
  ctx.db.put(OT.orders, tx, order as unknown as Row);
  ctx.db.del(OT.inflight, tx);
  const effects: Effect[] = [note('saved', { tx, coupon: f.coupon }, 'effect')];
  if (sendFirst(ctx)) effects.push({ kind: 'send', to: BROKER, msg: delayCancelMsg(monitorOf(tx), tx) });
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
          case 'DELAY_ACK': {
            const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
            if (!f || f.step !== 'monitor') return same(s);
            put(ctx, tx, { ...f, step: 'lock' });
            return same(s, [
              { kind: 'cancelTimer', name: 'send:' + tx },
              note('monitorStored', { tx, mid: String(m.mid) }),
              lock(tx, f.coupon),
            ]);
          }
          case 'LOCKED': {
            const f = ctx.db.get<InflightRow & Row>(OT.inflight, tx);
            if (!f || f.step !== 'lock') return same(s);
            if (!m.ok) {
              put(ctx, tx, { ...f, step: 'failed' });
              return same(s, [note('lockRefused', { tx, coupon: f.coupon }, 'warn')]);
            }
            put(ctx, tx, { ...f, step: 'saving' });
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
