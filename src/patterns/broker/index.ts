/**
 * A reusable Kafka-like message broker and consumer for the messaging patterns (outbox, RocketMQ transactional
 * messages, DDMQ). The broker is a first-class node whose durable tables are its storage:
 *
 * - `log`: every partition is a FIFO log; a message waiting in a queue is a row keyed `${topic}/${partition}/${offset}`;
 * - `ends`: each partition's log-end offset (the next offset to append), keyed `${topic}/${partition}`;
 * - `offsets`: each consumer group's committed offset, keyed `${group}/${topic}/${partition}` (Kafka's
 *   __consumer_offsets);
 * - `delayed`, `half`: empty stores for delayed and half (prepared) messages, for the patterns that extend the broker
 *   (`BrokerConfig.extend` handles their messages and timers and calls `append` when a message becomes visible).
 *
 * Everything but the parked fetches (`parked`, volatile: a long-poll request held open on a connection) survives a
 * crash. Consumers fetch from their position (after a crash or at start: from the group's committed offset, or 0 —
 * `auto.offset.reset=earliest`), and commit after processing (at-least-once) or on an auto-commit interval (Kafka's
 * `enable.auto.commit=true`, `auto.commit.interval.ms=5000`: commits what poll returned, processed or not).
 *
 * Wire protocol (all on stream links):
 *   producer → broker  PRODUCE {topic, partition, key, mid, type, payload}   broker → producer PRODUCE_ACK {…, offset}
 *   consumer → broker  FETCH {group, topic, partition, offset | null, max}     broker → consumer RECORDS {…, records, next}
 *   consumer → broker  OFFSET_COMMIT {group, topic, partition, offset}
 */
import type { ParamDef, RoleDef, TableSpec } from '../../engine/pattern';
import { notes, role, same } from '../../engine/pattern';
import { fnv1a } from '../../engine/prng';
import type { Db, DbReader, Effect, Input, Msg, NodeId, Row, StepContext, StepResult } from '../../engine/types';

/** Broker table names. */
export const BT = {
  log: 'topicLog',
  ends: 'logEnds',
  offsets: 'groupOffsets',
  parked: 'parkedFetches',
  delayed: 'delayedMsgs',
  half: 'halfMsgs',
} as const;

/** A message stored in a partition's log. */
export interface LogRecord {
  topic: string;
  partition: number;
  offset: number;
  /** Message key (Debezium: the aggregate id): decides the partition. */
  key: string;
  /** Stable message id across republishes (the outbox row id, RocketMQ's msgId). */
  mid: string;
  type: string;
  payload: Record<string, unknown>;
  /** Append time. */
  at: number;
  /** The producer that appended it. */
  from: NodeId;
  /** Broker-side message properties (RocketMQ: RECONSUME_TIME of a retried message, REAL_TOPIC …). */
  props?: Record<string, string | number>;
}

export interface EndRow {
  next: number;
}

export interface OffsetRow {
  offset: number;
  at: number;
}

interface Waiter {
  group: string;
  node: NodeId;
  offset: number;
  max: number;
}
interface ParkedRow {
  waiters: Waiter[];
}

/** Partition keys per topic, built once: a step looks a partition's rows up several times. */
const partKeys = new Map<string, string[]>();
export function partKey(topic: string, partition: number): string {
  let keys = partKeys.get(topic);
  if (keys === undefined) {
    keys = [];
    partKeys.set(topic, keys);
  }
  return (keys[partition] ??= `${topic}/${partition}`);
}
export const logKey = (topic: string, partition: number, offset: number) => partKey(topic, partition) + '/' + offset;
export const offsetKey = (group: string, topic: string, partition: number) => group + '/' + partKey(topic, partition);

/** Kafka's default partitioner idea: the same key always lands in the same partition (FNV-1a here, murmur2 there). */
export function partitionOf(key: string, partitions: number): number {
  return partitions <= 1 ? 0 : fnv1a(key) % partitions;
}

export function logEnd(db: DbReader, topic: string, partition: number): number {
  return db.get<EndRow & Row>(BT.ends, partKey(topic, partition))?.next ?? 0;
}

export function committedOffset(db: DbReader, group: string, topic: string, partition: number): number | undefined {
  return db.get<OffsetRow & Row>(BT.offsets, offsetKey(group, topic, partition))?.offset;
}

/** Append a message to a partition's log (one row; the log end moves on) and answer parked fetches of it. */
export function append(ctx: StepContext, m: Omit<LogRecord, 'offset' | 'at'>, effects: Effect[]): LogRecord {
  const offset = logEnd(ctx.db, m.topic, m.partition);
  // Built field by field (rather than a spread of m, V8's slow path): the record's fields in the order the log has
  // always shown, props (when given) before the position.
  const rec = {
    topic: m.topic,
    partition: m.partition,
    key: m.key,
    mid: m.mid,
    type: m.type,
    payload: m.payload,
    from: m.from,
  } as LogRecord;
  if (m.props !== undefined) rec.props = m.props;
  rec.offset = offset;
  rec.at = ctx.now;
  return appendRecord(ctx, rec, effects);
}

/**
 * Append a finished record, its `offset` the partition's log end (`logEnd`) and `at` now: for a caller that keeps
 * its own field order. `append` is the usual way in.
 */
export function appendRecord(ctx: StepContext, rec: LogRecord, effects: Effect[]): LogRecord {
  const db = ctx.db;
  const pk = partKey(rec.topic, rec.partition);
  db.put(BT.log, pk + '/' + rec.offset, rec as unknown as Row);
  db.put(BT.ends, pk, { next: rec.offset + 1 });
  const parked = db.get<ParkedRow & Row>(BT.parked, pk);
  if (parked) {
    db.del(BT.parked, pk);
    for (const w of parked.waiters) effects.push(recordsMsg(db, w.node, rec.topic, rec.partition, w.offset, w.max));
  }
  return rec;
}

/** The records of a partition from `offset` (at most `max`), as a RECORDS message to `to`. */
function recordsMsg(db: DbReader, to: NodeId, topic: string, partition: number, offset: number, max: number): Effect {
  const end = logEnd(db, topic, partition);
  const pk = partKey(topic, partition);
  const records: LogRecord[] = [];
  for (let o = offset; o < end && records.length < max; o++) {
    const r = db.get<LogRecord & Row>(BT.log, pk + '/' + o);
    if (r) records.push(r);
  }
  const next = records.length ? records[records.length - 1].offset + 1 : offset;
  return { kind: 'send', to, msg: { type: 'RECORDS', topic, partition, from: offset, next, records } };
}

function onFetch(ctx: StepContext, from: NodeId, msg: Msg, effects: Effect[]): void {
  const db = ctx.db;
  const topic = String(msg.topic);
  const partition = Number(msg.partition);
  const group = String(msg.group);
  const max = Math.max(1, Number(msg.max) || 1);
  const offset =
    msg.offset === null || msg.offset === undefined
      ? (committedOffset(db, group, topic, partition) ?? 0)
      : Number(msg.offset);
  if (offset < logEnd(db, topic, partition)) {
    effects.push(recordsMsg(db, from, topic, partition, offset, max));
    return;
  }
  // Nothing new: hold the request open (long poll) until a message is appended. A repeated fetch of the same group
  // replaces its waiter.
  const pk = partKey(topic, partition);
  const cur = db.get<ParkedRow & Row>(BT.parked, pk)?.waiters;
  const waiters: Waiter[] = [];
  if (cur) for (const w of cur) if (w.group !== group) waiters.push(w);
  waiters.push({ group, node: from, offset, max });
  db.put(BT.parked, pk, { waiters });
}

export interface BrokerConfig {
  /** Extra tables of an extended broker (half messages with check counts, delayed messages …). */
  tables?: Record<string, TableSpec>;
  /**
   * Handles what the plain broker does not (END_TRANSACTION, a delayed send, a check-back timer): return null to fall
   * through to the Kafka-like behaviour. Call `append` to make a message visible to consumers.
   */
  extend?(input: Input, ctx: StepContext): Effect[] | null;
  /** i18n key prefix for the narration of broker events (`${notePrefix}.appended` …); none when absent. */
  notePrefix?: string;
}

/** Broker table views (titles and columns are i18n keys under `broker.`). */
export const brokerTables: Record<string, TableSpec> = {
  [BT.log]: {
    durable: true,
    view: {
      title: 'broker.table.log',
      columns: [
        { field: '$key', label: 'broker.col.position' },
        { field: 'mid', label: 'broker.col.mid' },
        { field: 'key', label: 'broker.col.key' },
        { field: 'type', label: 'broker.col.type' },
        { field: 'at', label: 'broker.col.at' },
      ],
      tone: () => 'prepared',
    },
  },
  [BT.ends]: {
    durable: true,
    view: {
      title: 'broker.table.ends',
      columns: [
        { field: '$key', label: 'broker.col.partition' },
        { field: 'next', label: 'broker.col.logEnd' },
      ],
    },
  },
  [BT.offsets]: {
    durable: true,
    view: {
      title: 'broker.table.offsets',
      columns: [
        { field: '$key', label: 'broker.col.groupPartition' },
        { field: 'offset', label: 'broker.col.committed' },
        { field: 'at', label: 'broker.col.at' },
      ],
      tone: () => 'committed',
    },
  },
  [BT.parked]: { durable: false },
  [BT.delayed]: { durable: true },
  [BT.half]: { durable: true },
};

/** A Kafka-like broker role. Its state is empty: everything it stores is a row. */
export function brokerRole(cfg: BrokerConfig = {}): RoleDef<never, never> {
  const note = cfg.notePrefix ? notes(cfg.notePrefix) : null;
  type S = { durable: Record<string, never>; volatile: Record<string, never> };
  return role<S['durable'], S['volatile']>({
    tables: { ...brokerTables, ...cfg.tables },
    init: () => ({ durable: {}, volatile: {} }),
    step(state, input, ctx): StepResult<S['durable'], S['volatile']> {
      const ext = cfg.extend?.(input, ctx);
      if (ext) return same(state, ext);
      if (input.kind !== 'deliver') return same(state);
      const { msg, from } = input;
      const effects: Effect[] = [];
      switch (msg.type) {
        case 'PRODUCE': {
          const rec = append(
            ctx,
            {
              topic: String(msg.topic),
              partition: Number(msg.partition),
              key: String(msg.key),
              mid: String(msg.mid),
              type: String(msg.etype),
              payload: (msg.payload ?? {}) as Record<string, unknown>,
              from,
            },
            effects,
          );
          effects.unshift({
            kind: 'send',
            to: from,
            msg: {
              type: 'PRODUCE_ACK',
              mid: rec.mid,
              tx: msg.tx,
              topic: rec.topic,
              partition: rec.partition,
              offset: rec.offset,
            },
          });
          if (note) effects.push(note('appended', { mid: rec.mid, pos: logKey(rec.topic, rec.partition, rec.offset) }));
          break;
        }
        case 'FETCH':
          onFetch(ctx, from, msg, effects);
          break;
        case 'OFFSET_COMMIT': {
          const k = offsetKey(String(msg.group), String(msg.topic), Number(msg.partition));
          const offset = Number(msg.offset);
          ctx.db.put(BT.offsets, k, { offset, at: ctx.now });
          break;
        }
      }
      return same(state, effects);
    },
  });
}

/** A PRODUCE message (the producer side of the wire protocol). */
export function produceMsg(m: {
  topic: string;
  partition: number;
  key: string;
  mid: string;
  type: string;
  payload: Record<string, unknown>;
  tx?: string;
}): Msg {
  const msg: Msg = {
    type: 'PRODUCE',
    topic: m.topic,
    partition: m.partition,
    key: m.key,
    mid: m.mid,
    etype: m.type,
    payload: m.payload,
  };
  if (m.tx) msg.tx = m.tx;
  return msg;
}

// ------------------------------------------------------------------ consumer

/** Consumer parameters (patterns include them in their `params`; keys are shared so the engine's UI names them). */
export const consumerParams: ParamDef[] = [
  { key: 'partitions', kind: 'int', default: 1, min: 1, max: 4 },
  {
    key: 'commit',
    kind: 'enum',
    default: 'after-processing',
    options: ['after-processing', 'auto'],
    source: 'Kafka consumer: enable.auto.commit=true by default; at-least-once needs commits after processing',
  },
  {
    key: 'autoCommitInterval',
    kind: 'ms',
    default: 5_000,
    min: 100,
    max: 60_000,
    source: 'Kafka consumer auto.commit.interval.ms default 5000',
  },
  {
    key: 'fetchTimeout',
    kind: 'ms',
    default: 500,
    min: 50,
    max: 30_000,
    source: 'Kafka fetch.max.wait.ms default 500: an idle consumer polls again every half second',
  },
  { key: 'fetchMax', kind: 'int', default: 50, min: 1, max: 500, source: 'Kafka max.poll.records default 500' },
  { key: 'procTime', kind: 'ms', default: 20, min: 0, max: 5_000 },
];

/** Consumer volatile tables: per partition its position, and the records polled but not yet processed. */
export const CT = { pos: 'consumerPos', queue: 'consumerQueue' } as const;

interface PosRow {
  next: number;
}
interface QRow {
  rec: LogRecord;
}

export interface ConsumerVolatile {
  qHead: number;
  qTail: number;
  busy: boolean;
}

export interface ConsumerConfig<D> {
  group: string;
  topic: string;
  broker: NodeId;
  /** The business's initial durable state (a stock count …) and initial rows. */
  init(ctx: StepContext): D;
  /**
   * The business handler, inside the consumer's local transaction (its writes commit with the step): apply the
   * record's effect (and its own dedup, if any). Effects it returns come before the offset commit.
   */
  handle(durable: D, rec: LogRecord, ctx: StepContext): { durable: D; effects: Effect[] };
  tables?: Record<string, TableSpec>;
  /** Narration key prefix (`${notePrefix}.polled` …). */
  notePrefix: string;
  /**
   * More topics the group subscribes to, one partition each (RocketMQ: its retry topic `%RETRY%<group>`, which a push
   * consumer subscribes to by itself; retryQueueNums = 1).
   */
  extraTopics?: string[];
  /**
   * Handles what the plain consumer does not (the answer to its own call, its own timer): return null to fall
   * through. On start and recover its effects come after the group join's (re-send what a crash interrupted).
   */
  extend?(input: Input, ctx: StepContext): Effect[] | null;
}

const nParts = (ctx: StepContext) => Math.max(1, Math.min(4, Math.round(Number(ctx.params.partitions) || 1)));

/** A queue the consumer reads: a partition of its topic (key "p") or of an extra topic (key "topic/0"). */
interface Queue {
  topic: string;
  partition: number;
  key: string;
  /** Its fetch timer's name, 'fetch:' + key. */
  timer: string;
}

/** A Kafka-like consumer: long-poll fetches per partition, sequential processing, offset commits. */
export function consumerRole<D>(cfg: ConsumerConfig<D>): RoleDef<never, never> {
  type St = { durable: D; volatile: ConsumerVolatile };
  const extra = cfg.extraTopics ?? [];
  const polledKey = `${cfg.notePrefix}.polled`;
  // The topic's own partitions keep the plain keys ("0", "1" …): a single-topic consumer's rows and timers as before.
  // Built once per queue (a consumer reads a handful): a step names its queue's rows and timer without new strings.
  const known = new Map<string, Queue[]>();
  const queueOf = (topic: string, partition: number): Queue => {
    let list = known.get(topic);
    if (list === undefined) {
      list = [];
      known.set(topic, list);
    }
    let q = list[partition];
    if (q === undefined) {
      const key = topic === cfg.topic ? String(partition) : `${topic}/${partition}`;
      q = { topic, partition, key, timer: 'fetch:' + key };
      list[partition] = q;
    }
    return q;
  };
  const queueByKey = (key: string): Queue => {
    const i = key.lastIndexOf('/');
    return i < 0 ? queueOf(cfg.topic, Number(key)) : queueOf(key.slice(0, i), Number(key.slice(i + 1)));
  };
  const queues = (ctx: StepContext): Queue[] => {
    const out: Queue[] = [];
    for (let p = 0; p < nParts(ctx); p++) out.push(queueOf(cfg.topic, p));
    for (const t of extra) out.push(queueOf(t, 0));
    return out;
  };
  /** Fetch a queue from `offset` (null: the committed offset), with the timer that polls again if no answer comes. */
  const fetch = (ctx: StepContext, q: Queue, offset: number | null, out: Effect[]): Effect[] => {
    out.push(
      {
        kind: 'send',
        to: cfg.broker,
        msg: {
          type: 'FETCH',
          group: cfg.group,
          topic: q.topic,
          partition: q.partition,
          offset,
          max: Number(ctx.params.fetchMax) || 50,
        },
      },
      { kind: 'setTimer', name: q.timer, after: Number(ctx.params.fetchTimeout) || 500 },
    );
    return out;
  };
  const commitMsg = (topic: string, p: number, offset: number): Effect => ({
    kind: 'send',
    to: cfg.broker,
    msg: { type: 'OFFSET_COMMIT', group: cfg.group, topic, partition: p, offset },
  });
  const auto = (ctx: StepContext) => ctx.params.commit === 'auto';
  /** Join the group: fetch every partition from the committed offset. */
  const join = (ctx: StepContext): Effect[] => {
    const out: Effect[] = [];
    for (const q of queues(ctx)) fetch(ctx, q, null, out);
    if (auto(ctx)) out.push({ kind: 'setTimer', name: 'autocommit', after: Number(ctx.params.autoCommitInterval) });
    return out;
  };
  /** Start processing the head of the queue (after procTime), or at once when procTime is 0. */
  function kick(s: St, ctx: StepContext, effects: Effect[]): St {
    if (s.volatile.busy || s.volatile.qHead >= s.volatile.qTail) return s;
    const t = Number(ctx.params.procTime) || 0;
    if (t > 0) {
      effects.push({ kind: 'setTimer', name: 'proc', after: t });
      return { durable: s.durable, volatile: { qHead: s.volatile.qHead, qTail: s.volatile.qTail, busy: true } };
    }
    return processHead(s, ctx, effects);
  }
  function processHead(s: St, ctx: StepContext, effects: Effect[]): St {
    const db = ctx.db;
    const drain = !(Number(ctx.params.procTime) > 0);
    const commit = !auto(ctx);
    const qTail = s.volatile.qTail;
    let qHead = s.volatile.qHead;
    let durable = s.durable;
    // procTime 0: drain the whole queue in this step.
    do {
      const slot = String(qHead);
      const q = db.get<QRow & Row>(CT.queue, slot);
      qHead++;
      if (!q) continue;
      db.del(CT.queue, slot);
      const r = cfg.handle(durable, q.rec, ctx);
      durable = r.durable;
      for (let i = 0; i < r.effects.length; i++) effects.push(r.effects[i]);
      if (commit) effects.push(commitMsg(q.rec.topic, q.rec.partition, q.rec.offset + 1));
    } while (drain && qHead < qTail);
    return kick({ durable, volatile: { qHead, qTail, busy: false } }, ctx, effects);
  }
  return role<D, ConsumerVolatile>({
    tables: { ...cfg.tables, [CT.pos]: { durable: false }, [CT.queue]: { durable: false } },
    init: (ctx) => ({ durable: cfg.init(ctx), volatile: { qHead: 0, qTail: 0, busy: false } }),
    step(state, input: Input, ctx): StepResult<D, ConsumerVolatile> {
      const db: Db = ctx.db;
      const ext = cfg.extend?.(input, ctx);
      if (input.kind === 'start' || input.kind === 'recover') return same(state, [...join(ctx), ...(ext ?? [])]);
      if (ext) return same(state, ext);
      if (input.kind === 'timer') {
        if (input.name === 'proc') {
          const effects: Effect[] = [];
          return { state: processHead(state, ctx, effects), effects };
        }
        if (input.name === 'autocommit') {
          // Auto-commit: the position poll has reached, whether or not those records were processed.
          const effects: Effect[] = [];
          for (const q of queues(ctx)) {
            const pos = db.get<PosRow & Row>(CT.pos, q.key);
            if (pos) effects.push(commitMsg(q.topic, q.partition, pos.next));
          }
          effects.push({ kind: 'setTimer', name: 'autocommit', after: Number(ctx.params.autoCommitInterval) });
          return same(state, effects);
        }
        if (input.name.startsWith('fetch:')) {
          // No answer in time (an idle partition, or a lost fetch / records): poll again from the position.
          const q = queueByKey(input.name.slice(6));
          const pos = db.get<PosRow & Row>(CT.pos, q.key);
          return same(state, fetch(ctx, q, pos ? pos.next : null, []));
        }
        return same(state);
      }
      if (input.kind !== 'deliver' || input.msg.type !== 'RECORDS') return same(state);
      const msg = input.msg;
      const p = Number(msg.partition);
      const qu = queueOf(msg.topic === undefined ? cfg.topic : String(msg.topic), p);
      const pos = db.get<PosRow & Row>(CT.pos, qu.key);
      const from = Number(msg.from);
      // A late or duplicated answer to an older fetch: only records at the position are new.
      if (pos && from !== pos.next) return same(state);
      const records = (msg.records ?? []) as LogRecord[];
      let s: St = state;
      const effects: Effect[] = [];
      if (records.length) {
        let qTail = s.volatile.qTail;
        for (const rec of records) db.put(CT.queue, String(qTail++), { rec });
        s = { durable: s.durable, volatile: { qHead: s.volatile.qHead, qTail, busy: s.volatile.busy } };
      }
      const next = Number(msg.next);
      db.put(CT.pos, qu.key, { next });
      if (records.length) {
        effects.push({
          kind: 'note',
          key: polledKey,
          params: { n: records.length, partition: p, from, next },
        });
      }
      effects.push({ kind: 'cancelTimer', name: qu.timer });
      fetch(ctx, qu, next, effects);
      s = kick(s, ctx, effects);
      return { state: s, effects };
    },
  });
}
