/**
 * The message relay (step 2): forwards outbox rows to the topic and, on the broker's ack, asks the database to mark
 * (or delete) the row. Polling publisher: a query for pending rows every `pollInterval`. Log tailing (CDC, Debezium's
 * outbox event router): the database streams each committed outbox insert after `cdcLag`; a restarted connector
 * resumes from the oldest unmarked row. Either way an unacknowledged publish is retried every `ackTimeout`, and a
 * crash between publish and mark publishes the row again: at-least-once.
 *
 * Rows in flight are rows of the relay's own (volatile) table, keyed by message id.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, Row, StepContext, StepResult } from '../../engine/types';
import { partitionOf, produceMsg } from '../broker';
import { note } from './notes';
import { AGGREGATE, BROKER, num, ORDER, RT, TOPIC, type InflightRow, type OutboxRow } from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type R = StepResult<D, V>;

const polling = (ctx: StepContext) => ctx.params.relay !== 'log-tailing';

function publish(row: OutboxRow, ctx: StepContext): Effect {
  const partitions = Math.max(1, Math.round(num(ctx.params, 'partitions') || 1));
  return {
    kind: 'send',
    to: BROKER,
    msg: produceMsg({
      topic: row.aggregatetype === AGGREGATE ? TOPIC : 'outbox.event.' + row.aggregatetype,
      partition: partitionOf(row.aggregateid, partitions),
      key: row.aggregateid,
      mid: row.id,
      type: row.type,
      payload: row.payload,
      tx: row.aggregateid,
    }),
  };
}

function onRows(s: { durable: D; volatile: V }, rows: OutboxRow[], ctx: StepContext): R {
  const effects: Effect[] = [];
  for (const row of rows) {
    if (ctx.db.has(RT.inflight, row.id)) continue; // already published, waiting for its ack
    const inflight: InflightRow = { row, since: ctx.now, tries: 1 };
    ctx.db.put(RT.inflight, row.id, inflight as unknown as Row);
    effects.push(
      publish(row, ctx),
      { kind: 'setTimer', name: 'ack:' + row.id, after: num(ctx.params, 'ackTimeout') },
      note('publish', { mid: row.id, topic: TOPIC }),
    );
  }
  return same(s, effects);
}

export const relayRole = role<D, V>({
  tables: {
    [RT.inflight]: {
      durable: false,
      view: {
        title: 'outbox.table.inflight',
        columns: [
          { field: '$key', label: 'outbox.col.id' },
          { field: 'tries', label: 'outbox.col.tries' },
          { field: 'since', label: 'outbox.col.at' },
        ],
        tone: () => 'working',
      },
    },
  },
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'start':
      case 'recover':
        if (polling(ctx)) return same(s, [{ kind: 'setTimer', name: 'poll', after: num(ctx.params, 'pollInterval') }]);
        // The connector restarts from the oldest row not yet marked: rows published before the crash go out again.
        return same(s, input.kind === 'recover' ? [{ kind: 'send', to: ORDER, msg: { type: 'RESUME' } }] : []);
      case 'timer': {
        if (input.name === 'poll') {
          return same(s, [
            { kind: 'send', to: ORDER, msg: { type: 'SCAN', max: num(ctx.params, 'batch') } },
            { kind: 'setTimer', name: 'poll', after: num(ctx.params, 'pollInterval') },
          ]);
        }
        if (input.name.startsWith('ack:')) {
          const mid = input.name.slice(4);
          const f = ctx.db.get<InflightRow & Row>(RT.inflight, mid);
          if (!f) return same(s);
          ctx.db.put(RT.inflight, mid, { row: f.row, since: f.since, tries: f.tries + 1 } satisfies InflightRow);
          return same(s, [
            publish(f.row, ctx),
            { kind: 'setTimer', name: 'ack:' + mid, after: num(ctx.params, 'ackTimeout') },
            note('retry', { mid, n: f.tries + 1 }, 'warn'),
          ]);
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        if (m.type === 'ROWS' || m.type === 'CDC') return onRows(s, (m.rows ?? []) as OutboxRow[], ctx);
        if (m.type === 'PRODUCE_ACK') {
          const mid = String(m.mid);
          if (!ctx.db.has(RT.inflight, mid)) return same(s);
          ctx.db.del(RT.inflight, mid);
          return same(s, [
            { kind: 'cancelTimer', name: 'ack:' + mid },
            note('acked', { mid, offset: Number(m.offset), partition: Number(m.partition) }),
            { kind: 'send', to: ORDER, msg: { type: 'MARK', mid } },
          ]);
        }
        return same(s);
      }
      default:
        return same(s);
    }
  },
});
