/**
 * The four consumers of "payment succeeded", each its own consumer group and database (broker/index.ts consumerRole):
 * - stock: decrement the inventory — when nothing is left the message can never succeed (oversold): the reverse
 *   flow asks the payment service for a refund, then the ledger to reverse the payment's commission, repeating each
 *   request until it is answered (a refunded payment keeps no commission: the seed's rule is commission *or* refund);
 * - orders: set the order paid;  ledger: book the commission (and reverse it for a refund);  procure: a purchase.
 *
 * Each attempt is one local transaction. Guard `idempotent` (S-DIDI-4): the payment's message id (pay-<payment>,
 * midOf) goes into the consumer's `processed` table in the same transaction as the effect, and a payment seen before
 * is skipped; off, a duplicate is applied again. Guard `retries`: a transient failure (the ledger's first
 * `ledgerFailures` attempts, or `failRate`) is retried; off, the failed message is dropped (logged and acknowledged).
 *
 * The retries follow the queue model (parameter mq, broker/mq.ts):
 * - DDMQ (broker/ddmq.ts withRetries): retried after `retryDelay`, at most `maxRetries` times, then given up;
 * - RocketMQ (broker/txn.ts sendBack): RECONSUME_LATER hands the message back to the broker, which retries it on the
 *   16-step ladder (10 s, 30 s, 1 m … 2 h) through %RETRY%<group> and then moves it to %DLQ%<group>. The group
 *   dedups by the payment, not by the message id: RocketMQ gives a re-sent half message a new msgId.
 */
import type { RoleDef, TableSpec } from '../../engine/pattern';
import { role, same } from '../../engine/pattern';
import type { Effect, Input, NodeState, Row, StepContext, StepResult } from '../../engine/types';
import { consumerRole, type LogRecord } from '../broker';
import { scheduleRetry, withRetries } from '../broker/ddmq';
import { fmtDelay, RETRY_LADDER, reconsumeTimes, retryTopicOf, sendBack, sendBackConsumer } from '../broker/txn';
import { note } from './notes';
import {
  BROKER,
  KT,
  LEDGER,
  midOf,
  num,
  onRocketMQ,
  PAY,
  STOCK,
  TOPIC,
  type AppliedRow,
  type ConsumerDurable,
  type ConsumerId,
  type ReversedRow,
  type ReverseRow,
} from './types';

type St = NodeState<ConsumerDurable, unknown>;
type R = StepResult<ConsumerDurable, unknown>;
type Out = { durable: ConsumerDurable; effects: Effect[] };

const commissionOf = (amount: number, ctx: StepContext) => Math.round(amount * num(ctx.params, 'commissionRate'));

/** Apply the business effect (inside the attempt's local transaction); `permanent` runs the reverse flow instead. */
function apply(id: ConsumerId, d: ConsumerDurable, rec: LogRecord, ctx: StepContext): Out & { permanent?: boolean } {
  const tx = rec.key;
  const amount = Number(rec.payload.amount ?? num(ctx.params, 'amount'));
  if (id === STOCK && d.value <= 0) {
    const rev: ReverseRow = { st: 'asked', at: ctx.now };
    ctx.db.put(KT.reverse, tx, rev as unknown as Row);
    return {
      durable: d,
      permanent: true,
      effects: [note('oversold', { tx }, 'decision'), ...reverseCall(tx, 'asked', amount, ctx)],
    };
  }
  if (id === LEDGER && ctx.db.has(KT.reversed, tx)) {
    // The refund's reversal came first (this booking was still being retried): nothing to book.
    return { durable: d, effects: [note('bookSkipped', { tx }, 'info')] };
  }
  const cur = ctx.db.get<AppliedRow & Row>(KT.applied, tx);
  const row: AppliedRow = cur
    ? { mid: cur.mid, n: cur.n + 1, first: cur.first, last: ctx.now }
    : { mid: rec.mid, n: 1, first: ctx.now, last: ctx.now };
  ctx.db.put(KT.applied, tx, row as unknown as Row);
  const value = id === STOCK ? d.value - 1 : id === LEDGER ? d.value + commissionOf(amount, ctx) : d.value;
  const params = { who: id, tx, n: row.n };
  return {
    durable: value === d.value ? d : { value },
    effects: [row.n > 1 ? note('appliedAgain', params, 'warn') : note('applied.' + id, params, 'effect')],
  };
}

/** One attempt at a record (attempt n, 1 = first delivery). */
function attempt(id: ConsumerId, d: ConsumerDurable, rec: LogRecord, n: number, ctx: StepContext): Out {
  const db = ctx.db;
  const tx = rec.key;
  const seen = midOf(tx);
  if (ctx.guards.idempotent && db.has(KT.processed, seen)) {
    return { durable: d, effects: [note('duplicate', { who: id, tx, mid: rec.mid }, 'info')] };
  }
  const rate = num(ctx.params, 'failRate');
  const transient = (id === LEDGER && n <= num(ctx.params, 'ledgerFailures')) || (rate > 0 && ctx.random() < rate);
  if (transient) {
    if (!ctx.guards.retries) {
      db.put(KT.dead, tx, { attempts: n, at: ctx.now, reason: 'dropped' });
      return { durable: d, effects: [note('dropped', { who: id, tx }, 'warn')] };
    }
    if (onRocketMQ(ctx.params)) {
      // RECONSUME_LATER: the broker schedules retry n on the ladder (after the 16th, %DLQ%<group>).
      const last = n > num(ctx.params, 'maxReconsumeTimes');
      const wait = fmtDelay(RETRY_LADDER[Math.min(n - 1, RETRY_LADDER.length - 1)]);
      return {
        durable: d,
        effects: [
          last
            ? note('failedLast', { who: id, tx, n, dlq: '%DLQ%' + id }, 'warn')
            : note('failedLater', { who: id, tx, n, wait }, 'warn'),
          ...sendBack(BROKER, id, rec, ctx),
        ],
      };
    }
    if (n > num(ctx.params, 'maxRetries')) {
      db.put(KT.dead, tx, { attempts: n, at: ctx.now, reason: 'retries' });
      return { durable: d, effects: [note('gaveUp', { who: id, tx, n }, 'warn')] };
    }
    const key = `${rec.mid}@${rec.offset}`;
    return {
      durable: d,
      effects: [
        note('failed', { who: id, tx, n, ms: num(ctx.params, 'retryDelay') }, 'warn'),
        scheduleRetry(ctx, key, rec as unknown as Record<string, unknown>, n),
      ],
    };
  }
  const r = apply(id, d, rec, ctx);
  if (ctx.guards.idempotent) db.put(KT.processed, seen, { at: ctx.now, offset: rec.offset });
  return { durable: r.durable, effects: r.effects };
}

/** The reverse flow's call for its step: the refund (to the payment service), then the reversal (to the ledger). */
function reverseCall(tx: string, st: 'asked' | 'refunded', amount: number, ctx: StepContext): Effect[] {
  const call: Effect =
    st === 'asked'
      ? { kind: 'send', to: PAY, msg: { type: 'REFUND', tx, reason: 'oversold' } }
      : { kind: 'send', to: LEDGER, msg: { type: 'REVERSE', tx, amount } };
  return [call, { kind: 'setTimer', name: 'refund:' + tx, after: num(ctx.params, 'retryDelay') }];
}

/**
 * The stock service's side of the reverse flow: the refund call, then the commission's reversal at the ledger, each
 * repeated until answered (and again after a restart).
 */
function reverseFlow(state: St, input: Input, ctx: StepContext): R | null {
  const db = ctx.db;
  const amount = num(ctx.params, 'amount');
  if (input.kind === 'deliver' && input.msg.type === 'REFUNDED') {
    const tx = String(input.msg.tx);
    const r = db.get<ReverseRow & Row>(KT.reverse, tx);
    if (!r || r.st !== 'asked') return same(state);
    db.put(KT.reverse, tx, { ...r, st: 'refunded' });
    return same(state, [note('refundDone', { tx }), ...reverseCall(tx, 'refunded', amount, ctx)]);
  }
  if (input.kind === 'deliver' && input.msg.type === 'REVERSED') {
    const tx = String(input.msg.tx);
    const r = db.get<ReverseRow & Row>(KT.reverse, tx);
    if (!r || r.st !== 'refunded') return same(state);
    db.put(KT.reverse, tx, { ...r, st: 'done' });
    return same(state, [{ kind: 'cancelTimer', name: 'refund:' + tx }, note('reverseDone', { tx })]);
  }
  if (input.kind === 'timer' && input.name.startsWith('refund:')) {
    const tx = input.name.slice(7);
    const r = db.get<ReverseRow & Row>(KT.reverse, tx);
    if (!r || r.st === 'done') return same(state);
    return same(state, [
      note(r.st === 'asked' ? 'refundRetry' : 'reverseRetry', { tx }, 'warn'),
      ...reverseCall(tx, r.st, amount, ctx),
    ]);
  }
  if (input.kind === 'recover') {
    const effects: Effect[] = [];
    for (const tx of db.keys(KT.reverse)) {
      const st = db.get<ReverseRow & Row>(KT.reverse, tx)?.st;
      if (st === 'asked' || st === 'refunded') effects.push(...reverseCall(tx, st, amount, ctx));
    }
    return same(state, effects);
  }
  return null;
}

/**
 * The ledger's side: REVERSE takes back the commission booked for a refunded payment (once — a repeated request is
 * answered, not reversed again); if none was booked yet, the row stops a later booking.
 */
function reversal(state: St, input: Input, ctx: StepContext): R | null {
  if (input.kind !== 'deliver' || input.msg.type !== 'REVERSE') return null;
  const db = ctx.db;
  const tx = String(input.msg.tx);
  const reply: Effect = { kind: 'send', to: input.from, msg: { type: 'REVERSED', tx } };
  const cur = db.get<ReversedRow & Row>(KT.reversed, tx);
  if (cur) {
    db.put(KT.reversed, tx, { ...cur, asked: cur.asked + 1 });
    return same(state, [note('reverseAgain', { tx }), reply]);
  }
  const booked = db.get<AppliedRow & Row>(KT.applied, tx)?.n ?? 0;
  const cents = booked * commissionOf(Number(input.msg.amount ?? num(ctx.params, 'amount')), ctx);
  const row: ReversedRow = { cents, at: ctx.now, asked: 1 };
  db.put(KT.reversed, tx, row as unknown as Row);
  const next = cents ? { durable: { value: state.durable.value - cents }, volatile: state.volatile } : state;
  return { state: next, effects: [note('reversed', { tx, cents }, 'decision'), reply] };
}

const T = (id: string, k: string) => `didipay.table.${k}.${id}`;

function tables(id: ConsumerId): Record<string, TableSpec> {
  const t: Record<string, TableSpec> = {
    [KT.applied]: {
      durable: true,
      view: {
        title: T(id, 'applied'),
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'mid', label: 'didipay.col.mid' },
          { field: 'n', label: 'didipay.col.applied' },
          { field: 'first', label: 'didipay.col.at' },
        ],
        tone: (row) => (Number(row.n) > 1 ? 'violated' : 'committed'),
      },
    },
    [KT.processed]: {
      durable: true,
      view: {
        title: 'didipay.table.processed',
        columns: [
          { field: '$key', label: 'didipay.col.mid' },
          { field: 'offset', label: 'didipay.col.offset' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: () => 'committed',
      },
    },
    [KT.dead]: {
      durable: true,
      view: {
        title: 'didipay.table.dead',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'attempts', label: 'didipay.col.tries' },
          { field: 'reason', label: 'didipay.col.reason', valueKey: 'didipay.word' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: () => 'violated',
      },
    },
  };
  if (id === STOCK) {
    t[KT.reverse] = {
      durable: true,
      view: {
        title: 'didipay.table.reverse',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'st', label: 'didipay.col.status', valueKey: 'didipay.word' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: (row) => (row.st === 'done' ? 'aborted' : 'prepared'),
      },
    };
  }
  if (id === LEDGER) {
    t[KT.reversed] = {
      durable: true,
      view: {
        title: 'didipay.table.reversed',
        columns: [
          { field: '$key', label: 'didipay.col.payment' },
          { field: 'cents', label: 'didipay.col.cents' },
          { field: 'asked', label: 'didipay.col.asked' },
          { field: 'at', label: 'didipay.col.at' },
        ],
        tone: () => 'aborted',
      },
    };
  }
  return t;
}

/** Inputs outside the consumer's own protocol: the reverse flow's calls and answers (stock), the reversal (ledger). */
const otherOf = (id: ConsumerId) => (id === STOCK ? reverseFlow : id === LEDGER ? reversal : undefined);

export function fanoutConsumer(id: ConsumerId): RoleDef<never, never> {
  const base = {
    group: id,
    topic: TOPIC,
    broker: BROKER,
    notePrefix: 'didipay.note',
    init: (ctx: StepContext) => ({ value: id === STOCK ? num(ctx.params, 'stock') : 0 }),
  };
  // DDMQ: the consumer with DDMQ's retries (a durable retry row and its timer).
  const ddmq = withRetries<ConsumerDurable, unknown>(
    consumerRole<ConsumerDurable>({
      ...base,
      handle: (d, rec, ctx) => attempt(id, d, rec, 1, ctx),
      tables: tables(id),
    }),
    {
      again(state, rec, n, ctx) {
        const r = attempt(id, state.durable, rec as unknown as LogRecord, n + 1, ctx);
        const next = r.durable === state.durable ? state : { durable: r.durable, volatile: state.volatile };
        return { state: next, effects: r.effects };
      },
    },
  ) as unknown as RoleDef<ConsumerDurable, unknown>;
  // RocketMQ: a push consumer on the topic and its retry topic; failures are sent back to the broker.
  const backs = sendBackConsumer(BROKER);
  const rocket = consumerRole<ConsumerDurable>({
    ...base,
    extraTopics: [retryTopicOf(id)],
    handle: (d, rec, ctx) => attempt(id, d, rec, reconsumeTimes(rec) + 1, ctx),
    extend: backs.extend,
    tables: { ...tables(id), ...backs.tables },
  }) as unknown as RoleDef<ConsumerDurable, unknown>;
  const other = otherOf(id);
  const inner = (ctx: StepContext) => (onRocketMQ(ctx.params) ? rocket : ddmq);
  return role<ConsumerDurable, unknown>({
    tables: { ...ddmq.tables, ...rocket.tables },
    init: (ctx) => inner(ctx).init(ctx),
    step(state, input, ctx) {
      if (input.kind === 'start' || input.kind === 'recover') {
        const res = inner(ctx).step(state, input, ctx);
        const o = other?.(res.state, input, ctx);
        return o ? { state: o.state, effects: [...res.effects, ...o.effects] } : res;
      }
      return other?.(state, input, ctx) ?? inner(ctx).step(state, input, ctx);
    },
  }) as unknown as RoleDef<never, never>;
}
