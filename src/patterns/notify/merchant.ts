/**
 * The merchant (the passive party). Its notify handler applies a payment in one local transaction — with the
 * idempotency guard, only if the notification's notify_id is not yet in its processed-notifications table — and
 * answers after `handlerTime` (the first `slowCount` notifications take `slowTime`: past the platform's deadline the
 * attempt counts as failed although the order was applied). Its reconciliation job queries the platform's order API
 * for the orders it created but was not notified about, on a schedule or on demand, and applies the answer the same
 * idempotent way.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, StepContext, StepResult } from '../../engine/types';
import {
  after,
  MT,
  num,
  PLATFORM,
  type MDurable,
  type MOrder,
  type MProcessed,
  type MState,
  type MVolatile,
} from './types';

type R = StepResult<MDurable, MVolatile>;
type OrderRow = MOrder & Record<string, unknown>;

/** At most this many queries per reconciliation run (a batch: SELECT … WHERE status = 'unpaid' LIMIT n). */
const BATCH = 100;

const idempotent = (ctx: StepContext) => ctx.guards.idempotency !== false;

/** The state with new counts (written out rather than spread: a spread of it took V8's slow clone path). */
const counts = (s: MState, handled: number, applied: number, queries: number): MState => ({
  durable: { handled, applied, queries },
  volatile: s.volatile,
});
const armed = (s: MState, on: boolean): MState => ({ durable: s.durable, volatile: { armed: on } });

/** Mark the order paid and ship it (the business effect), unless the guard finds the notification processed. */
function apply(
  s: MState,
  ctx: StepContext,
  tx: string,
  mid: string,
  via: 'notify' | 'reconcile',
  fx: Effect[],
): MState {
  const db = ctx.db;
  if (idempotent(ctx)) {
    if (db.has(MT.processed, mid)) {
      fx.push({ kind: 'note', key: 'notify.note.duplicateIgnored', params: { tx, mid } });
      return s;
    }
    db.put(MT.processed, mid, { tx, at: ctx.now, via } satisfies MProcessed);
  }
  const o = db.get<OrderRow>(MT.orders, tx);
  const applied = (o?.applied ?? 0) + 1;
  db.put(MT.orders, tx, {
    st: 'paid',
    created: o?.created ?? ctx.now,
    paidAt: o?.paidAt ?? ctx.now,
    via: o?.via ?? via,
    applied,
  } satisfies MOrder);
  db.del(MT.open, tx);
  fx.push(
    applied > 1
      ? { kind: 'note', key: 'notify.note.appliedTwice', params: { tx, n: applied }, tag: 'warn' }
      : {
          kind: 'note',
          key: via === 'notify' ? 'notify.note.applied' : 'notify.note.repaired',
          params: { tx },
          tag: 'effect',
        },
  );
  return counts(s, s.durable.handled, s.durable.applied + 1, s.durable.queries);
}

/** Query the platform for unpaid orders created at least `minAge` ago (oldest first, one batch). */
function reconcile(s: MState, ctx: StepContext, minAge: number, fx: Effect[]): MState {
  const db = ctx.db;
  let sent = 0;
  for (const tx of db.keys(MT.open)) {
    if (sent >= BATCH) break;
    const o = db.get<OrderRow>(MT.orders, tx);
    if (!o) continue;
    if (ctx.now - o.created < minAge) break; // insertion order is creation order: the rest are younger
    fx.push({ kind: 'send', to: PLATFORM, msg: { type: 'QUERY', tx } });
    sent++;
  }
  fx.push({ kind: 'note', key: 'notify.note.reconcile', params: { n: sent } });
  return sent ? counts(s, s.durable.handled, s.durable.applied, s.durable.queries + sent) : s;
}

/** Set the scheduled job's timer if reconciliation runs on a schedule and there is something to reconcile. */
function arm(s: MState, ctx: StepContext, fx: Effect[]): MState {
  if (ctx.params.reconcile !== 'schedule' || s.volatile.armed || ctx.db.size(MT.open) === 0) return s;
  fx.push({ kind: 'setTimer', name: 'reconcile', after: num(ctx.params, 'reconcileEvery') });
  return armed(s, true);
}

export const merchantRole = role<MDurable, MVolatile>({
  init: () => ({ durable: { handled: 0, applied: 0, queries: 0 }, volatile: { armed: false } }),
  tables: {
    [MT.orders]: {
      durable: true,
      view: {
        title: 'notify.table.merchantOrders',
        columns: [
          { field: '$key', label: 'notify.col.order' },
          { field: 'st', label: 'notify.col.state', valueKey: 'notify.status' },
          { field: 'via', label: 'notify.col.via', valueKey: 'notify.via' },
          { field: 'applied', label: 'notify.col.applied' },
          { field: 'paidAt', label: 'notify.col.paidAt' },
        ],
        tone: (row) => (Number(row.applied) > 1 ? 'violated' : row.st === 'paid' ? 'committed' : 'working'),
      },
    },
    [MT.processed]: {
      durable: true,
      view: {
        title: 'notify.table.processed',
        columns: [
          { field: '$key', label: 'notify.col.notifyId' },
          { field: 'tx', label: 'notify.col.order' },
          { field: 'via', label: 'notify.col.via', valueKey: 'notify.via' },
          { field: 'at', label: 'notify.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    // Orders created and not yet paid here: what reconciliation queries.
    [MT.open]: { durable: true },
  },
  step(s, input, ctx): R {
    const db = ctx.db;
    const fx: Effect[] = [];
    switch (input.kind) {
      case 'start':
        return same(s);
      case 'recover':
        return same(arm(s, ctx, fx), fx);
      case 'request': {
        if (input.request.type !== 'RECONCILE' || ctx.params.reconcile === 'off') return same(s);
        return same(reconcile(s, ctx, 0, fx), fx);
      }
      case 'timer': {
        if (input.name === 'reconcile') {
          let st: MState = armed(s, false);
          st = reconcile(st, ctx, num(ctx.params, 'reconcileEvery'), fx);
          return same(arm(st, ctx, fx), fx);
        }
        if (after(input.name, 'answer') !== null) {
          const d = input.data as { tx: string; mid: string; n: number };
          return same(s, [
            { kind: 'send', to: PLATFORM, msg: { type: 'ACK', tx: d.tx, mid: d.mid, n: d.n, ok: true } },
          ]);
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        if (m.type === 'ORDER') {
          if (!db.has(MT.orders, tx)) {
            db.put(MT.orders, tx, {
              st: 'unpaid',
              created: ctx.now,
              paidAt: null,
              via: null,
              applied: 0,
            } satisfies MOrder);
            db.put(MT.open, tx, {});
          }
          fx.push({ kind: 'send', to: input.from, msg: { type: 'ORDER_OK', tx } });
          return same(arm(s, ctx, fx), fx);
        }
        if (m.type === 'NOTIFY') {
          const mid = String(m.mid ?? '');
          const handled = s.durable.handled + 1;
          let st: MState = counts(s, handled, s.durable.applied, s.durable.queries);
          st = apply(st, ctx, tx, mid, 'notify', fx);
          const slow = handled <= num(ctx.params, 'slowCount');
          fx.push({
            kind: 'setTimer',
            name: `answer:${mid}#${String(m.n)}`,
            after: num(ctx.params, slow ? 'slowTime' : 'handlerTime'),
            data: { tx, mid, n: m.n },
          });
          if (slow) fx.push({ kind: 'note', key: 'notify.note.slow', params: { tx }, tag: 'warn' });
          return same(st, fx);
        }
        if (m.type === 'QUERY_RESULT') {
          if (m.paid !== true) return same(s);
          return same(apply(s, ctx, tx, String(m.mid ?? ''), 'reconcile', fx), fx);
        }
        return same(s);
      }
    }
  },
});
