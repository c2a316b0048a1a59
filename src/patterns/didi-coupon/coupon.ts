/**
 * The coupon service: LOCK (the preparation) and UNLOCK (its rollback), each one local transaction on its coupons
 * table; the lock is also a durable engine lock, so the report shows how long each coupon stayed locked. Both are
 * idempotent: locking a coupon the same order holds, or unlocking a free one, changes nothing.
 */
import { role, same } from '../../engine/pattern';
import type { Row, StepResult } from '../../engine/types';
import { note } from './notes';
import { CT, type CouponRow } from './types';

type D = Record<string, never>;
type V = Record<string, never>;
type R = StepResult<D, V>;

export const couponRole = role<D, V>({
  tables: {
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
  },
  init: () => ({ durable: {}, volatile: {} }),
  step(s, input, ctx): R {
    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const tx = String(m.tx);
    const id = String(m.coupon);
    const cur = ctx.db.get<CouponRow & Row>(CT.coupons, id);
    if (m.type === 'LOCK') {
      if (cur && cur.st === 'locked' && cur.by !== tx) {
        return same(s, [{ kind: 'send', to: input.from, msg: { type: 'LOCKED', tx, coupon: id, ok: false } }]);
      }
      if (!cur || cur.st !== 'locked') {
        const row: CouponRow = { st: 'locked', by: tx, lockedAt: ctx.now, unlocks: cur?.unlocks ?? 0 };
        ctx.db.put(CT.coupons, id, row as unknown as Row);
      }
      return same(s, [
        { kind: 'lock', resource: id, durable: true },
        note('locked', { coupon: id, tx }, 'effect'),
        { kind: 'send', to: input.from, msg: { type: 'LOCKED', tx, coupon: id, ok: true } },
      ]);
    }
    if (m.type === 'UNLOCK') {
      const reply = { kind: 'send' as const, to: input.from, msg: { type: 'UNLOCKED', tx, coupon: id } };
      if (!cur || cur.st !== 'locked' || cur.by !== tx) return same(s, [note('unlockNoop', { coupon: id, tx }), reply]);
      const row: CouponRow = { ...cur, st: 'free', freedAt: ctx.now, unlocks: cur.unlocks + 1 };
      ctx.db.put(CT.coupons, id, row as unknown as Row);
      return same(s, [{ kind: 'unlock', resource: id }, note('unlocked', { coupon: id, tx }, 'effect'), reply]);
    }
    return same(s);
  },
});
