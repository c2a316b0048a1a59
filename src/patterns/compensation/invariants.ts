/**
 * The money invariants of the Bob → Smith transfers, shared by the compensation patterns (same ids as every other
 * pattern: conservation, no-negative, no-leak, exactly-once, no-dirty-read, atomicity). Each is incremental — it
 * watches the tables it depends on and re-checks only the rows (gids) an event touched — with a whole-world
 * `reference` version that the property tests compare it with.
 */
import { STATE_TABLE, type InvariantDef, type World } from '../../engine/pattern';
import { perKey } from '../../engine/invariants';
import type { DbReader, NodeId, NodeState } from '../../engine/types';
import {
  ACCOUNT_ROLES,
  APPLIED,
  FROZEN,
  MOVED,
  PENDING,
  SETTLED,
  type AccountDurable,
  type AmountRow,
  type AppliedRow,
} from './accounts';
import { SEEN, seenKey, type SeenRow } from './client';

/** The account services' node ids (payer and payee, orchestrated or choreographed), in topology order. */
export function accountsOf(w: World): NodeId[] {
  const out: NodeId[] = [];
  for (const r of ACCOUNT_ROLES) for (const n of w.nodesOf(r)) out.push(n);
  return out;
}

/** An account's balance, from its state (undefined for a node that is not an account service). */
function availableOf(st: unknown): number | undefined {
  const d = (st as NodeState | undefined)?.durable as Partial<AccountDurable> | undefined;
  return d && typeof d.available === 'number' ? d.available : undefined;
}

export function initialTotal(w: World): number {
  return Number(w.params.bobBalance) + Number(w.params.smithBalance);
}

function sumOf(db: DbReader, table: string): number {
  let s = 0;
  for (const k of db.keys(table)) s += db.get<AmountRow>(table, k)?.amount ?? 0;
  return s;
}

/** Money in the system from scratch: Σ available + Σ frozen − Σ settled over the account services. */
export function totalMoney(w: World): number {
  let total = 0;
  for (const n of accountsOf(w)) {
    const db = w.db(n);
    total += (availableOf(w.states[n]) ?? 0) + sumOf(db, FROZEN) - sumOf(db, SETTLED);
  }
  return total;
}

export const conservation: InvariantDef = {
  id: 'conservation',
  kind: 'always',
  watch: {
    by: 'total',
    tables: [STATE_TABLE, FROZEN, SETTLED],
    value(_node, table, row) {
      if (table === STATE_TABLE) return availableOf(row) ?? 0;
      const a = (row as AmountRow).amount;
      return table === FROZEN ? a : -a;
    },
    ok: (total, w) => total === initialTotal(w),
  },
  reference: (w) => totalMoney(w) === initialTotal(w),
};

const SEP = '\u0000';

function nonNegative(w: World, node: NodeId, table: string | null, gid: string): boolean {
  if (table === null) return (availableOf(w.states[node]) ?? 0) >= 0;
  const a = w.db(node).get<AmountRow>(table, gid)?.amount;
  return a === undefined || a >= 0;
}

export const noNegative: InvariantDef = {
  id: 'no-negative',
  kind: 'always',
  watch: {
    by: 'key',
    tables: [STATE_TABLE, FROZEN, PENDING],
    keyOf: (c) => (c.table === STATE_TABLE ? c.node : c.node + SEP + c.table + SEP + c.key),
    check(w, key) {
      const i = key.indexOf(SEP);
      if (i < 0) return nonNegative(w, key, null, '');
      const j = key.indexOf(SEP, i + 1);
      return nonNegative(w, key.slice(0, i), key.slice(i + 1, j), key.slice(j + 1));
    },
  },
  reference: (w) =>
    accountsOf(w).every((n) => {
      if (!nonNegative(w, n, null, '')) return false;
      const db = w.db(n);
      for (const t of [FROZEN, PENDING]) for (const g of db.keys(t)) if (!nonNegative(w, n, t, g)) return false;
      return true;
    }),
};

/** No reservation left behind: the total count of frozen + pending rows is 0 (eventually). */
export const noLeak: InvariantDef = {
  id: 'no-leak',
  kind: 'eventually',
  watch: { by: 'total', tables: [FROZEN, PENDING], value: () => 1, ok: (total) => total === 0 },
  reference: (w) => accountsOf(w).every((n) => w.db(n).size(FROZEN) === 0 && w.db(n).size(PENDING) === 0),
};

const appliedOk = (w: World, node: NodeId, key: string) => (w.db(node).get<AppliedRow>(APPLIED, key)?.n ?? 0) <= 1;

export const exactlyOnce: InvariantDef = {
  id: 'exactly-once',
  kind: 'always',
  watch: {
    by: 'key',
    tables: [APPLIED],
    keyOf: (c) => c.node + SEP + c.key,
    check(w, key) {
      const i = key.indexOf(SEP);
      return appliedOk(w, key.slice(0, i), key.slice(i + 1));
    },
  },
  reference: (w) =>
    accountsOf(w).every((n) => {
      for (const k of w.db(n).keys(APPLIED)) if (!appliedOk(w, n, k)) return false;
      return true;
    }),
};

const clientOf = (w: World): NodeId | undefined => w.nodesOf('client')[0];

/** The reader saw gid's settled effect at node, and it is no longer settled there (compensated): a dirty read. */
function seenOk(w: World, client: NodeId, key: string): boolean {
  const row = w.db(client).get<SeenRow>(SEEN, key);
  if (!row || !w.states[row.node]) return true;
  return w.db(row.node).has(SETTLED, row.gid);
}

export const noDirtyRead: InvariantDef = {
  id: 'no-dirty-read',
  kind: 'always',
  watch: {
    by: 'key',
    tables: [SEEN, SETTLED],
    keyOf: (c) => (c.table === SEEN ? c.key : seenKey(c.key, c.node)),
    check(w, key) {
      const c = clientOf(w);
      return c === undefined || seenOk(w, c, key);
    },
  },
  reference(w) {
    const c = clientOf(w);
    if (c === undefined) return true;
    for (const k of w.db(c).keys(SEEN)) if (!seenOk(w, c, k)) return false;
    return true;
  },
};

/** Every account has settled gid, or none has. */
function agrees(w: World, gid: string): boolean {
  const accounts = accountsOf(w);
  if (accounts.length < 2) return true;
  const first = w.db(accounts[0]).has(SETTLED, gid);
  for (let i = 1; i < accounts.length; i++) if (w.db(accounts[i]).has(SETTLED, gid) !== first) return false;
  return true;
}

/** Both sides of every transfer settled, or neither (a window in between is normal: 'eventually'). */
export const atomicity: InvariantDef = {
  id: 'atomicity',
  kind: 'eventually',
  watch: { by: 'key', tables: [SETTLED], keyOf: (c) => c.key, check: agrees },
  reference(w) {
    for (const n of accountsOf(w)) for (const g of w.db(n).keys(SETTLED)) if (!agrees(w, g)) return false;
    return true;
  },
};

// ---------------------------------------------------------------- per-account books

/** What an account started with (Bob's and Smith's services, orchestrated or choreographed, share the ids). */
export function initialOf(w: World, node: NodeId): number {
  return Number(node === 'smith' ? w.params.smithBalance : w.params.bobBalance);
}

const amt = (db: DbReader, table: string, gid: string) => db.get<AmountRow>(table, gid)?.amount ?? 0;

/**
 * Account `node` is right for transfer gid: the money its business code moved for gid (moved) equals its side of gid
 * as far as it took effect — frozen (still its own money, set aside) and settled (its side happened). A double
 * refund, an empty rollback that refunds, a double credit or a compensation of a credit never made leaves a
 * difference, whatever the sum over all accounts says.
 */
export function bookOk(w: World, node: NodeId, gid: string): boolean {
  if (!w.states[node]) return true;
  const db = w.db(node);
  return amt(db, MOVED, gid) + amt(db, FROZEN, gid) - amt(db, SETTLED, gid) === 0;
}

/** Every account is right for gid (the outcomes use it: wrong books are never a clean abort or commit). */
export function booksOk(w: World, gid: string): boolean {
  for (const n of accountsOf(w)) if (!bookOk(w, n, gid)) return false;
  return true;
}

const BOOK_TABLES = [MOVED, FROZEN, SETTLED] as const;

/**
 * account-balance: every account's balance is what the business expects — its start plus its side of each transfer
 * that took effect, exactly once or not at all. Judged per (account, gid), re-checked for the gid a step touched;
 * the reference walks every account from scratch: each gid's book, and the balance against start + Σ moved.
 */
const perGidBooks: InvariantDef = perKey(
  'account-balance',
  'always',
  {
    tables: BOOK_TABLES,
    keyOf: (c) => c.node + SEP + c.key,
    keys(w) {
      const out: string[] = [];
      for (const n of accountsOf(w)) {
        const db = w.db(n);
        const gids = new Set<string>();
        for (const t of BOOK_TABLES) for (const g of db.keys(t)) gids.add(g);
        for (const g of gids) out.push(n + SEP + g);
      }
      return out;
    },
  },
  (w, key) => {
    const i = key.indexOf(SEP);
    return bookOk(w, key.slice(0, i), key.slice(i + 1));
  },
);

/** From scratch: each account's available balance is its start plus every gid's moved amount. */
function balancesFromStart(w: World): boolean {
  for (const n of accountsOf(w)) {
    const db = w.db(n);
    let moved = 0;
    for (const g of db.keys(MOVED)) moved += amt(db, MOVED, g);
    if ((availableOf(w.states[n]) ?? 0) !== initialOf(w, n) + moved) return false;
  }
  return true;
}

export const accountBalance: InvariantDef = {
  ...perGidBooks,
  reference: (w) => perGidBooks.reference(w) && balancesFromStart(w),
};
