/**
 * RocketMQ's transactional-message and retry mechanics (PATTERNS.md "Transactional message (RocketMQ ≥ 4.3)"), as an
 * extension of the Kafka-like broker in ./index.ts: plug it in with `brokerRole(txnBroker(cfg))`, or take
 * `txnBrokerRole(cfg)`. Used by src/patterns/rocketmq; any pattern can run RocketMQ's model on its own topology.
 *
 * API
 *   txnBroker({ notePrefix? }): BrokerConfig   the `extend` hook + table views for brokerRole(…); the broker's
 *                                timers are 'txcheck' (the rounds) and 'delay:<mid>#<n>' (retries)
 *   txnBrokerRole(cfg): RoleDef                              = brokerRole(txnBroker(cfg))
 *   rocketConsumerParams         the consumer's (./index.ts consumerParams, RocketMQ defaults: 15 s long poll …)
 *   txnParams: ParamDef[]        transactionTimeOut, transactionCheckInterval, transactionCheckMax, maxReconsumeTimes
 *                                (read from ctx.params by these keys; include them in the pattern's params)
 *   TXN                          the system topic / group names (half topic, max-check topic, check group)
 *   retryTopicOf(group), dlqTopicOf(group)   '%RETRY%<group>', '%DLQ%<group>'
 *   RETRY_LADDER                 the 16 retry delays (10 s … 2 h), index = reconsumeTimes of the failed message;
 *                                fmtDelay(ms) writes one as the ladder does ("1m30s")
 *   TT, HalfRow, DelayedRow, SendBackRow, TxState, HalfState   table names and row / value shapes
 *   Producer side (messages to send to the broker node):
 *     halfMsg({ topic, partition, key, mid, tx, type, payload, born }): Msg   → HALF_OK { mid, tx } back to the sender
 *     endTxMsg({ mid, tx, state, fromCheck? }): Msg                      one-way; state COMMIT | ROLLBACK | UNKNOW
 *     the broker asks back with CHECK_TX { mid, tx, checks } (to the node that sent the half message); the producer
 *     answers with endTxMsg(…, fromCheck: true) — its check listener, from its own local-transaction table.
 *   Consumer side (consumerRole from ./index.ts with extraTopics: [retryTopicOf(group)] and the `extend` and
 *   `tables` of sendBackConsumer(broker)):
 *     sendBack(broker, group, rec, ctx): Effect[]   from `handle`, for a failed consumption (RECONSUME_LATER): the
 *                                                   broker schedules the retry; repeated every 5 s until answered
 *     reconsumeTimes(rec): number                   how many times this message was already retried
 *   Rows (broker tables, durable): BT.half `halfMsgs` keyed by mid → HalfRow (state, checks, born …);
 *     TT.open `halfOpen` keyed by mid: the half messages still in state 'half' (count them with db.size);
 *     BT.delayed `delayedMsgs` keyed `${group}/${mid}#${n}` → DelayedRow (a retry waiting in SCHEDULE_TOPIC_XXXX);
 *     TT.backDone `sendBacksSeen` (send-backs handled, so a repeated one schedules nothing);
 *     on the consumer TT.sendBack `pendingSendBacks` keyed `${group}/${mid}#${n}` → SendBackRow (the broker's
 *     `delayedMsgs` and `sendBacksSeen` rows of a send-back carry the same key).
 *   Notes (when notePrefix is given), `${notePrefix}.<key>`: halfStored, committed, rolledBack, unknown, endIgnored,
 *     check, discarded, sentBack, retryDue, deadLettered — params are in each call below.
 *
 * Wire protocol (RocketMQ's request codes in brackets; producer ↔ broker are RPC calls, each on its own):
 *   producer → broker  SEND_HALF {topic, partition, key, mid, tx, etype, payload, born}  [SEND_MESSAGE, TRAN_MSG=true]
 *   broker → producer  HALF_OK {mid, tx}                                               [SEND_OK response]
 *   producer → broker  END_TX {mid, tx, state, fromCheck}                               [END_TRANSACTION, oneway]
 *   broker → producer  CHECK_TX {mid, tx, checks}                                      [CHECK_TRANSACTION_STATE]
 *   consumer → broker  SEND_BACK {key, group, mid, tx, mkey, etype, payload, topic, reconsume}
 *                                                                             [CONSUMER_SEND_MSG_BACK, synchronous]
 *   broker → consumer  SEND_BACK_OK {key, mid}                                         [its response]
 *
 * What the broker does (the Java sources each step follows):
 * - SEND_HALF: the message is stored in RMQ_SYS_TRANS_HALF_TOPIC queue 0 (TransactionalMessageBridge
 *   .parseHalfMessageInner: real topic and queue kept as properties) — a row of the topic log no consumer reads — and
 *   as a `halfMsgs` row (state 'half', checks 0); answered HALF_OK. A repeated send of the same mid is acked again.
 * - END_TX (EndTransactionProcessor): COMMIT → the message is appended to its real topic/partition (consumable) and
 *   the row becomes 'committed'; ROLLBACK → 'rolled-back' (RocketMQ writes an op message to
 *   RMQ_SYS_TRANS_OP_HALF_TOPIC; the row's state stands for it); UNKNOW (TRANSACTION_NOT_TYPE) → nothing, the check
 *   will ask. An end-transaction for a row no longer 'half' is ignored (simplification: its op entry exists).
 * - Check rounds (TransactionalMessageCheckService, TransactionalMessageServiceImpl.check): one round every
 *   transactionCheckInterval from the broker's start (ServiceThread.waitForRunning). A round reads the half queue
 *   from the check group's offset (CID_RMQ_SYS_TRANS, kept in `groupOffsets`) up to the log end at the round's start
 *   ("fresh stored" entries wait for the next round): entries whose row is no longer 'half' (or that were re-appended
 *   since) are skipped; a row at transactionCheckMax checks is discarded (needDiscard) into
 *   TRANS_CHECK_MAX_TIME_TOPIC (resolveDiscardMsg, since 4.5.2) — never delivered; an entry younger than
 *   transactionTimeOut since its born time ends the round ("new arrived, check it later"); otherwise its check
 *   count goes up, it is re-appended to the half queue (putBackHalfMsgQueue) and CHECK_TX goes to the producer
 *   (AbstractTransactionalMessageCheckListener.resolveHalfMsg). So the first check lands in the first round at or
 *   after born + transactionTimeOut, one more per round, and the 16th round discards it after 15 checks.
 * - SEND_BACK (AbstractSendMessageProcessor.consumerSendMsgBack): reconsumeTimes ≥ maxReconsumeTimes → appended to
 *   `%DLQ%<group>`; else delay level 3 + reconsumeTimes (MessageStoreConfig.messageDelayLevel "1s 5s 10s 30s 1m 2m
 *   3m … 2h") — a `delayedMsgs` row and a timer (ScheduleMessageService), then appended to `%RETRY%<group>` with
 *   RECONSUME_TIME = reconsumeTimes + 1. Timers are re-armed from the rows after a crash (the store is durable).
 */
import type { ParamDef, TableSpec } from '../../engine/pattern';
import { notes } from '../../engine/pattern';
import type { Effect, Input, Msg, NodeId, Row, StepContext } from '../../engine/types';
import {
  append,
  appendRecord,
  BT,
  brokerRole,
  committedOffset,
  consumerParams,
  logEnd,
  logKey,
  offsetKey,
  type BrokerConfig,
  type LogRecord,
} from './index';

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** System topic and group names (RocketMQ TopicValidator / MixAll). */
export const TXN = {
  /** TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC: where half messages wait, one queue. */
  halfTopic: 'RMQ_SYS_TRANS_HALF_TOPIC',
  /** TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC: half messages discarded after transactionCheckMax checks. */
  maxTopic: 'TRANS_CHECK_MAX_TIME_TOPIC',
  /** MixAll.CID_RMQ_SYS_PREFIX + "TRANS": the check service's consumer group on the half topic. */
  checkGroup: 'CID_RMQ_SYS_TRANS',
} as const;

/**
 * The RocketMQ extension's own tables: on the broker the index of half messages still waiting (mid → {}), for views
 * and checks; on a consumer its send-backs not yet acknowledged.
 */
export const TT = { open: 'halfOpen', backDone: 'sendBacksSeen', sendBack: 'pendingSendBacks' } as const;

export const retryTopicOf = (group: string) => '%RETRY%' + group;
export const dlqTopicOf = (group: string) => '%DLQ%' + group;

/**
 * The consumer retry delays: MessageStoreConfig.messageDelayLevel "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m
 * 30m 1h 2h"; a message that failed for the (n+1)th time is retried at level 3 + n (consumerSendMsgBack), so the
 * delays are levels 3…18: 10s, 30s, 1m, 2m … 10m, 20m, 30m, 1h, 2h — 16 retries (maxReconsumeTimes), then %DLQ%.
 */
export const RETRY_LADDER: readonly number[] = [
  10 * SEC,
  30 * SEC,
  1 * MIN,
  2 * MIN,
  3 * MIN,
  4 * MIN,
  5 * MIN,
  6 * MIN,
  7 * MIN,
  8 * MIN,
  9 * MIN,
  10 * MIN,
  20 * MIN,
  30 * MIN,
  1 * HOUR,
  2 * HOUR,
];

/** Broker-side parameters (keys read from ctx.params). */
export const txnParams: ParamDef[] = [
  {
    key: 'transactionTimeOut',
    kind: 'ms',
    default: 6 * SEC,
    min: 0,
    max: 10 * MIN,
    source: 'RocketMQ BrokerConfig.transactionTimeOut = 6 * 1000: a half message is checked once this old (from born)',
  },
  {
    key: 'transactionCheckInterval',
    kind: 'ms',
    default: 60 * SEC,
    min: 1 * SEC,
    max: 10 * MIN,
    source: 'RocketMQ BrokerConfig.transactionCheckInterval = 60 * 1000 up to 5.1.0 (30 s from 5.1.1): one check round',
  },
  {
    key: 'transactionCheckMax',
    kind: 'int',
    default: 15,
    min: 1,
    max: 100,
    source: 'RocketMQ BrokerConfig.transactionCheckMax = 15: then discarded to TRANS_CHECK_MAX_TIME_TOPIC (≥ 4.5.2)',
  },
  {
    key: 'maxReconsumeTimes',
    kind: 'int',
    default: 16,
    min: 0,
    max: 16,
    source:
      'RocketMQ SubscriptionGroupConfig.retryMaxTimes = 16 (DefaultMQPushConsumer maxReconsumeTimes -1 → 16), then %DLQ%<group>',
  },
];

/**
 * The consumer parameters of a RocketMQ push consumer: the broker module's, without Kafka's auto-commit (a push
 * consumer commits only what it processed), and an idle pull answered after 15 s (long polling).
 */
export const rocketConsumerParams: ParamDef[] = consumerParams
  .filter((p) => p.key !== 'commit' && p.key !== 'autoCommitInterval')
  .map((p) =>
    p.key === 'fetchTimeout'
      ? {
          ...p,
          default: 15 * SEC,
          source:
            'RocketMQ DefaultMQPushConsumerImpl BROKER_SUSPEND_MAX_TIME_MILLIS = 15 s: the broker holds an idle pull that long, then it is sent again',
        }
      : p.key === 'fetchMax'
        ? { ...p, default: 32, source: 'RocketMQ DefaultMQPushConsumer pullBatchSize = 32' }
        : p,
  );

export type TxState = 'COMMIT' | 'ROLLBACK' | 'UNKNOW';
export type HalfState = 'half' | 'committed' | 'rolled-back' | 'discarded';

/** A half (prepared) message as the broker keeps it: the row the table view shows, with its check count. */
export interface HalfRow {
  mid: string;
  tx: string;
  topic: string;
  partition: number;
  key: string;
  type: string;
  payload: Record<string, unknown>;
  /** The producer that sent it: check-backs go there. */
  producer: NodeId;
  /** The producer's send time (BORN_TIMESTAMP): the check's age is counted from it. */
  born: number;
  /** TRANSACTION_CHECK_TIMES. */
  checks: number;
  state: HalfState;
  /** Offset of its newest entry in the half queue (older entries are stale copies). */
  qoff: number;
  /** When it left the half state; how (an END_TX from the producer's flow, from a check answer, or the discard). */
  endAt?: number;
  by?: 'producer' | 'check' | 'max';
  /** Position in the real topic once committed. */
  pos?: string;
}

/** A retry waiting in the schedule store (SCHEDULE_TOPIC_XXXX) until `dueAt`. */
export interface DelayedRow {
  mid: string;
  tx: string;
  key: string;
  type: string;
  payload: Record<string, unknown>;
  group: string;
  /** RECONSUME_TIME of the copy it will deliver. */
  reconsume: number;
  dueAt: number;
}

/** 10000 → "10s", 90000 → "1m30s", 7200000 → "2h" (the ladder's own notation). */
export function fmtDelay(ms: number): string {
  if (ms < SEC) return `${ms}ms`;
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / MIN);
  const s = Math.round((ms % MIN) / SEC);
  return (h ? `${h}h` : '') + (m ? `${m}m` : '') + (s || (!h && !m) ? `${s}s` : '');
}

const num = (ctx: StepContext, k: string, dflt: number) => {
  const v = Number(ctx.params[k]);
  return Number.isFinite(v) ? v : dflt;
};

/** A half message to send (the producer side of SEND_HALF). `born` is the send time. */
export function halfMsg(m: {
  topic: string;
  partition: number;
  key: string;
  mid: string;
  tx: string;
  type: string;
  payload: Record<string, unknown>;
  born: number;
}): Msg {
  return {
    type: 'SEND_HALF',
    topic: m.topic,
    partition: m.partition,
    key: m.key,
    mid: m.mid,
    tx: m.tx,
    etype: m.type,
    payload: m.payload,
    born: m.born,
  };
}

/** The one-way end-transaction (also the answer to a check: fromCheck). */
export function endTxMsg(m: { mid: string; tx: string; state: TxState; fromCheck?: boolean }): Msg {
  return { type: 'END_TX', mid: m.mid, tx: m.tx, state: m.state, fromCheck: !!m.fromCheck };
}

/** How many times a consumed record was already retried (0 for the first delivery). */
export function reconsumeTimes(rec: LogRecord): number {
  return Number(rec.props?.reconsume ?? 0);
}

/** A send-back not yet acknowledged by the broker (a consumer row, durable: re-sent after a crash). */
export interface SendBackRow {
  msg: Msg;
  since: number;
  tries: number;
}

/**
 * The send-back's timeout: DefaultMQPushConsumerImpl.sendMessageBack calls consumerSendMessageBack with 5000 ms; when
 * it fails the client keeps the message out of its offset and consumes it again later (ConsumeMessageConcurrently
 * Service.processConsumeResult → submitConsumeRequestLater). Here: the call is repeated until the broker answers.
 */
export const SEND_BACK_TIMEOUT = 5_000;

const sendBackTimer = (key: string): Effect => ({
  kind: 'setTimer',
  name: 'sendback:' + key,
  after: SEND_BACK_TIMEOUT,
});

/**
 * A failed consumption (RECONSUME_LATER): hand the message back to the broker for a later retry (or the DLQ). Call
 * it from the consumer's `handle`; the consumer needs `sendBackConsumer(broker)` (its `extend` and `tables`).
 */
export function sendBack(broker: NodeId, group: string, rec: LogRecord, ctx: StepContext): Effect[] {
  const n = reconsumeTimes(rec);
  // Per group: two groups that both fail the same message each get their own retry (their own %RETRY% topic).
  const key = `${group}/${rec.mid}#${n + 1}`;
  const msg: Msg = {
    type: 'SEND_BACK',
    key,
    group,
    mid: rec.mid,
    tx: rec.key,
    mkey: rec.key,
    etype: rec.type,
    payload: rec.payload,
    topic: rec.topic,
    reconsume: n,
  };
  ctx.db.put(TT.sendBack, key, { msg, since: Math.floor(ctx.now), tries: 1 } satisfies SendBackRow);
  return [{ kind: 'send', to: broker, msg }, sendBackTimer(key)];
}

/** The consumer side of send-back: repeats an unanswered one, re-sends all after a crash, forgets answered ones. */
export function sendBackConsumer(broker: NodeId): {
  extend(input: Input, ctx: StepContext): Effect[] | null;
  tables: Record<string, TableSpec>;
} {
  const resend = (ctx: StepContext, key: string): Effect[] => {
    const r = ctx.db.get<SendBackRow & Row>(TT.sendBack, key);
    if (!r) return [];
    ctx.db.put(TT.sendBack, key, { ...r, tries: r.tries + 1 });
    return [{ kind: 'send', to: broker, msg: r.msg }, sendBackTimer(key)];
  };
  return {
    tables: { [TT.sendBack]: { durable: true } },
    extend(input, ctx) {
      if (input.kind === 'recover') {
        const out: Effect[] = [];
        for (const k of ctx.db.keys(TT.sendBack)) out.push(...resend(ctx, k));
        return out;
      }
      if (input.kind === 'timer' && input.name.startsWith('sendback:')) return resend(ctx, input.name.slice(9));
      if (input.kind === 'deliver' && input.msg.type === 'SEND_BACK_OK') {
        const key = String(input.msg.key);
        if (ctx.db.has(TT.sendBack, key)) ctx.db.del(TT.sendBack, key);
        return [{ kind: 'cancelTimer', name: 'sendback:' + key }];
      }
      return null;
    },
  };
}

export interface TxnBrokerConfig {
  /** Narration prefix (`${notePrefix}.check` …); none when absent. Also used for the Kafka-like notes. */
  notePrefix?: string;
}

/** Table views of the RocketMQ stores (titles and columns under `broker.` in ./strings.*.ts). */
export const txnTables: Record<string, TableSpec> = {
  [BT.half]: {
    durable: true,
    view: {
      title: 'broker.table.half',
      columns: [
        { field: 'mid', label: 'broker.col.mid' },
        { field: 'tx', label: 'broker.col.tx' },
        { field: 'state', label: 'broker.col.state', valueKey: 'broker.word' },
        { field: 'checks', label: 'broker.col.checks' },
        { field: 'born', label: 'broker.col.born' },
        { field: 'topic', label: 'broker.col.topic' },
      ],
      tone: (row) => {
        switch (row.state) {
          case 'half':
            return 'prepared';
          case 'committed':
            return 'committed';
          case 'rolled-back':
            return 'aborted';
          default:
            return 'violated';
        }
      },
    },
  },
  [BT.delayed]: {
    durable: true,
    view: {
      title: 'broker.table.delayed',
      columns: [
        { field: 'mid', label: 'broker.col.mid' },
        { field: 'reconsume', label: 'broker.col.reconsume' },
        { field: 'dueAt', label: 'broker.col.dueAt' },
        { field: 'group', label: 'broker.col.group' },
      ],
      tone: () => 'prepared',
    },
  },
  [TT.open]: { durable: true },
  [TT.backDone]: { durable: true },
};

type HalfR = HalfRow & Row;
type DelR = DelayedRow & Row;

/**
 * A half message's next row (still 'half': its check count and newest queue offset), its fields in the order the
 * table has always had: written out rather than spread from the old row (a spread that adds fields is V8's slow
 * path), on every transaction's way.
 */
function halfNext(h: HalfRow, checks: number, qoff: number, state: HalfState = h.state): HalfRow {
  return {
    mid: h.mid,
    tx: h.tx,
    topic: h.topic,
    partition: h.partition,
    key: h.key,
    type: h.type,
    payload: h.payload,
    producer: h.producer,
    born: h.born,
    checks,
    state,
    qoff,
  };
}

/** The row of a half message leaving the half state: how it ended follows (`pos`: where it went, if anywhere). */
function halfEnded(h: HalfRow, state: HalfState, endAt: number, by: HalfRow['by'], pos?: string): HalfRow {
  const row = halfNext(h, h.checks, h.qoff, state);
  row.endAt = endAt;
  row.by = by;
  if (pos !== undefined) row.pos = pos;
  return row;
}

/** The `extend` hook and tables that make brokerRole a RocketMQ broker with transactional messages and retries. */
export function txnBroker(cfg: TxnBrokerConfig = {}): BrokerConfig {
  // Narration, when the pattern gives a prefix: `if (note) effects.push(note(…))`.
  const note = cfg.notePrefix ? notes(cfg.notePrefix) : null;
  const roundTimer = (ctx: StepContext): Effect => ({
    kind: 'setTimer',
    name: 'txcheck',
    after: num(ctx, 'transactionCheckInterval', 60 * SEC),
  });

  function onHalf(ctx: StepContext, from: NodeId, m: Msg): Effect[] {
    const mid = String(m.mid);
    const tx = String(m.tx);
    const ack: Effect = { kind: 'send', to: from, msg: { type: 'HALF_OK', mid, tx } };
    if (ctx.db.has(BT.half, mid)) return [ack]; // a resend of the same message: stored once
    const effects: Effect[] = [ack];
    const key = String(m.key);
    const type = String(m.etype);
    const payload = (m.payload ?? {}) as Record<string, unknown>;
    const rec = append(ctx, { topic: TXN.halfTopic, partition: 0, key, mid, type, payload, from }, effects);
    const row: HalfRow = {
      mid,
      tx,
      topic: String(m.topic),
      partition: Number(m.partition) || 0,
      key,
      type,
      payload,
      producer: from,
      born: Math.floor(Number(m.born ?? ctx.now)), // BORN_TIMESTAMP: a long of ms
      checks: 0,
      state: 'half',
      qoff: rec.offset,
    };
    ctx.db.put(BT.half, mid, row as unknown as Row);
    ctx.db.put(TT.open, mid, {});
    if (note) effects.push(note('halfStored', { mid, tx }));
    return effects;
  }

  function onEnd(ctx: StepContext, m: Msg): Effect[] {
    const mid = String(m.mid);
    const state = String(m.state) as TxState;
    const h = ctx.db.get<HalfR>(BT.half, mid);
    if (!h || h.state !== 'half') return note ? [note('endIgnored', { mid, state })] : [];
    const by = m.fromCheck ? 'check' : 'producer';
    if (state === 'UNKNOW') return note ? [note('unknown', { mid, tx: h.tx }, 'warn')] : [];
    const effects: Effect[] = [];
    ctx.db.del(TT.open, mid);
    if (state === 'COMMIT') {
      const rec = append(
        ctx,
        { topic: h.topic, partition: h.partition, key: h.key, mid, type: h.type, payload: h.payload, from: h.producer },
        effects,
      );
      const pos = logKey(rec.topic, rec.partition, rec.offset);
      ctx.db.put(BT.half, mid, halfEnded(h, 'committed', Math.floor(ctx.now), by, pos) as unknown as Row);
      if (note) effects.push(note('committed', { mid, tx: h.tx, pos }, 'decision'));
    } else {
      ctx.db.put(BT.half, mid, halfEnded(h, 'rolled-back', Math.floor(ctx.now), by) as unknown as Row);
      if (note) effects.push(note('rolledBack', { mid, tx: h.tx }, 'decision'));
    }
    return effects;
  }

  /** One check round: from the check group's offset up to the log end at its start. */
  function round(ctx: StepContext): Effect[] {
    const db = ctx.db;
    const effects: Effect[] = [roundTimer(ctx)];
    const timeout = num(ctx, 'transactionTimeOut', 6 * SEC);
    const max = num(ctx, 'transactionCheckMax', 15);
    const start = committedOffset(db, TXN.checkGroup, TXN.halfTopic, 0) ?? 0;
    const end = logEnd(db, TXN.halfTopic, 0);
    let off = start;
    for (; off < end; off++) {
      const rec = db.get<LogRecord & Row>(BT.log, logKey(TXN.halfTopic, 0, off));
      const h = rec ? db.get<HalfR>(BT.half, rec.mid) : undefined;
      if (!h || h.state !== 'half' || h.qoff !== off) continue; // ended (its op entry), or a stale copy
      if (h.checks >= max) {
        const r = append(
          ctx,
          {
            topic: TXN.maxTopic,
            partition: 0,
            key: h.key,
            mid: h.mid,
            type: h.type,
            payload: h.payload,
            from: h.producer,
          },
          effects,
        );
        const pos = logKey(r.topic, r.partition, r.offset);
        db.put(BT.half, h.mid, halfEnded(h, 'discarded', Math.floor(ctx.now), 'max', pos) as unknown as Row);
        db.del(TT.open, h.mid);
        if (note) effects.push(note('discarded', { mid: h.mid, tx: h.tx, n: h.checks }, 'block'));
        continue;
      }
      if (ctx.now - h.born < timeout) break; // new arrived: check it later
      const copy = append(
        ctx,
        {
          topic: TXN.halfTopic,
          partition: 0,
          key: h.key,
          mid: h.mid,
          type: h.type,
          payload: h.payload,
          from: h.producer,
        },
        effects,
      );
      const checks = h.checks + 1;
      db.put(BT.half, h.mid, halfNext(h, checks, copy.offset) as unknown as Row);
      effects.push({ kind: 'send', to: h.producer, msg: { type: 'CHECK_TX', mid: h.mid, tx: h.tx, checks } });
      if (note) effects.push(note('check', { mid: h.mid, tx: h.tx, n: checks }, 'warn'));
    }
    if (off !== start)
      db.put(BT.offsets, offsetKey(TXN.checkGroup, TXN.halfTopic, 0), { offset: off, at: Math.floor(ctx.now) });
    return effects;
  }

  function onSendBack(ctx: StepContext, from: NodeId, m: Msg): Effect[] {
    const group = String(m.group);
    const n = Number(m.reconsume) || 0;
    const mid = String(m.mid);
    const key = String(m.key);
    const effects: Effect[] = [{ kind: 'send', to: from, msg: { type: 'SEND_BACK_OK', key, mid } }];
    // A repeated send-back (its answer was lost): the retry it asked for exists, or was already delivered.
    if (ctx.db.has(BT.delayed, key) || ctx.db.has(TT.backDone, key)) return effects;
    ctx.db.put(TT.backDone, key, {});
    const base = {
      key: String(m.mkey),
      mid,
      type: String(m.etype),
      payload: (m.payload ?? {}) as Record<string, unknown>,
    };
    if (n >= num(ctx, 'maxReconsumeTimes', 16)) {
      const topic = dlqTopicOf(group);
      // The dead letter keeps the send-back's fields first (its order in the log since the start).
      const r = appendRecord(
        ctx,
        {
          ...base,
          topic,
          partition: 0,
          from: ctx.self,
          props: { reconsume: n },
          offset: logEnd(ctx.db, topic, 0),
          at: ctx.now,
        },
        effects,
      );
      if (note) effects.push(note('deadLettered', { mid, n, pos: logKey(r.topic, r.partition, r.offset) }, 'block'));
      return effects;
    }
    const delay = RETRY_LADDER[Math.min(n, RETRY_LADDER.length - 1)];
    const row: DelayedRow = {
      ...base,
      tx: String(m.tx ?? m.mkey),
      group,
      reconsume: n + 1,
      dueAt: Math.floor(ctx.now + delay),
    };
    ctx.db.put(BT.delayed, key, row as unknown as Row);
    effects.push({ kind: 'setTimer', name: 'delay:' + key, after: delay });
    if (note) effects.push(note('sentBack', { mid, n: n + 1, wait: fmtDelay(delay) }));
    return effects;
  }

  function onDue(ctx: StepContext, key: string): Effect[] {
    const d = ctx.db.get<DelR>(BT.delayed, key);
    if (!d) return [];
    ctx.db.del(BT.delayed, key);
    const effects: Effect[] = [];
    append(
      ctx,
      {
        topic: retryTopicOf(d.group),
        partition: 0,
        key: d.key,
        mid: d.mid,
        type: d.type,
        payload: d.payload,
        from: ctx.self,
        props: { reconsume: d.reconsume },
      },
      effects,
    );
    if (note) effects.push(note('retryDue', { mid: d.mid, n: d.reconsume }));
    return effects;
  }

  function extend(input: Input, ctx: StepContext): Effect[] | null {
    switch (input.kind) {
      case 'start':
        return [roundTimer(ctx)];
      case 'recover': {
        // Timers died with the process; the stores did not: re-arm the check service and every scheduled retry.
        const effects: Effect[] = [roundTimer(ctx)];
        for (const k of ctx.db.keys(BT.delayed)) {
          const d = ctx.db.get<DelR>(BT.delayed, k);
          if (d) effects.push({ kind: 'setTimer', name: 'delay:' + k, after: Math.max(0, d.dueAt - ctx.now) });
        }
        return effects;
      }
      case 'timer':
        if (input.name === 'txcheck') return round(ctx);
        if (input.name.startsWith('delay:')) return onDue(ctx, input.name.slice(6));
        return null;
      case 'deliver':
        switch (input.msg.type) {
          case 'SEND_HALF':
            return onHalf(ctx, input.from, input.msg);
          case 'END_TX':
            return onEnd(ctx, input.msg);
          case 'SEND_BACK':
            return onSendBack(ctx, input.from, input.msg);
          default:
            return null;
        }
      default:
        return null;
    }
  }

  return { tables: txnTables, extend, ...(cfg.notePrefix ? { notePrefix: cfg.notePrefix } : {}) };
}

/** A RocketMQ broker: the Kafka-like broker with half messages, check-backs, retries and dead letters. */
export const txnBrokerRole = (cfg: TxnBrokerConfig = {}) => brokerRole(txnBroker(cfg));
