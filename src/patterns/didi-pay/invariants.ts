/**
 * Per payment, re-checked only for the payment whose rows a step wrote (its payment and refund rows at the payment
 * service, its applied, dead and reversed rows at each consumer): the seed's business rule "paid ⇒ commission booked
 * or refund issued" — one or the other: a refunded payment keeps no commission —, exactly-once effects, and every
 * consumer's effect eventually in place (or the reverse flow run). On RocketMQ a message moved to %DLQ%<group> is
 * read from the broker's log.
 */
import type { Change, TxOutcome, TxReport, World } from '../../engine/pattern';
import { perKey } from '../../engine/invariants';
import type { Row } from '../../engine/types';
import { BT, logEnd, logKey, type LogRecord } from '../broker';
import { dlqTopicOf } from '../broker/txn';
import {
  BROKER,
  CONSUMERS,
  KT,
  LEDGER,
  ORDERS,
  PAY,
  PROCURE,
  PT,
  STOCK,
  type AppliedRow,
  type DeadRow,
  type PaymentRow,
  type RefundRow,
} from './types';

const paid = (w: World, tx: string) => w.db(PAY).get<PaymentRow & Row>(PT.payments, tx);
const refund = (w: World, tx: string) => w.db(PAY).get<RefundRow & Row>(PT.refunds, tx);
const applied = (w: World, node: string, tx: string) => w.db(node).get<AppliedRow & Row>(KT.applied, tx)?.n ?? 0;

const reversed = (w: World, tx: string) => w.db(LEDGER).has(KT.reversed, tx);
/** The ledger's commission for the payment stands: booked and not reversed. */
const commissionKept = (w: World, tx: string) => applied(w, LEDGER, tx) >= 1 && !reversed(w, tx);

/** RocketMQ: the consumer groups whose %DLQ% holds this payment's message. */
function deadLettered(w: World, c: string, tx: string): boolean {
  const db = w.db(BROKER);
  const topic = dlqTopicOf(c);
  for (let o = 0; o < logEnd(db, topic, 0); o++)
    if (db.get<LogRecord & Row>(BT.log, logKey(topic, 0, o))?.key === tx) return true;
  return false;
}

const WATCHED = new Set<string>([PT.payments, PT.refunds, KT.applied, KT.dead, KT.reversed]);
const txOf = (c: Change): string | null => (WATCHED.has(c.table) ? c.key : null);
const allTxs = (w: World) => {
  const out = new Set<string>(w.db(PAY).keys(PT.payments));
  for (const c of CONSUMERS) for (const k of w.db(c).keys(KT.applied)) out.add(k);
  return out;
};

const perPayment = (id: string, kind: 'always' | 'eventually', check: (w: World, tx: string) => boolean) =>
  perKey(id, kind, { tables: [...WATCHED], keyOf: txOf, keys: allTxs }, check);

/**
 * S-DIDI-2: a paid order has its commission booked, or its payment refunded — not both: a refund takes the commission
 * back (the ledger's reversal).
 */
export const commissionOrRefund = perPayment('commission-or-refund', 'eventually', (w, tx) =>
  !paid(w, tx) ? true : refund(w, tx) ? !commissionKept(w, tx) : commissionKept(w, tx),
);

/** No consumer applied a payment's effect twice (S-DIDI-4), and no payment was refunded twice. */
export const exactlyOnce = perPayment('exactly-once', 'always', (w, tx) =>
  CONSUMERS.every((c) => applied(w, c, tx) <= 1),
);

/** Every consumer's effect is eventually in place: stock taken (or the payment refunded), order paid, commission, purchase. */
export const eventuallyConsistent = perPayment(
  'eventually-consistent',
  'eventually',
  (w, tx) =>
    !paid(w, tx) ||
    ((applied(w, STOCK, tx) >= 1 || !!refund(w, tx)) &&
      applied(w, ORDERS, tx) >= 1 &&
      (applied(w, LEDGER, tx) >= 1 || reversed(w, tx)) &&
      applied(w, PROCURE, tx) >= 1),
);

export const invariants = [commissionOrRefund, exactlyOnce, eventuallyConsistent];

export function outcomes(w: World): TxReport[] {
  return [...w.db(PAY).keys(PT.payments)].map((tx) => {
    const p = paid(w, tx) as PaymentRow;
    const r = refund(w, tx);
    const n: Record<string, number> = {};
    for (const c of CONSUMERS) n[c] = applied(w, c, tx);
    const dead = CONSUMERS.map((c) => w.db(c).get<DeadRow & Row>(KT.dead, tx)).filter((x): x is DeadRow & Row => !!x);
    const dlq = CONSUMERS.filter((c) => deadLettered(w, c, tx));
    const complete =
      (n[STOCK] >= 1 || !!r) && n[ORDERS] >= 1 && (r ? reversed(w, tx) : n[LEDGER] >= 1) && n[PROCURE] >= 1;
    let outcome: TxOutcome;
    if (CONSUMERS.some((c) => n[c] > 1)) outcome = 'inconsistent';
    else if (complete) outcome = r ? 'repaired' : 'delivered';
    else if (dead.some((d) => d.reason === 'dropped')) outcome = 'inconsistent';
    else if (dead.length || dlq.length) outcome = 'dead-lettered';
    else outcome = 'pending';
    const at: Record<string, string> = { [PAY]: r ? 'refunded' : 'paid' };
    for (const c of CONSUMERS) at[c] = n[c] ? `applied×${n[c]}` : dlq.includes(c) ? 'DLQ' : 'none';
    if (r && reversed(w, tx)) at[LEDGER] += ' reversed';
    let end: number | undefined;
    if (complete) {
      end = Math.max(r?.at ?? 0, w.db(LEDGER).get<{ at: number } & Row>(KT.reversed, tx)?.at ?? 0);
      for (const c of CONSUMERS) {
        const a = w.db(c).get<AppliedRow & Row>(KT.applied, tx);
        if (a) end = Math.max(end, a.first);
      }
    }
    const report: TxReport = { tx, outcome, at, start: p.at };
    if (end !== undefined) report.end = end;
    return report;
  });
}
