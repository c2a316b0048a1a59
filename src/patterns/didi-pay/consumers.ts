/**
 * The four consumers of "payment succeeded", each its own consumer group and database (broker/index.ts consumerRole,
 * with DDMQ's consumption retries from broker/ddmq.ts):
 * - stock: decrement the inventory — when nothing is left the message can never succeed (oversold): the reverse
 *   flow asks the payment service for a refund, repeating the request until it is answered;
 * - orders: set the order paid;  ledger: book the commission;  procure: trigger a purchase.
 *
 * Each attempt is one local transaction. Guard `idempotent` (S-DIDI-4): the message id goes into the consumer's
 * `processed` table in the same transaction as the effect, and a message seen before is skipped; off, a duplicate is
 * applied again. Guard `retries`: a transient failure (the ledger's first `ledgerFailures` attempts, or `failRate`)
 * is retried after `retryDelay`, at most `maxRetries` times, then given up; off, the failed message is dropped.
 */
import type { RoleDef, TableSpec } from '../../engine/pattern';
import { same } from '../../engine/pattern';
import type { Effect, Input, NodeState, Row, StepContext, StepResult } from '../../engine/types';
import { consumerRole, type LogRecord } from '../broker';
import { scheduleRetry, withRetries } from '../broker/ddmq';
import { note } from './notes';
import {
  BROKER,
  KT,
  LEDGER,
  num,
  PAY,
  STOCK,
  TOPIC,
  type AppliedRow,
  type ConsumerDurable,
  type ConsumerId,
  type ReverseRow,
} from './types';

type St = NodeState<ConsumerDurable, unknown>;
type Out = { durable: ConsumerDurable; effects: Effect[] };

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
      effects: [
        note('oversold', { tx }, 'decision'),
        { kind: 'send', to: PAY, msg: { type: 'REFUND', tx, reason: 'oversold' } },
        { kind: 'setTimer', name: 'refund:' + tx, after: num(ctx.params, 'retryDelay') },
      ],
    };
  }
  const cur = ctx.db.get<AppliedRow & Row>(KT.applied, tx);
  const row: AppliedRow = cur
    ? { ...cur, n: cur.n + 1, last: ctx.now }
    : { mid: rec.mid, n: 1, first: ctx.now, last: ctx.now };
  ctx.db.put(KT.applied, tx, row as unknown as Row);
  const value =
    id === STOCK
      ? d.value - 1
      : id === LEDGER
        ? d.value + Math.round(amount * num(ctx.params, 'commissionRate'))
        : d.value;
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
  if (ctx.guards.idempotent && db.has(KT.processed, rec.mid)) {
    return { durable: d, effects: [note('duplicate', { who: id, tx, mid: rec.mid }, 'info')] };
  }
  const rate = num(ctx.params, 'failRate');
  const transient = (id === LEDGER && n <= num(ctx.params, 'ledgerFailures')) || (rate > 0 && ctx.random() < rate);
  if (transient) {
    if (!ctx.guards.retries) {
      db.put(KT.dead, tx, { attempts: n, at: ctx.now, reason: 'dropped' });
      return { durable: d, effects: [note('dropped', { who: id, tx }, 'warn')] };
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
  if (ctx.guards.idempotent) db.put(KT.processed, rec.mid, { at: ctx.now, offset: rec.offset });
  return { durable: r.durable, effects: r.effects };
}

/** The stock service's side of the reverse flow: the refund call is repeated until the payment service answers. */
function reverseFlow(state: St, input: Input, ctx: StepContext): StepResult<ConsumerDurable, unknown> | null {
  const db = ctx.db;
  if (input.kind === 'deliver' && input.msg.type === 'REFUNDED') {
    const tx = String(input.msg.tx);
    const r = db.get<ReverseRow & Row>(KT.reverse, tx);
    if (!r || r.st === 'done') return same(state);
    db.put(KT.reverse, tx, { ...r, st: 'done' });
    return same(state, [{ kind: 'cancelTimer', name: 'refund:' + tx }, note('refundDone', { tx })]);
  }
  if (input.kind === 'timer' && input.name.startsWith('refund:')) {
    const tx = input.name.slice(7);
    const r = db.get<ReverseRow & Row>(KT.reverse, tx);
    if (!r || r.st !== 'asked') return same(state);
    return same(state, [
      note('refundRetry', { tx }, 'warn'),
      { kind: 'send', to: PAY, msg: { type: 'REFUND', tx, reason: 'oversold' } },
      { kind: 'setTimer', name: 'refund:' + tx, after: num(ctx.params, 'retryDelay') },
    ]);
  }
  if (input.kind === 'recover') {
    const effects: Effect[] = [];
    for (const tx of db.keys(KT.reverse)) {
      if (db.get<ReverseRow & Row>(KT.reverse, tx)?.st === 'asked')
        effects.push({ kind: 'send', to: PAY, msg: { type: 'REFUND', tx, reason: 'oversold' } });
    }
    return same(state, effects);
  }
  return null;
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
  return t;
}

export function fanoutConsumer(id: ConsumerId): RoleDef<never, never> {
  const inner = consumerRole<ConsumerDurable>({
    group: id,
    topic: TOPIC,
    broker: BROKER,
    notePrefix: 'didipay.note',
    init: (ctx) => ({ value: id === STOCK ? num(ctx.params, 'stock') : 0 }),
    handle: (d, rec, ctx) => attempt(id, d, rec, 1, ctx),
    tables: tables(id),
  });
  return withRetries<ConsumerDurable, unknown>(inner, {
    again(state, rec, n, ctx) {
      const r = attempt(id, state.durable, rec as unknown as LogRecord, n + 1, ctx);
      return { state: r.durable === state.durable ? state : { ...state, durable: r.durable }, effects: r.effects };
    },
    ...(id === STOCK ? { other: reverseFlow } : {}),
  });
}
