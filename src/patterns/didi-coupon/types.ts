/**
 * Shapes and names of the Didi order + coupon flow (SEED-EN.md S-DIDI-1): the order service (its orders table, and the
 * business's own consumer of the tx monitor), the coupon service, and the message queue (DDMQ by default).
 */
import type { Params } from '../../engine/types';

export const ORDER = 'order';
export const COUPON = 'coupon';
export const BROKER = 'broker';

/** Order service tables: the orders (the base operation's table) and, volatile, the requests it is working on. */
export const OT = { orders: 'orders', inflight: 'inflight' } as const;
/** Coupon service table: one row per coupon, locked by an order or free again. */
export const CT = { coupons: 'coupons' } as const;

/** Each order uses its own coupon (one user, one coupon per order): no contention, the flow alone is on show. */
export const couponOf = (tx: string) => 'cp-' + tx;
export const txOfCoupon = (id: string) => (id.startsWith('cp-') ? id.slice(3) : null);
/** The tx monitor's message id (DDMQ). */
export const monitorOf = (tx: string) => 'mon-' + tx;
/** The transactional (half) message's id (RocketMQ): "unlock the coupon", committed only if the order failed. */
export const halfOf = (tx: string) => 'unl-' + tx;
/** RocketMQ: the topic of committed unlock messages, consumed by the coupon service. */
export const UNLOCK_TOPIC = 'coupon.unlock';
export const COUPON_GROUP = 'coupon';

/** The message-queue model the flow runs on (the DDMQ ↔ RocketMQ switch, broker/mq.ts). */
export { onRocketMQ } from '../broker/mq';

export interface OrderRow {
  st: 'saved';
  coupon: string;
  at: number;
}

/** Where a request is in the flow (volatile: a crash forgets it, as a real service forgets a request it was serving). */
export type Step = 'monitor' | 'lock' | 'saving' | 'failed' | 'saved' | 'gave-up';
export interface InflightRow {
  step: Step;
  coupon: string;
  fail: boolean;
  at: number;
  tries: number;
}

export interface CouponRow {
  st: 'locked' | 'free';
  /** The order that locked it (and, once free, the one that released it). */
  by: string;
  lockedAt: number;
  freedAt?: number;
  /** How many times it was unlocked (1 is right; an unlock of a free coupon is a no-op). */
  unlocks: number;
}

export const num = (p: Params, k: string) => Number(p[k]);
