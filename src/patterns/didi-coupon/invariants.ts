/**
 * "Both or neither" (S-DIDI-1), per order, each re-checked only for the order whose rows a step wrote (its order row,
 * its coupon row): atomicity — a saved order holds its coupon, at every instant; no-leak — a locked coupon ends up
 * used by a saved order or unlocked. Reference checks walk every order and coupon.
 */
import type { Change, TxOutcome, TxReport, World } from '../../engine/pattern';
import { byTxId } from '../../engine/pattern';
import { perKey } from '../../engine/invariants';
import type { Row } from '../../engine/types';
import { BT } from '../broker';
import { DDMQ, type DelayedRow } from '../broker/ddmq';
import type { HalfRow } from '../broker/txn';
import {
  BROKER,
  COUPON,
  CT,
  couponOf,
  halfOf,
  monitorOf,
  ORDER,
  OT,
  txOfCoupon,
  type CouponRow,
  type OrderRow,
} from './types';

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
    .sort(byTxId)
    .map((tx) => {
      const o = order(w, tx);
      const c = coupon(w, tx);
      const mon = bdb.get<DelayedRow & Row>(DDMQ.delayed, monitorOf(tx));
      const half = bdb.get<HalfRow & Row>(BT.half, halfOf(tx));
      const locked = lockedBy(w, tx);
      // Something will still settle it: a monitor waiting (DDMQ), a half message not yet ended, or a committed unlock
      // message the coupon service has not consumed yet (RocketMQ).
      const waiting = mon?.status === 'waiting' || half?.state === 'half' || half?.state === 'committed';
      let outcome: TxOutcome;
      if (o) outcome = locked ? 'committed' : 'inconsistent';
      else if (locked) outcome = waiting ? 'pending' : 'inconsistent';
      else outcome = c && c.unlocks > 0 ? 'repaired' : 'aborted';
      const at: Record<string, string> = {
        [ORDER]: o ? 'saved' : 'none',
        [COUPON]: c ? c.st : 'none',
      };
      if (mon) at[BROKER] = `monitor ${mon.status}×${mon.fired}`;
      if (half) at[BROKER] = `half ${half.state}, checks ${half.checks}`;
      const end = o ? (c?.freedAt ?? o.at) : c?.freedAt;
      const report: TxReport = { tx, outcome, at };
      if (c) report.start = c.lockedAt;
      if (end !== undefined) report.end = end;
      return report;
    });
}
