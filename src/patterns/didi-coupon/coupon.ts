/**
 * The coupon service: LOCK (the preparation) and UNLOCK (its rollback), each one local transaction on its coupons
 * table; the lock is also a durable engine lock, so the report shows how long each coupon stayed locked. Both are
 * idempotent: locking a coupon the same order holds, or unlocking a free one, changes nothing.
 *
 * On RocketMQ (mq = rocketmq) the unlock is not a call: the coupon service consumes the committed "unlock" messages
 * (broker/index.ts consumerRole, group `coupon`) and unlocks in the same local transaction; a crash before its offset
 * commit redelivers the message, which the idempotent unlock absorbs. On DDMQ the consumer part stays off.
 */
import type { RoleDef, TableSpec } from '../../engine/pattern';
import { role, same } from '../../engine/pattern';
import type { Effect, Input, NodeState, Row, StepContext, StepResult } from '../../engine/types';
import { consumerRole, type LogRecord } from '../broker';
import { note } from './notes';
import { BROKER, COUPON_GROUP, CT, onRocketMQ, UNLOCK_TOPIC, type CouponRow } from './types';

type D = Record<string, never>;
type V = unknown;
type R = StepResult<D, V>;

/** Unlock `id` for `tx` (one local transaction); idempotent. */
function unlock(id: string, tx: string, ctx: StepContext): Effect[] {
  const cur = ctx.db.get<CouponRow & Row>(CT.coupons, id);
  if (!cur || cur.st !== 'locked' || cur.by !== tx) return [note('unlockNoop', { coupon: id, tx })];
  // A locked row (LOCK writes it whole, without freedAt): the freed one adds freedAt last, as a spread of it did.
  const row: CouponRow = { st: 'free', by: cur.by, lockedAt: cur.lockedAt, unlocks: cur.unlocks + 1, freedAt: ctx.now };
  ctx.db.put(CT.coupons, id, row as unknown as Row);
  return [{ kind: 'unlock', resource: id }, note('unlocked', { coupon: id, tx }, 'effect')];
}

/** The LOCK / UNLOCK calls (null: not one of them). */
function calls(input: Input, ctx: StepContext): Effect[] | null {
  if (input.kind !== 'deliver') return null;
  const m = input.msg;
  if (m.type !== 'LOCK' && m.type !== 'UNLOCK') return null;
  const tx = String(m.tx);
  const id = String(m.coupon);
  const cur = ctx.db.get<CouponRow & Row>(CT.coupons, id);
  if (m.type === 'LOCK') {
    if (cur && cur.st === 'locked' && cur.by !== tx) {
      return [{ kind: 'send', to: input.from, msg: { type: 'LOCKED', tx, coupon: id, ok: false } }];
    }
    if (!cur || cur.st !== 'locked') {
      const row: CouponRow = { st: 'locked', by: tx, lockedAt: ctx.now, unlocks: cur?.unlocks ?? 0 };
      ctx.db.put(CT.coupons, id, row as unknown as Row);
    }
    return [
      { kind: 'lock', resource: id, durable: true },
      note('locked', { coupon: id, tx }, 'effect'),
      { kind: 'send', to: input.from, msg: { type: 'LOCKED', tx, coupon: id, ok: true } },
    ];
  }
  return [...unlock(id, tx, ctx), { kind: 'send', to: input.from, msg: { type: 'UNLOCKED', tx, coupon: id } }];
}

const tables: Record<string, TableSpec> = {
  [CT.coupons]: {
    durable: true,
    view: {
      title: 'didi.table.coupons',
      columns: [
        { field: '$key', label: 'didi.col.coupon' },
        { field: 'st', label: 'didi.col.status', valueKey: 'didi.word' },
        { field: 'by', label: 'didi.col.order' },
        { field: 'lockedAt', label: 'didi.col.lockedAt' },
        { field: 'freedAt', label: 'didi.col.freedAt' },
      ],
      tone: (row) => (row.st === 'locked' ? 'prepared' : 'aborted'),
    },
  },
};

/** RocketMQ: the consumer of committed unlock messages (its handler is the same idempotent unlock). */
const consumer = consumerRole<D>({
  group: COUPON_GROUP,
  topic: UNLOCK_TOPIC,
  broker: BROKER,
  notePrefix: 'didi.note',
  init: () => ({}),
  handle: (d, rec: LogRecord, ctx) => {
    const id = String(rec.payload.coupon);
    return { durable: d, effects: [note('consumeUnlock', { tx: rec.key, coupon: id }), ...unlock(id, rec.key, ctx)] };
  },
  extend: calls,
  tables,
}) as unknown as RoleDef<D, V>;

export const couponRole = role<D, V>({
  tables: consumer.tables,
  init: (ctx) => consumer.init(ctx),
  step(s: NodeState<D, V>, input, ctx): R {
    if (onRocketMQ(ctx.params)) return consumer.step(s, input, ctx);
    return same(s, calls(input, ctx) ?? []);
  },
});
