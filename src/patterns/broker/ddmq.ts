/**
 * DDMQ's own model (didi/DDMQ), as an extension of the Kafka-like broker in ./index.ts (`brokerRole({ extend })`).
 *
 * What DDMQ's code offers (PATTERNS.md "Didi DDMQ"): plain sends, and delayed messages (its Chronos module) that can be
 * added and cancelled — no half message and no broker check-back (a maintainer said so in didi/DDMQ issue #5). Its
 * transactional recipe, carrera-sdk CarreraTxMsgExample.java:
 *   1. `addTxMonitorMessageBuilder(...).send()`: a delayed "tx monitor" message (the example: now + 120 s, dmsgtype 2:
 *      a delayed message that cproxy re-delivers by the retry count and interval set on the console);
 *   2. run the local transaction;
 *   3. success → send the business message, then `cancelTxMonitorMessageBuilder` — failure → cancel the monitor;
 *   4. if a send or the cancel fails, "the business will receive the monitor message again" and must act on it: the
 *      check-back is done by the business's own consumer, and its timing is the monitor's delay.
 *
 * Here a delayed message is a durable row of the broker's `delayedMsgs` table (it survives a broker crash: Chronos
 * keeps it in RocksDB); `delayedOpen` indexes the ones still waiting, so a restarted broker re-arms only those. When
 * one is due it is either pushed to a subscriber node (`TX_MONITOR`, the push/callback consumer of the example) or
 * appended to a topic (a plain delayed message, consumed like any other). A monitor is re-delivered every `interval`
 * until it is cancelled or has been delivered `max` times (DDMQ's LOOP_DELAY).
 *
 * Wire protocol (broker links are streams):
 *   producer → broker  DELAY_ADD {mid, tx, delay, interval, max, to | topic+partition+key, etype, payload}
 *   broker → producer  DELAY_ACK {mid, tx}                     (adding the same mid twice is acknowledged, not added)
 *   producer → broker  DELAY_CANCEL {mid, tx}                  broker → producer  CANCEL_ACK {mid, tx, ok}
 *   broker → subscriber TX_MONITOR {mid, tx, n, etype, payload}   (n: the how-many-th delivery)
 *
 * Consumers: `retryTimes` below are DDMQ's consumer retries (cproxy re-pushes a failed message after an interval, a
 * number of times set on the console); `withRetries` gives a broker/index.ts consumer that behaviour.
 */
import type { ParamDef, RoleDef, TableSpec } from '../../engine/pattern';
import { notes, role, same } from '../../engine/pattern';
import type { Effect, Input, Msg, NodeId, NodeState, Row, StepContext, StepResult } from '../../engine/types';
import { append, brokerRole, BT } from './index';

/** DDMQ's tables on the broker: every delayed message (durable), and the index of those still waiting. */
export const DDMQ = { delayed: BT.delayed, open: 'delayedOpen' } as const;

export type DelayedStatus = 'waiting' | 'cancelled' | 'done';

export interface DelayedRow {
  mid: string;
  tx?: string;
  /** The producer that added it. */
  from: NodeId;
  /** Pushed to this node when due (a tx monitor) … */
  to?: NodeId;
  /** … or appended to this topic. */
  topic?: string;
  partition?: number;
  key?: string;
  type: string;
  payload: Record<string, unknown>;
  at: number;
  /** When it is (next) due. */
  due: number;
  /** Deliveries so far. */
  fired: number;
  /** At most this many deliveries (1: a plain delayed message). */
  max: number;
  /** Time between re-deliveries of a looping monitor. */
  interval: number;
  status: DelayedStatus;
  cancelledAt?: number;
}

const timerOf = (mid: string) => 'ddmq:' + mid;

/** DDMQ's producer-side parameters (patterns that use DDMQ include them). */
export const ddmqParams: ParamDef[] = [
  {
    key: 'monitorDelay',
    kind: 'ms',
    default: 120_000,
    min: 0,
    max: 3_600_000,
    source: 'didi/DDMQ carrera-sdk CarreraTxMsgExample: the tx monitor message is delayed "now + 120" s',
  },
  {
    key: 'monitorInterval',
    kind: 'ms',
    default: 60_000,
    min: 100,
    max: 3_600_000,
    source:
      'approx.: DDMQ re-delivers a monitor by the retry interval set on its console (CarreraTxMsgExample, dmsgtype 2)',
  },
  {
    key: 'monitorMax',
    kind: 'int',
    default: 10,
    min: 1,
    max: 100,
    source: 'approx.: the retry count set on DDMQ’s console for the monitor’s subscription',
  },
];

/** A DELAY_ADD message: a monitor pushed to `to`, or a delayed message appended to `topic`. */
export function delayAddMsg(m: {
  mid: string;
  tx?: string;
  delay: number;
  interval?: number;
  max?: number;
  to?: NodeId;
  topic?: string;
  partition?: number;
  key?: string;
  type: string;
  payload?: Record<string, unknown>;
}): Msg {
  // Built field by field (optional ones only when set), not from conditional spreads: one per transaction.
  const msg: Msg = { type: 'DELAY_ADD', mid: m.mid };
  if (m.tx) msg.tx = m.tx;
  msg.delay = m.delay;
  msg.interval = m.interval ?? 0;
  msg.max = m.max ?? 1;
  if (m.to) msg.to = m.to;
  if (m.topic) {
    msg.topic = m.topic;
    msg.partition = m.partition ?? 0;
    msg.key = m.key ?? m.mid;
  }
  msg.etype = m.type;
  msg.payload = m.payload ?? {};
  return msg;
}

export function delayCancelMsg(mid: string, tx?: string): Msg {
  return tx ? { type: 'DELAY_CANCEL', mid, tx } : { type: 'DELAY_CANCEL', mid };
}

/**
 * A delayed message's row: `r`'s fields with a new delivery count, due time and status (and when it was cancelled),
 * the optional ones only when set — the field order of the table. Built field by field: a spread of the old row
 * that adds a field took V8's slow path.
 */
function delayedRow(
  r: DelayedRow,
  fired: number,
  due: number,
  status: DelayedStatus,
  cancelledAt = r.cancelledAt,
): DelayedRow {
  const row = { mid: r.mid } as DelayedRow;
  if (r.tx !== undefined) row.tx = r.tx;
  row.from = r.from;
  if (r.to !== undefined) row.to = r.to;
  if (r.topic !== undefined) {
    row.topic = r.topic;
    row.partition = r.partition;
    row.key = r.key;
  }
  row.type = r.type;
  row.payload = r.payload;
  row.at = r.at;
  row.due = due;
  row.fired = fired;
  row.max = r.max;
  row.interval = r.interval;
  row.status = status;
  if (cancelledAt !== undefined) row.cancelledAt = cancelledAt;
  return row;
}

export interface DdmqConfig {
  /** Narration key prefix (`${notePrefix}.delayAdded` …); none when absent. */
  notePrefix?: string;
}

/** The table views of DDMQ's delayed messages (strings under `broker.ddmq.`). */
export const ddmqTables: Record<string, TableSpec> = {
  [DDMQ.delayed]: {
    durable: true,
    view: {
      title: 'broker.ddmq.table.delayed',
      columns: [
        { field: '$key', label: 'broker.col.mid' },
        { field: 'type', label: 'broker.col.type' },
        { field: 'status', label: 'broker.ddmq.col.status', valueKey: 'broker.ddmq.word' },
        { field: 'due', label: 'broker.ddmq.col.due' },
        { field: 'fired', label: 'broker.ddmq.col.fired' },
        { field: 'to', label: 'broker.ddmq.col.to' },
      ],
      tone: (row) => (row.status === 'waiting' ? 'prepared' : row.status === 'cancelled' ? 'aborted' : 'committed'),
    },
  },
  [DDMQ.open]: { durable: true },
};

/** The broker extension: DELAY_ADD / DELAY_CANCEL, the due timers, and re-arming them after a restart. */
export function ddmqExtend(cfg: DdmqConfig = {}): (input: Input, ctx: StepContext) => Effect[] | null {
  // Narration, when the pattern gives a prefix: `if (note) effects.push(note(…))`.
  const note = cfg.notePrefix ? notes(cfg.notePrefix) : null;
  return (input, ctx) => {
    const db = ctx.db;
    if (input.kind === 'recover') {
      // Timers are volatile; the delayed messages are not. Re-arm every waiting one (late ones fire at once).
      const effects: Effect[] = [];
      for (const mid of db.keys(DDMQ.open)) {
        const r = db.get<DelayedRow & Row>(DDMQ.delayed, mid);
        if (r && r.status === 'waiting')
          effects.push({ kind: 'setTimer', name: timerOf(mid), after: Math.max(0, r.due - ctx.now) });
      }
      return effects;
    }
    if (input.kind === 'timer' && input.name.startsWith('ddmq:')) {
      const mid = input.name.slice(5);
      const r = db.get<DelayedRow & Row>(DDMQ.delayed, mid);
      if (!r || r.status !== 'waiting') return [];
      const effects: Effect[] = [];
      const fired = r.fired + 1;
      if (r.to) {
        const msg: Msg = r.tx
          ? { type: 'TX_MONITOR', mid, tx: r.tx, n: fired, etype: r.type, payload: r.payload }
          : { type: 'TX_MONITOR', mid, n: fired, etype: r.type, payload: r.payload };
        effects.push({ kind: 'send', to: r.to, msg });
      } else if (r.topic !== undefined) {
        append(
          ctx,
          {
            topic: r.topic,
            partition: r.partition ?? 0,
            key: r.key ?? mid,
            mid,
            type: r.type,
            payload: r.payload,
            from: r.from,
          },
          effects,
        );
      }
      const again = fired < r.max;
      const next = again ? delayedRow(r, fired, ctx.now + r.interval, r.status) : delayedRow(r, fired, r.due, 'done');
      db.put(DDMQ.delayed, mid, next as unknown as Row);
      if (again) effects.push({ kind: 'setTimer', name: timerOf(mid), after: r.interval });
      else db.del(DDMQ.open, mid);
      if (note) effects.push(note(again ? 'delayFired' : 'delayFiredLast', { mid, n: fired }));
      return effects;
    }
    if (input.kind !== 'deliver') return null;
    const m = input.msg;
    if (m.type === 'DELAY_ADD') {
      const mid = String(m.mid);
      const ack: Effect = { kind: 'send', to: input.from, msg: { type: 'DELAY_ACK', mid, tx: m.tx } };
      if (db.has(DDMQ.delayed, mid)) return [ack]; // a retried add: already stored
      const delay = Math.max(0, Number(m.delay) || 0);
      const topic = m.topic !== undefined;
      const row = delayedRow(
        {
          mid,
          tx: m.tx ? String(m.tx) : undefined,
          from: input.from,
          to: m.to ? String(m.to) : undefined,
          topic: topic ? String(m.topic) : undefined,
          partition: topic ? Number(m.partition) || 0 : undefined,
          key: topic ? String(m.key ?? mid) : undefined,
          type: String(m.etype),
          payload: (m.payload ?? {}) as Record<string, unknown>,
          at: ctx.now,
          due: 0,
          fired: 0,
          max: Math.max(1, Number(m.max) || 1),
          interval: Math.max(1, Number(m.interval) || 1),
          status: 'waiting',
        },
        0,
        ctx.now + delay,
        'waiting',
      );
      db.put(DDMQ.delayed, mid, row as unknown as Row);
      db.put(DDMQ.open, mid, { due: row.due });
      const effects: Effect[] = [ack, { kind: 'setTimer', name: timerOf(mid), after: delay }];
      if (note) effects.push(note('delayAdded', { mid, due: row.due }));
      return effects;
    }
    if (m.type === 'DELAY_CANCEL') {
      const mid = String(m.mid);
      const r = db.get<DelayedRow & Row>(DDMQ.delayed, mid);
      // Cancelling a message already delivered for the last time (or unknown) fails; a cancelled one stays cancelled.
      const ok = !!r && r.status !== 'done';
      const effects: Effect[] = [{ kind: 'send', to: input.from, msg: { type: 'CANCEL_ACK', mid, tx: m.tx, ok } }];
      if (r && r.status === 'waiting') {
        db.put(DDMQ.delayed, mid, delayedRow(r, r.fired, r.due, 'cancelled', ctx.now) as unknown as Row);
        db.del(DDMQ.open, mid);
        effects.push({ kind: 'cancelTimer', name: timerOf(mid) });
        if (note) effects.push(note('delayCancelled', { mid }));
      }
      return effects;
    }
    return null;
  };
}

/** A DDMQ broker: the Kafka-like broker with Chronos's delayed messages. */
export function ddmqBrokerRole(cfg: DdmqConfig = {}): RoleDef<never, never> {
  return brokerRole({ tables: ddmqTables, extend: ddmqExtend(cfg), notePrefix: cfg.notePrefix });
}

// ------------------------------------------------------------------ consumer retries

/** A handler's verdict on one attempt: applied, failed for now (retry later), or never possible (reverse flow). */
export type Attempt = 'ok' | 'transient' | 'permanent';

/** Consumer-side retry parameters (cproxy re-pushes a failed message). */
export const retryParams: ParamDef[] = [
  {
    key: 'retryDelay',
    kind: 'ms',
    default: 1_000,
    min: 10,
    max: 3_600_000,
    source:
      'approx.: DDMQ console, a subscription’s retry interval; RocketMQ’s first retry is 10 s (messageDelayLevel 3)',
  },
  {
    key: 'maxRetries',
    kind: 'int',
    default: 16,
    min: 0,
    max: 100,
    source: 'approx.: DDMQ console retry count; RocketMQ maxReconsumeTimes default 16',
  },
];

/** A failed attempt waiting for its retry: a durable row of the consumer, keyed by message id. */
export interface RetryRow {
  rec: Record<string, unknown>;
  attempt: number;
  due: number;
  [k: string]: unknown;
}
export const RETRY_TABLE = 'retries';
const retryTimer = (mid: string) => 'retry:' + mid;

/**
 * Give a consumer role (broker/index.ts `consumerRole`) DDMQ's consumption retries: `retry(mid, rec, attempt)` is
 * what the handler calls on a transient failure (it writes a durable retry row and returns the timer effect); the
 * wrapper runs `again` when the timer fires and re-arms every pending retry after a restart. Other inputs the
 * consumer does not know (replies to the reverse flow's calls) go to `other`.
 */
export function withRetries<D, V>(
  inner: RoleDef<never, never>,
  hooks: {
    again(state: NodeState<D, V>, rec: Record<string, unknown>, attempt: number, ctx: StepContext): StepResult<D, V>;
    other?(state: NodeState<D, V>, input: Input, ctx: StepContext): StepResult<D, V> | null;
  },
): RoleDef<never, never> {
  const base = inner as unknown as RoleDef<D, V>;
  return role<D, V>({
    tables: { ...base.tables, [RETRY_TABLE]: retryTable },
    init: (ctx) => base.init(ctx),
    step(state, input, ctx) {
      if (input.kind === 'timer' && input.name.startsWith('retry:')) {
        const mid = input.name.slice(6);
        const r = ctx.db.get<RetryRow & Row>(RETRY_TABLE, mid);
        if (!r) return same(state);
        ctx.db.del(RETRY_TABLE, mid);
        return hooks.again(state, r.rec, r.attempt, ctx);
      }
      if (input.kind === 'recover' || input.kind === 'start') {
        const res = base.step(state, input, ctx);
        const effects = [...res.effects];
        for (const mid of input.kind === 'recover' ? ctx.db.keys(RETRY_TABLE) : []) {
          const r = ctx.db.get<RetryRow & Row>(RETRY_TABLE, mid);
          if (r) effects.push({ kind: 'setTimer', name: retryTimer(mid), after: Math.max(0, r.due - ctx.now) });
        }
        const o = hooks.other?.(res.state, input, ctx);
        return o ? { state: o.state, effects: [...effects, ...o.effects] } : { state: res.state, effects };
      }
      const o =
        input.kind === 'deliver' && input.msg.type === 'RECORDS'
          ? null
          : input.kind === 'timer' &&
              (input.name.startsWith('fetch:') || input.name === 'proc' || input.name === 'autocommit')
            ? null
            : hooks.other?.(state, input, ctx);
      return o ?? base.step(state, input, ctx);
    },
  });
}

/** Schedule a retry of `rec` (attempt `attempt` failed): a durable row and its timer. */
export function scheduleRetry(ctx: StepContext, mid: string, rec: Record<string, unknown>, attempt: number): Effect {
  const delay = Number(ctx.params.retryDelay) || 1_000;
  const row: RetryRow = { rec, attempt, due: ctx.now + delay };
  ctx.db.put(RETRY_TABLE, mid, row as Row);
  return { kind: 'setTimer', name: retryTimer(mid), after: delay };
}

const retryTable: TableSpec = {
  durable: true,
  view: {
    title: 'broker.ddmq.table.retries',
    columns: [
      { field: '$key', label: 'broker.col.mid' },
      { field: 'attempt', label: 'broker.ddmq.col.attempt' },
      { field: 'due', label: 'broker.ddmq.col.due' },
    ],
    tone: () => 'prepared',
  },
};
