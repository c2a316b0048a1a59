/**
 * Names and row shapes of the RocketMQ transactional-message pattern: the order service (producer) with its
 * database, the RocketMQ broker (src/patterns/broker with broker/txn.ts) and the inventory service (consumer).
 */
import type { Params } from '../../engine/types';

export const PRODUCER = 'producer';
export const BROKER = 'broker';
export const CONSUMER = 'consumer';
/** The consumer group: its retry topic is %RETRY%inventory_group, its dead-letter topic %DLQ%inventory_group. */
export const GROUP = 'inventory_group';
export const TOPIC = 'ORDER_TOPIC';

/** Producer tables: the business table and the local transaction table the check listener reads (both durable). */
export const PT = { orders: 'orders', txLog: 'txLog', running: 'localTx', sending: 'sending' } as const;
/** Consumer tables: the idempotency table (consumed message ids), the effect, failed consumptions. */
export const KT = { consumed: 'consumed', effects: 'reservations', failed: 'failedConsumes' } as const;

/** The message id of a transaction's message (RocketMQ: the producer-side unique key, stable across checks). */
export const midOf = (tx: string) => 'msg-' + tx;
export const txOfMid = (mid: string) => (mid.startsWith('msg-') ? mid.slice(4) : null);

export interface OrderRow {
  qty: number;
  mid: string;
  at: number;
}

/** The local transaction's outcome, written in the same local transaction as the order (or alone, when it failed). */
export interface TxLogRow {
  mid: string;
  st: 'committed' | 'rolled-back' | 'send-failed';
  at: number;
}

/** A local transaction in progress (volatile: lost with the process). */
export interface RunningRow {
  mid: string;
  since: number;
  qty: number;
}

/** A half message sent, waiting for the broker's answer (volatile). */
export interface SendingRow {
  mid: string;
  since: number;
  qty: number;
}

export interface EffectRow {
  mid: string;
  /** How many times the effect was applied (1 is right). */
  n: number;
  first: number;
  last: number;
}

export interface ConsumedRow {
  at: number;
  reconsume: number;
}

export interface FailedRow {
  tx: string;
  /** Failed attempts so far. */
  n: number;
  at: number;
  st: 'retrying' | 'swallowed';
}

export interface ConsumerDurable {
  stock: number;
}

export const num = (p: Params, k: string) => Number(p[k]);
