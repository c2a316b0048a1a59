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

/**
 * Payment service tables: payments, their unacknowledged publishes (DDMQ: an index a restart walks), refunds, and
 * (RocketMQ, volatile) the half messages sent and not yet acknowledged — the producer's sendMessageInTransaction in
 * progress, forgotten by a crash (the broker's check-back then settles what was stored).
 */
export const PT = { payments: 'payments', unacked: 'unacked', refunds: 'refunds', sending: 'sending' } as const;
/**
 * Consumer tables: `applied` (the business effect per payment, with how many times it was applied — the truth the
 * invariants judge), `processed` (message ids seen: the idempotency table), `dead` (given up after the last retry),
 * and, at the stock service, `reverse` (refunds asked for: the reverse flow).
 */
export const KT = {
  applied: 'applied',
  processed: 'processed',
  dead: 'dead',
  reverse: 'reverse',
  /** At the ledger: commissions reversed because the payment was refunded (the reverse flow's last step). */
  reversed: 'reversed',
} as const;

/** The payment's message id: one per payment on DDMQ (a re-send keeps it); the dedup key of the consumers. */
export const midOf = (tx: string) => 'pay-' + tx;
/**
 * RocketMQ: every send of the half message is a new message with its own msgId (the payment callback handled again,
 * a new Message): pay-P1, then pay-P1#2 … The consumers deduplicate by the payment (midOf), not by this id.
 */
export const halfMidOf = (tx: string, n: number) => (n <= 1 ? midOf(tx) : `${midOf(tx)}#${n}`);

/** The message-queue model (the DDMQ ↔ RocketMQ switch, broker/mq.ts). */
export { onRocketMQ } from '../broker/mq';

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
/** RocketMQ: a half message sent, its SEND_OK not yet back (volatile). */
export interface SendingRow {
  tries: number;
  born: number;
}
/** The ledger's reversal of a refunded payment's commission (cents taken back; 0 when none had been booked yet). */
export interface ReversedRow {
  cents: number;
  at: number;
  /** Reversal requests received (a retried request is answered, not reversed again). */
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
/** The reverse flow at the stock service: refund asked → refunded → commission reversed at the ledger (done). */
export interface ReverseRow {
  st: 'asked' | 'refunded' | 'done';
  at: number;
}

export interface ConsumerDurable {
  /** Stock left (the stock service); commission booked in cents (the ledger); unused elsewhere. */
  value: number;
}

export const num = (p: Params, k: string) => Number(p[k]);
