/**
 * The order service and its database (step 1 of the seed): one local transaction writes the business row and the
 * outbox row. The database also answers the relay: the polling publisher's query (SCAN → ROWS: pending rows in commit
 * order), the log tail (CDC: each committed outbox insert streamed after `cdcLag`), and the mark on the broker's ack
 * (MARK: the row is marked sent or deleted).
 *
 * Pending rows are indexed by commit sequence (`outboxPending`), and `head` skips the sent ones, so a query reads
 * only pending rows, never the whole outbox.
 */
import { role, same } from '../../engine/pattern';
import type { Db, Effect, Row, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import {
  AGGREGATE,
  midOf,
  num,
  OT,
  RELAY,
  type OrderDurable,
  type OrderRow,
  type OrderVolatile,
  type OutboxRow,
  type PendingRow,
} from './types';

type S = { durable: OrderDurable; volatile: OrderVolatile };
type R = StepResult<OrderDurable, OrderVolatile>;

const logTailing = (ctx: StepContext) => ctx.params.relay === 'log-tailing';

/** Pending outbox rows from `from` on (at most `max`), and the first sequence number that may still be pending. */
export function pendingFrom(
  db: Db,
  from: number,
  end: number,
  max: number,
): { rows: OutboxRow[]; firstPending: number } {
  const rows: OutboxRow[] = [];
  let firstPending = end;
  for (let s = from; s < end && rows.length < max; s++) {
    const p = db.get<PendingRow & Row>(OT.pending, String(s));
    if (!p) continue;
    if (firstPending === end) firstPending = s;
    const r = db.get<OutboxRow & Row>(OT.outbox, p.id);
    if (r) rows.push(r);
  }
  return { rows, firstPending: rows.length ? firstPending : end };
}

function place(s: S, tx: string, qty: number, ctx: StepContext): R {
  const db = ctx.db;
  if (db.has(OT.orders, tx)) return same(s);
  const mid = midOf(tx);
  const seq = s.durable.seq;
  // One local transaction: the business row and the outbox row commit together (or not at all).
  const order: OrderRow = { st: 'created', mid, qty, at: ctx.now };
  const out: OutboxRow = {
    id: mid,
    aggregatetype: AGGREGATE,
    aggregateid: tx,
    type: 'OrderCreated',
    payload: { qty },
    status: 'pending',
    seq,
    at: ctx.now,
  };
  db.put(OT.orders, tx, order as unknown as Row);
  db.put(OT.outbox, mid, out as unknown as Row);
  db.put(OT.pending, String(seq), { id: mid });
  const effects: Effect[] = [note('placed', { tx, mid }, 'effect')];
  let volatile = s.volatile;
  if (logTailing(ctx) && !volatile.cdcArmed) {
    effects.push({ kind: 'setTimer', name: 'cdc', after: num(ctx.params, 'cdcLag') });
    volatile = { cdcFrom: volatile.cdcFrom, cdcArmed: true };
  }
  return { state: { durable: { seq: seq + 1, head: s.durable.head }, volatile }, effects };
}

/** Stream the outbox inserts committed since the last push to the relay (the binlog as the connector reads it). */
function pushCdc(s: S, ctx: StepContext, from: number): R {
  const { rows } = pendingFrom(ctx.db, from, s.durable.seq, Number.MAX_SAFE_INTEGER);
  const effects: Effect[] = rows.length ? [{ kind: 'send', to: RELAY, msg: { type: 'CDC', rows } }] : [];
  return { state: { durable: s.durable, volatile: { cdcFrom: s.durable.seq, cdcArmed: false } }, effects };
}

// States and rows are written out field by field (same order as a spread would give): a spread of a state or row
// took V8's slow clone path and was a large share of a run.
const withHead = (s: S, head: number): S => ({ durable: { seq: s.durable.seq, head }, volatile: s.volatile });

/** The outbox row marked sent (only pending rows are marked, so it has no sentAt yet). */
const sentRow = (r: OutboxRow, at: number): OutboxRow => ({
  id: r.id,
  aggregatetype: r.aggregatetype,
  aggregateid: r.aggregateid,
  type: r.type,
  payload: r.payload,
  status: 'sent',
  seq: r.seq,
  at: r.at,
  sentAt: at,
});

function mark(s: S, id: string, ctx: StepContext): R {
  const db = ctx.db;
  const row = db.get<OutboxRow & Row>(OT.outbox, id);
  if (!row || row.status !== 'pending') return same(s);
  if (ctx.params.onAck === 'delete') db.del(OT.outbox, id);
  else db.put(OT.outbox, id, sentRow(row, ctx.now) as unknown as Row);
  db.del(OT.pending, String(row.seq));
  let head = s.durable.head;
  if (row.seq === head) {
    // Move past the sent rows at the front.
    head++;
    while (head < s.durable.seq && !db.has(OT.pending, String(head))) head++;
  }
  const state = head === s.durable.head ? s : withHead(s, head);
  return { state, effects: [note('marked', { mid: id, how: String(ctx.params.onAck) })] };
}

export const orderRole = role<OrderDurable, OrderVolatile>({
  tables: {
    [OT.orders]: {
      durable: true,
      view: {
        title: 'outbox.table.orders',
        columns: [
          { field: '$key', label: 'outbox.col.order' },
          { field: 'st', label: 'outbox.col.status', valueKey: 'outbox.word' },
          { field: 'qty', label: 'outbox.col.qty' },
          { field: 'at', label: 'outbox.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [OT.outbox]: {
      durable: true,
      view: {
        title: 'outbox.table.outbox',
        columns: [
          { field: 'id', label: 'outbox.col.id' },
          { field: 'aggregatetype', label: 'outbox.col.aggregatetype' },
          { field: 'aggregateid', label: 'outbox.col.aggregateid' },
          { field: 'type', label: 'outbox.col.type' },
          { field: 'status', label: 'outbox.col.status', valueKey: 'outbox.word' },
          { field: 'at', label: 'outbox.col.at' },
        ],
        tone: (row) => (row.status === 'sent' ? 'committed' : 'prepared'),
      },
    },
    [OT.pending]: { durable: true },
  },
  init: () => ({ durable: { seq: 0, head: 0 }, volatile: { cdcFrom: 0, cdcArmed: false } }),
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'request':
        if (input.request.type === 'PLACE')
          return place(s, String(input.request.tx), Number(input.request.qty ?? 1), ctx);
        return same(s);
      case 'recover':
        // The binlog is durable: a restarted database streams what it had not streamed yet.
        if (logTailing(ctx)) return pushCdc(s, ctx, s.durable.head);
        return same(s);
      case 'timer':
        if (input.name === 'cdc') return pushCdc(s, ctx, s.volatile.cdcFrom);
        return same(s);
      case 'deliver': {
        const m = input.msg;
        if (m.type === 'SCAN') {
          // SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT max
          const { rows, firstPending } = pendingFrom(ctx.db, s.durable.head, s.durable.seq, Number(m.max) || 100);
          const state = firstPending > s.durable.head ? withHead(s, firstPending) : s;
          return same(state, [{ kind: 'send', to: input.from, msg: { type: 'ROWS', rows } }]);
        }
        if (m.type === 'RESUME') return pushCdc(s, ctx, s.durable.head);
        if (m.type === 'MARK') return mark(s, String(m.mid), ctx);
        return same(s);
      }
      default:
        return same(s);
    }
  },
});
