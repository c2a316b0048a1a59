/**
 * The consumer (step 3): the inventory service reads the topic and, in its own local transaction, reserves stock for
 * the order. With the dedup guard on, the same transaction records the message id in its inbox (processed-messages
 * table) and skips a message it has seen; off, a redelivered or republished message is applied again.
 * Offsets are committed after processing (or by auto-commit), by the broker module's consumer.
 */
import type { Effect, Row, StepContext } from '../../engine/types';
import { consumerRole, type LogRecord } from '../broker';
import { note } from './notes';
import { BROKER, GROUP, KT, TOPIC, type ConsumerDurable, type EffectRow, type InboxRow } from './types';

export const INITIAL_STOCK = 1_000_000;

function handle(d: ConsumerDurable, rec: LogRecord, ctx: StepContext): { durable: ConsumerDurable; effects: Effect[] } {
  const db = ctx.db;
  const tx = rec.key;
  if (ctx.guards.dedup) {
    if (db.has(KT.inbox, rec.mid)) {
      return { durable: d, effects: [note('duplicate', { mid: rec.mid, offset: rec.offset }, 'info')] };
    }
    const inbox: InboxRow = { at: ctx.now, offset: rec.offset };
    db.put(KT.inbox, rec.mid, inbox as unknown as Row);
  }
  const qty = Number(rec.payload.qty ?? 1);
  const cur = db.get<EffectRow & Row>(KT.effects, tx);
  const row: EffectRow = cur
    ? { mid: cur.mid, n: cur.n + 1, first: cur.first, last: ctx.now }
    : { mid: rec.mid, n: 1, first: ctx.now, last: ctx.now };
  db.put(KT.effects, tx, row as unknown as Row);
  const effects: Effect[] = [
    row.n > 1
      ? note('appliedAgain', { tx, mid: rec.mid, n: row.n }, 'warn')
      : note('applied', { tx, mid: rec.mid, offset: rec.offset }, 'effect'),
  ];
  return { durable: { stock: d.stock - qty }, effects };
}

export const consumerNodeRole = consumerRole<ConsumerDurable>({
  group: GROUP,
  topic: TOPIC,
  broker: BROKER,
  notePrefix: 'outbox.note',
  init: () => ({ stock: INITIAL_STOCK }),
  handle,
  tables: {
    [KT.inbox]: {
      durable: true,
      view: {
        title: 'outbox.table.inbox',
        columns: [
          { field: '$key', label: 'outbox.col.id' },
          { field: 'offset', label: 'outbox.col.offset' },
          { field: 'at', label: 'outbox.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [KT.effects]: {
      durable: true,
      view: {
        title: 'outbox.table.effects',
        columns: [
          { field: '$key', label: 'outbox.col.order' },
          { field: 'mid', label: 'outbox.col.id' },
          { field: 'n', label: 'outbox.col.applied' },
          { field: 'first', label: 'outbox.col.at' },
        ],
        tone: (row) => (Number(row.n) > 1 ? 'violated' : 'committed'),
      },
    },
  },
});
