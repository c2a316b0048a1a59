/**
 * Shapes and names of the Didi payment fan-out (SEED-EN.md S-DIDI-2): the payment service publishes "payment
 * succeeded" to DDMQ; four services consume it, each in its own database — stock (decrement inventory), orders (set
 * the order paid), ledger (book the commission), procurement (trigger a purchase).
 */
import type { Params } from '../../engine/types';

export const PAY = 'pay';
export const BROKER = 'broker';
export const STOCK = 'stock';
export const ORDERS = 'orders';
export const LEDGER = 'ledger';
export const PROCURE = 'procure';
/** The consumers, each its own consumer group and database. */
export const CONSUMERS = [STOCK, ORDERS, LEDGER, PROCURE] as const;
export type ConsumerId = (typeof CONSUMERS)[number];

export const TOPIC = 'pay.succeeded';

/** Payment service tables: payments, their unacknowledged publishes (an index a restart walks), refunds. */
export const PT = { payments: 'payments', unacked: 'unacked', refunds: 'refunds' } as const;
/**
 * Consumer tables: `applied` (the business effect per payment, with how many times it was applied — the truth the
 * invariants judge), `processed` (message ids seen: the idempotency table), `dead` (given up after the last retry),
 * and, at the stock service, `reverse` (refunds asked for: the reverse flow).
 */
export const KT = { applied: 'applied', processed: 'processed', dead: 'dead', reverse: 'reverse' } as const;

export const midOf = (tx: string) => 'pay-' + tx;

export interface PaymentRow {
  st: 'paid';
  amount: number;
  at: number;
}
export interface UnackedRow {
  tries: number;
}
export interface RefundRow {
  reason: string;
  at: number;
  /** Refund requests received for it (a retried request is answered, not refunded again). */
  asked: number;
}
export interface AppliedRow {
  mid: string;
  n: number;
  first: number;
  last: number;
}
export interface DeadRow {
  attempts: number;
  at: number;
  /** dropped: retries off, the failure was only logged; retries: given up after the last retry. */
  reason: 'dropped' | 'retries';
}
export interface ReverseRow {
  st: 'asked' | 'done';
  at: number;
}

export interface ConsumerDurable {
  /** Stock left (the stock service); commission booked in cents (the ledger); unused elsewhere. */
  value: number;
}

export const num = (p: Params, k: string) => Number(p[k]);
