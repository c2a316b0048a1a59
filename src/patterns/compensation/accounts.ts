/**
 * An account service's ledger for the Bob → Smith transfers, shared by the compensation patterns (TCC, Saga). The
 * spendable balance (`available`) is a field of the node's durable state; everything per transaction is a row of a
 * durable table keyed by gid, so a step touches only its own transaction's rows:
 *
 * - `frozen[gid]` {amount}: the payer's money set aside by a TCC Try (still the payer's money, not spendable);
 * - `pending[gid]` {amount}: the payee's reserved incoming credit — a promise, NOT money;
 *   both are reservations, held as durable locks `frozen:<gid>` / `pending:<gid>` (they are database rows);
 * - `settled[gid]` {amount}: this account's side of transfer gid took effect (−x on the payer: money left; +x on the
 *   payee: money arrived). A status row, set (not added) by the business code;
 * - `applied[gid/op]` {n}: how many times business code ran — instrumentation for exactly-once;
 * - `moved[gid]` {amount}: the net change gid's business code made to `available` (instrumentation for the per-account
 *   check: an account is right for gid when moved + frozen − settled = 0 — its money moved exactly as much as its
 *   side of gid took effect, once or not at all).
 *
 * Money in transit for gid = −Σ settled[gid] over accounts; conservation: Σ available + Σ frozen − Σ settled = the
 * initial total, after every event.
 */
import type { Db, DbReader, Effect } from '../../engine/types';

export const FROZEN = 'frozen';
export const PENDING = 'pending';
export const SETTLED = 'settled';
export const APPLIED = 'applied';
export const STATUS = 'status';
export const BARRIER = 'barrier';
export const MOVED = 'moved';

export type AmountRow = { amount: number };
export type AppliedRow = { n: number };
export type StatusRow = { st: string };

/** The roles whose nodes are account services (orchestrated and choreographed). */
export const ACCOUNT_ROLES = ['payer', 'payee', 'payerEvents', 'payeeEvents'] as const;

/** An account service's durable state: its balance and the failure knobs' bookkeeping (both bounded). */
export interface AccountDurable {
  available: number;
  /** Injected transient failures so far, per op type (simulation bookkeeping for the failure knobs). */
  failures: Record<string, number>;
}

/**
 * What a business handler changes for its gid: `available` by a delta; the frozen / pending / settled row set to an
 * amount, or removed (null). Declarative, so that a failed handler writes nothing.
 */
export interface LedgerChange {
  available?: number;
  frozen?: number | null;
  pending?: number | null;
  settled?: number | null;
}

export const lockOf = (table: string, gid: string) => `${table}:${gid}`;

function setRow(db: Db, table: typeof FROZEN | typeof PENDING | typeof SETTLED, gid: string, v: number | null) {
  const reservation = table !== SETTLED;
  if (v === null || v === 0) {
    if (!db.has(table, gid)) return null;
    db.del(table, gid);
    return reservation ? ({ kind: 'unlock', resource: lockOf(table, gid) } as Effect) : null;
  }
  db.put(table, gid, { amount: v } satisfies AmountRow);
  return reservation ? ({ kind: 'lock', resource: lockOf(table, gid), durable: true } as Effect) : null;
}

const LEDGER_TABLES = [FROZEN, PENDING, SETTLED] as const;

/** Apply a handler's change to the ledger: appends the reservations' lock / unlock effects, returns the new balance. */
export function applyChange(db: Db, available: number, gid: string, ch: LedgerChange, effects: Effect[]): number {
  for (const t of LEDGER_TABLES) {
    const v = ch[t];
    if (v === undefined) continue;
    const e = setRow(db, t, gid, v);
    if (e) effects.push(e);
  }
  const delta = ch.available ?? 0;
  if (delta !== 0) {
    const moved = (amountOf(db, MOVED, gid) ?? 0) + delta;
    if (moved === 0) db.del(MOVED, gid);
    else db.put(MOVED, gid, { amount: moved } satisfies AmountRow);
  }
  return available + delta;
}

export const amountOf = (db: DbReader, table: string, gid: string): number | undefined =>
  db.get<AmountRow>(table, gid)?.amount;

export const appliedKey = (gid: string, op: string) => `${gid}/${op}`;

/**
 * What a reader sees: the account's own money (available + frozen; a payee's pending credit is not included) and the
 * settled effects that value includes. A third party's read (the audit), not a per-transaction step: it walks the
 * account's open reservations and settled rows.
 */
export function readBalance(db: DbReader, available: number): { balance: number; effects: string[] } {
  let balance = available;
  for (const g of db.keys(FROZEN)) balance += amountOf(db, FROZEN, g) ?? 0;
  return { balance, effects: [...db.keys(SETTLED)].sort() };
}
