/**
 * An account service's ledger for the Bob → Smith transfer, shared by the compensation patterns (TCC, Saga), and the
 * money invariants defined over it. Plain data; every function returns a new value.
 *
 * Money, precisely:
 * - `available` is spendable money; `frozen[gid]` is the payer's money set aside by a TCC Try (still the payer's
 *   money, not spendable); `pending[gid]` is the payee's reserved incoming credit — a promise, NOT money.
 * - `settled[gid]` records that this account's side of transfer `gid` took effect (−x on the payer: money left;
 *   +x on the payee: money arrived). It is a status row, set (not added) by the business code.
 * - Money in transit for gid = −Σ settled[gid] over accounts (the payer settled, the payee not yet: +x in transit;
 *   the payee first: −x, an advance the payer's frozen money covers).
 * - conservation: Σ available + Σ frozen + in transit = the initial total, after every event.
 */

export interface Ledger {
  available: number;
  frozen: Record<string, number>;
  pending: Record<string, number>;
  settled: Record<string, number>;
  /** How many times business code ran per `${gid}/${op}` — instrumentation for exactly-once. */
  applied: Record<string, number>;
}

export function newLedger(available: number): Ledger {
  return { available, frozen: {}, pending: {}, settled: {}, applied: {} };
}

export const sum = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);

/** Money this account holds, net of settled transfers (so that Σ over accounts is conserved). */
export function money(l: Ledger): number {
  return l.available + sum(l.frozen) - sum(l.settled);
}

export function withKey(r: Readonly<Record<string, number>>, k: string, v: number | null): Record<string, number> {
  const out: Record<string, number> = { ...r };
  if (v === null || v === 0) delete out[k];
  else out[k] = v;
  return out;
}

export function countApplied(l: Ledger, gid: string, op: string): Ledger {
  const k = `${gid}/${op}`;
  return { ...l, applied: { ...l.applied, [k]: (l.applied[k] ?? 0) + 1 } };
}

export function maxApplied(l: Ledger): number {
  return Object.values(l.applied).reduce((a, b) => Math.max(a, b), 0);
}

/** A third party's balance read (the auditor): the balance it saw and the settled effects that value included. */
export interface ReadRecord {
  t: number;
  node: string;
  balance: number;
  /** gids whose settled effect on this account was included in `balance`. */
  effects: string[];
}

/** What a reader sees: the account's own money (available + frozen; a payee's pending credit is not included). */
export function readBalance(l: Ledger): { balance: number; effects: string[] } {
  return { balance: l.available + sum(l.frozen), effects: Object.keys(l.settled).sort() };
}

/** Dirty read: the reader saw an effect that has since been undone (compensated). */
export function isDirty(read: ReadRecord, ledgerNow: Ledger): boolean {
  return read.effects.some((g) => ledgerNow.settled[g] === undefined);
}
