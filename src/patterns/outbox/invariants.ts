/**
 * Invariants and outcomes per order, each re-checked only for the order whose rows a step wrote (the order service's
 * business and outbox rows, the consumer's inbox and effect rows). Reference checks walk every order.
 */
import type { Change, InvariantDef, TxOutcome, TxReport, World } from '../../engine/pattern';
import type { DbReader, Row } from '../../engine/types';
import { perKey } from '../../engine/invariants';
import { BT, committedOffset, type LogRecord } from '../broker';
import {
  BROKER,
  CONSUMER,
  GROUP,
  KT,
  ORDER,
  OT,
  txOfMid,
  type EffectRow,
  type OrderRow,
  type OutboxRow,
} from './types';

const orders = (w: World) => w.db(ORDER);
const consumer = (w: World) => w.db(CONSUMER);
const order = (w: World, tx: string) => orders(w).get<OrderRow & Row>(OT.orders, tx);
const applied = (w: World, tx: string) => consumer(w).get<EffectRow & Row>(KT.effects, tx)?.n ?? 0;
/** The outbox row left the pending state (marked sent, or deleted): the broker acknowledged it. */
const published = (db: DbReader, mid: string) => db.get<OutboxRow & Row>(OT.outbox, mid)?.status !== 'pending';

/** Changes name an order: by its id (orders, reservations) or by its message id (outbox, inbox). */
function txOf(c: Change): string | null {
  if (c.table === OT.orders || c.table === KT.effects) return c.key;
  if (c.table === OT.outbox || c.table === KT.inbox) return txOfMid(c.key);
  return null;
}

function allOrders(w: World): string[] {
  return [...orders(w).keys(OT.orders)];
}

/** Checked per order; the reference also counts effects of orders nobody placed. */
const perOrder = (
  id: string,
  kind: 'always' | 'eventually',
  tables: string[],
  check: (w: World, tx: string) => boolean,
) => perKey(id, kind, { tables, keyOf: txOf, keys: (w) => [...allOrders(w), ...consumer(w).keys(KT.effects)] }, check);

/** Exactly once: no order's effect applied more than once (broken at the second application). */
export const exactlyOnce = perOrder('exactly-once', 'always', [KT.effects], (w, tx) => applied(w, tx) <= 1);

/** Every committed order's effect is eventually applied (the business outcome of eventual consistency). */
export const eventuallyConsistent = perOrder(
  'eventually-consistent',
  'eventually',
  [OT.orders, KT.effects],
  (w, tx) => !order(w, tx) || applied(w, tx) >= 1,
);

/** Every outbox row is eventually published (acknowledged by the broker) and consumed. */
export const noLostMessage = perOrder('no-lost-message', 'eventually', [OT.orders, OT.outbox, KT.effects], (w, tx) => {
  const o = order(w, tx);
  return !o || (published(orders(w), o.mid) && applied(w, tx) >= 1);
});

/** Eventually no outbox row is pending: a running count of the pending index's rows. */
export const outboxDrained: InvariantDef = {
  id: 'outbox-drained',
  kind: 'eventually',
  watch: {
    by: 'total',
    tables: [OT.pending],
    value: (node, _t, row) => (node === ORDER && row ? 1 : 0),
    ok: (total) => total === 0,
  },
  reference: (w) => orders(w).size(OT.pending) === 0,
};

export const invariants: InvariantDef[] = [exactlyOnce, eventuallyConsistent, noLostMessage, outboxDrained];

/** Message id → the first log position it was appended at (end-of-run report: one pass over the log). */
function positions(w: World): Map<string, LogRecord> {
  const out = new Map<string, LogRecord>();
  const db = w.db(BROKER);
  for (const k of db.keys(BT.log)) {
    const r = db.get<LogRecord & Row>(BT.log, k);
    if (r && !out.has(r.mid)) out.set(r.mid, r);
  }
  return out;
}

export function outcomes(w: World): TxReport[] {
  const db = orders(w);
  const kdb = consumer(w);
  const pos = positions(w);
  const bdb = w.db(BROKER);
  return allOrders(w).map((tx) => {
    const o = order(w, tx) as OrderRow;
    const eff = kdb.get<EffectRow & Row>(KT.effects, tx);
    const n = eff?.n ?? 0;
    const row = db.get<OutboxRow & Row>(OT.outbox, o.mid);
    const rec = pos.get(o.mid);
    let outcome: TxOutcome;
    if (n >= 2) outcome = 'inconsistent';
    else if (n === 1) outcome = 'delivered';
    else {
      // Never applied: still on its way, or the group committed past it without applying it (lost).
      const committed = rec ? committedOffset(bdb, GROUP, rec.topic, rec.partition) : undefined;
      outcome = rec && committed !== undefined && committed > rec.offset ? 'inconsistent' : 'pending';
    }
    const at: Record<string, string> = {
      [ORDER]: row ? row.status : published(db, o.mid) ? 'deleted' : 'none',
      [CONSUMER]: n === 0 ? 'none' : `applied×${n}`,
    };
    if (rec) at[BROKER] = `${rec.topic}/${rec.partition}/${rec.offset}`;
    const report: TxReport = { tx, outcome, at, start: o.at };
    if (eff) report.end = eff.first;
    return report;
  });
}
