/**
 * Invariants and per-order outcomes. Every invariant is kept per order: a step re-checks only the orders whose rows
 * it wrote, reading one row at the platform and one at the merchant.
 */
import type { Change, InvariantDef, TxOutcome, TxReport, World } from '../../engine/pattern';
import type { DbReader } from '../../engine/types';
import { perKey } from '../../engine/invariants';
import { CLIENT, CT, MERCHANT, MT, PLATFORM, PT, type COrder, type MOrder, type PNotify, type POrder } from './types';

const mOrder = (w: World, tx: string) => w.db(MERCHANT).get<MOrder & Record<string, unknown>>(MT.orders, tx);
const pOrder = (w: World, tx: string) => w.db(PLATFORM).get<POrder & Record<string, unknown>>(PT.orders, tx);
const pNotify = (w: World, tx: string) => w.db(PLATFORM).get<PNotify & Record<string, unknown>>(PT.notify, tx);

/** Order rows (platform and merchant) and notification rows are keyed by the order id. */
const orderOfChange = (c: Change) => (c.node === PLATFORM || c.node === MERCHANT ? c.key : null);

/** Every order the platform or the merchant knows (reference checks and the report only). */
function allOrders(w: World): string[] {
  const seen = new Set<string>();
  for (const [node, table] of [
    [PLATFORM, PT.orders],
    [MERCHANT, MT.orders],
  ] as const) {
    const db: DbReader = w.db(node);
    for (const tx of db.keys(table)) seen.add(tx);
  }
  return [...seen];
}

/** Checked per order: a change names the order it concerns. */
const perOrder = (
  id: string,
  kind: 'always' | 'eventually',
  tables: string[],
  check: (w: World, tx: string) => boolean,
) => perKey(id, kind, { tables, keyOf: orderOfChange, keys: allOrders }, check);

const merchantPaid = (w: World, tx: string) => mOrder(w, tx)?.st === 'paid';

/** The merchant applied each order's payment (marked it paid, shipped it) at most once. */
export const exactlyOnce = perOrder(
  'exactly-once',
  'always',
  [MT.orders],
  (w, tx) => (mOrder(w, tx)?.applied ?? 0) <= 1,
);

/** Eventually every order paid at the platform is paid at the merchant (and, with exactly-once, applied once). */
export const eventuallyConsistent = perOrder(
  'eventually-consistent',
  'eventually',
  [PT.orders, MT.orders],
  (w, tx) => !pOrder(w, tx) || merchantPaid(w, tx),
);

/**
 * No paid order whose notification the platform gave up on while the merchant does not have it: broken from the
 * give-up until reconciliation repairs the order (or for good).
 */
export const noLostNotification = perOrder(
  'no-lost-notification',
  'always',
  [PT.notify, MT.orders],
  (w, tx) => pNotify(w, tx)?.st !== 'given-up' || merchantPaid(w, tx),
);

export const invariants: InvariantDef[] = [exactlyOnce, eventuallyConsistent, noLostNotification];

export function outcomes(w: World): TxReport[] {
  const client = w.states[CLIENT] ? w.db(CLIENT) : undefined;
  const ids: string[] = [];
  const known = new Set<string>();
  for (const tx of client ? client.keys(CT.orders) : []) {
    known.add(tx);
    ids.push(tx);
  }
  for (const tx of allOrders(w)) if (!known.has(tx)) ids.push(tx);
  return ids.map((tx) => {
    const m = mOrder(w, tx);
    const p = pOrder(w, tx);
    const n = pNotify(w, tx);
    let outcome: TxOutcome;
    if (m?.st === 'paid') outcome = m.via === 'reconcile' ? 'repaired' : 'delivered';
    else if (n?.st === 'given-up') outcome = 'given-up';
    else outcome = 'pending';
    const start = client?.get<COrder & Record<string, unknown>>(CT.orders, tx)?.start ?? p?.at;
    const end = m?.st === 'paid' ? m.paidAt : outcome === 'given-up' ? n?.endAt : null;
    const report: TxReport = {
      tx,
      outcome,
      at: { [PLATFORM]: n ? n.st : p ? 'paid' : 'none', [MERCHANT]: m ? m.st : 'none' },
    };
    if (start !== undefined) report.start = start;
    if (end !== null && end !== undefined) report.end = end;
    return report;
  });
}
