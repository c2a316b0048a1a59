/**
 * "Both or neither" (S-DIDI-1), per order, each re-checked only for the order whose rows a step wrote (its order row,
 * its coupon row): atomicity — a saved order holds its coupon, at every instant; no-leak — a locked coupon ends up
 * used by a saved order or unlocked. Reference checks walk every order and coupon.
 */
import type { Change, TxOutcome, TxReport, World } from '../../engine/pattern';
import { perKey } from '../../engine/invariants';
import type { Row } from '../../engine/types';
import { DDMQ, type DelayedRow } from '../broker/ddmq';
import { BROKER, COUPON, CT, couponOf, monitorOf, ORDER, OT, txOfCoupon, type CouponRow, type OrderRow } from './types';

const order = (w: World, tx: string) => w.db(ORDER).get<OrderRow & Row>(OT.orders, tx);
const coupon = (w: World, tx: string) => w.db(COUPON).get<CouponRow & Row>(CT.coupons, couponOf(tx));
const lockedBy = (w: World, tx: string) => {
  const c = coupon(w, tx);
  return !!c && c.st === 'locked' && c.by === tx;
};

function txOf(c: Change): string | null {
  if (c.table === OT.orders) return c.key;
  if (c.table === CT.coupons) return txOfCoupon(c.key);
  return null;
}

function allTxs(w: World): string[] {
  const out = new Set<string>(w.db(ORDER).keys(OT.orders));
  for (const id of w.db(COUPON).keys(CT.coupons)) {
    const tx = txOfCoupon(id);
    if (tx) out.add(tx);
  }
  return [...out];
}

const perOrder = (id: string, kind: 'always' | 'eventually', check: (w: World, tx: string) => boolean) =>
  perKey(id, kind, { tables: [OT.orders, CT.coupons], keyOf: txOf, keys: allTxs }, check);

/** A saved order always holds its coupon (broken when the coupon is unlocked under a saved order — S-DIDI-5). */
export const atomicity = perOrder('atomicity', 'always', (w, tx) => !order(w, tx) || lockedBy(w, tx));

/** Every coupon lock is eventually used by a saved order or released (not yet while the order is being saved). */
export const noLeak = perOrder('no-leak', 'eventually', (w, tx) => !lockedBy(w, tx) || !!order(w, tx));

export const invariants = [atomicity, noLeak];

export function outcomes(w: World): TxReport[] {
  const bdb = w.db(BROKER);
  return allTxs(w)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b))
    .map((tx) => {
      const o = order(w, tx);
      const c = coupon(w, tx);
      const mon = bdb.get<DelayedRow & Row>(DDMQ.delayed, monitorOf(tx));
      const locked = lockedBy(w, tx);
      let outcome: TxOutcome;
      if (o) outcome = locked ? 'committed' : 'inconsistent';
      else if (locked) outcome = mon?.status === 'waiting' ? 'pending' : 'inconsistent';
      else outcome = c && c.unlocks > 0 ? 'repaired' : 'aborted';
      const at: Record<string, string> = {
        [ORDER]: o ? 'saved' : 'none',
        [COUPON]: c ? c.st : 'none',
      };
      if (mon) at[BROKER] = `monitor ${mon.status}×${mon.fired}`;
      const end = o ? (c?.freedAt ?? o.at) : c?.freedAt;
      return { tx, outcome, at, ...(c ? { start: c.lockedAt } : {}), ...(end !== undefined ? { end } : {}) };
    });
}
