/**
 * The inventory service: a RocketMQ push consumer (group inventory_group, on ORDER_TOPIC and its retry topic
 * %RETRY%inventory_group). Its MessageListenerConcurrently reserves stock in a local transaction; with the
 * `idempotent` guard on, the same transaction records the message id (the consumed table) and a message seen before
 * is skipped — RocketMQ delivers at least once. A consumption that fails (the first `consumeFails` attempts of each
 * message) returns RECONSUME_LATER: the message goes back to the broker (broker/txn.ts sendBack), which retries it on
 * the 10 s … 2 h ladder and then moves it to %DLQ%inventory_group. With the `retry` guard off the listener catches
 * the error and returns CONSUME_SUCCESS: the message is gone.
 */
import type { Effect, Row, StepContext } from '../../engine/types';
import { consumerRole, type LogRecord } from '../broker';
import { reconsumeTimes, retryTopicOf, sendBack, sendBackConsumer } from '../broker/txn';
import { note } from './notes';
import {
  BROKER,
  GROUP,
  KT,
  num,
  TOPIC,
  type ConsumedRow,
  type ConsumerDurable,
  type EffectRow,
  type FailedRow,
} from './types';

export const INITIAL_STOCK = 1_000_000;

function handle(d: ConsumerDurable, rec: LogRecord, ctx: StepContext): { durable: ConsumerDurable; effects: Effect[] } {
  const db = ctx.db;
  const tx = rec.key;
  const n = reconsumeTimes(rec);
  if (ctx.guards.idempotent && db.has(KT.consumed, rec.mid)) {
    return { durable: d, effects: [note('duplicate', { mid: rec.mid }, 'info')] };
  }
  if (n < num(ctx.params, 'consumeFails')) {
    const retry = !!ctx.guards.retry;
    const prev = db.get<FailedRow & Row>(KT.failed, rec.mid);
    const row: FailedRow = { tx, n: (prev?.n ?? 0) + 1, at: ctx.now, st: retry ? 'retrying' : 'swallowed' };
    db.put(KT.failed, rec.mid, row as unknown as Row);
    return retry
      ? {
          durable: d,
          effects: [...sendBack(BROKER, GROUP, rec, ctx), note('consumeFailed', { mid: rec.mid, n: n + 1 }, 'warn')],
        }
      : { durable: d, effects: [note('swallowed', { mid: rec.mid }, 'block')] };
  }
  if (ctx.guards.idempotent) db.put(KT.consumed, rec.mid, { at: ctx.now, reconsume: n } satisfies ConsumedRow);
  const qty = Number(rec.payload.qty ?? 1);
  const cur = db.get<EffectRow & Row>(KT.effects, tx);
  const row: EffectRow = cur
    ? { ...cur, n: cur.n + 1, last: ctx.now }
    : { mid: rec.mid, n: 1, first: ctx.now, last: ctx.now };
  db.put(KT.effects, tx, row as unknown as Row);
  if (db.has(KT.failed, rec.mid)) db.del(KT.failed, rec.mid);
  const effects: Effect[] = [
    row.n > 1
      ? note('appliedAgain', { tx, mid: rec.mid, n: row.n }, 'warn')
      : note('applied', { tx, mid: rec.mid }, 'effect'),
  ];
  return { durable: { stock: d.stock - qty }, effects };
}

const backs = sendBackConsumer(BROKER);

export const consumerNodeRole = consumerRole<ConsumerDurable>({
  group: GROUP,
  topic: TOPIC,
  broker: BROKER,
  extraTopics: [retryTopicOf(GROUP)],
  notePrefix: 'rocketmq.note',
  init: () => ({ stock: INITIAL_STOCK }),
  handle,
  extend: backs.extend,
  tables: {
    ...backs.tables,
    [KT.consumed]: {
      durable: true,
      view: {
        title: 'rocketmq.table.consumed',
        columns: [
          { field: '$key', label: 'rocketmq.col.mid' },
          { field: 'reconsume', label: 'rocketmq.col.reconsume' },
          { field: 'at', label: 'rocketmq.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [KT.effects]: {
      durable: true,
      view: {
        title: 'rocketmq.table.effects',
        columns: [
          { field: '$key', label: 'rocketmq.col.order' },
          { field: 'mid', label: 'rocketmq.col.mid' },
          { field: 'n', label: 'rocketmq.col.applied' },
          { field: 'first', label: 'rocketmq.col.at' },
        ],
        tone: (row) => (Number(row.n) > 1 ? 'violated' : 'committed'),
      },
    },
    [KT.failed]: {
      durable: true,
      view: {
        title: 'rocketmq.table.failed',
        columns: [
          { field: '$key', label: 'rocketmq.col.mid' },
          { field: 'tx', label: 'rocketmq.col.tx' },
          { field: 'n', label: 'rocketmq.col.failures' },
          { field: 'st', label: 'rocketmq.col.state', valueKey: 'rocketmq.word' },
          { field: 'at', label: 'rocketmq.col.at' },
        ],
        tone: (row) => (row.st === 'swallowed' ? 'violated' : 'blocked'),
      },
    },
  },
});
