/**
 * The money invariants of the Bob → Smith transfer, shared by the compensation patterns (same ids as every other
 * pattern: conservation, no-negative, no-leak, exactly-once, no-dirty-read, atomicity). Pure functions of the World.
 */
import type { InvariantDef, World } from '../../engine/pattern';
import { isDirty, maxApplied, money, type Ledger } from './accounts';
import type { ClientDurable } from './client';
import type { ServiceDurable } from './service';

export const ACCOUNTS = ['bob', 'smith'] as const;

export function ledgerOf(w: World, node: string): Ledger | undefined {
  const st = w.states[node];
  return st ? (st.durable as ServiceDurable).ledger : undefined;
}

function ledgers(w: World): Ledger[] {
  const out: Ledger[] = [];
  for (const n of ACCOUNTS) {
    const l = ledgerOf(w, n);
    if (l) out.push(l);
  }
  return out;
}

export function initialTotal(w: World): number {
  return Number(w.params.bobBalance) + Number(w.params.smithBalance);
}

export function totalMoney(w: World): number {
  return ledgers(w).reduce((a, l) => a + money(l), 0);
}

/** Every gid any account has settled, frozen or reserved. */
function gids(w: World): string[] {
  const s = new Set<string>();
  for (const l of ledgers(w))
    for (const r of [l.settled, l.frozen, l.pending]) for (const g of Object.keys(r)) s.add(g);
  return [...s].sort();
}

export const conservation: InvariantDef = {
  id: 'conservation',
  kind: 'always',
  check: (w) => totalMoney(w) === initialTotal(w),
};

export const noNegative: InvariantDef = {
  id: 'no-negative',
  kind: 'always',
  check: (w) =>
    ledgers(w).every(
      (l) =>
        l.available >= 0 &&
        Object.values(l.frozen).every((v) => v >= 0) &&
        Object.values(l.pending).every((v) => v >= 0),
    ),
};

export const noLeak: InvariantDef = {
  id: 'no-leak',
  kind: 'eventually',
  check: (w) => ledgers(w).every((l) => Object.keys(l.frozen).length === 0 && Object.keys(l.pending).length === 0),
};

export const exactlyOnce: InvariantDef = {
  id: 'exactly-once',
  kind: 'always',
  check: (w) => ledgers(w).every((l) => maxApplied(l) <= 1),
};

export const noDirtyRead: InvariantDef = {
  id: 'no-dirty-read',
  kind: 'always',
  check: (w) => {
    const c = w.states.client;
    if (!c) return true;
    return (c.durable as ClientDurable).reads.every((r) => {
      const l = ledgerOf(w, r.node);
      return !l || !isDirty(r, l);
    });
  },
};

/** Both sides of every transfer settled, or neither (a window in between is normal: 'eventually'). */
export const atomicity: InvariantDef = {
  id: 'atomicity',
  kind: 'eventually',
  check: (w) => {
    const bob = ledgerOf(w, 'bob');
    const smith = ledgerOf(w, 'smith');
    if (!bob || !smith) return true;
    return gids(w).every((g) => (bob.settled[g] !== undefined) === (smith.settled[g] !== undefined));
  },
};
