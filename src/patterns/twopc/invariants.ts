/**
 * Invariants and per-transaction outcomes, read from every node's state and tables (crashed nodes included: their
 * durable state is what they will come back with). Each invariant is kept per transaction: a step re-checks only the
 * transaction whose rows it wrote, across the (at most five) participants.
 */
import { boundedBlocking, perKey, perNode } from '../../engine/invariants';
import {
  byTxId,
  LOCKS_TABLE,
  type Change,
  type InvariantDef,
  type TxOutcome,
  type TxReport,
  type World,
} from '../../engine/pattern';
import type { DbReader, NodeId } from '../../engine/types';
import { loggedCommit, gtxOf } from './coordinator';
import { localState } from './participant';
import { AT, COORD, num, PT, type PTxRec, type PWork } from './types';

const participants = (w: World) => w.nodesOf('participant');
const rec = (db: DbReader, tx: string) => db.get<PTxRec & Record<string, unknown>>(PT.txs, tx);
/** A change to a participant's per-transaction rows names the transaction. */
const txOfChange = (c: Change) => (c.node.charCodeAt(0) === 80 /* P */ ? c.key : null);

/** How many participants committed / aborted tx. */
function tally(w: World, tx: string): { n: number; committed: number; aborted: number } {
  let committed = 0;
  let aborted = 0;
  const ps = participants(w);
  for (const p of ps) {
    const st = rec(w.db(p), tx)?.st;
    if (st === 'committed') committed++;
    else if (st === 'aborted') aborted++;
  }
  return { n: ps.length, committed, aborted };
}

/** Every transaction any participant knows (reference checks and the report only). */
function allTxs(w: World): string[] {
  const seen = new Set<string>();
  for (const p of participants(w)) {
    const db = w.db(p);
    for (const tx of db.keys(PT.txs)) seen.add(tx);
    for (const tx of db.keys(PT.work)) seen.add(tx);
  }
  // Shorter ids first, then by text: T2 before T10.
  return [...seen].sort(byTxId);
}

/** Checked per transaction across the (at most five) participants. */
const perTx = (id: string, kind: 'always' | 'eventually', tables: string[], check: (w: World, tx: string) => boolean) =>
  perKey(id, kind, { tables, keyOf: txOfChange, keys: allTxs }, check);

/** TCConsistent (Lamport's TwoPhase.tla): no participant committed a transaction another one aborted. */
export const atomicity = perTx('atomicity', 'always', [PT.txs], (w, tx) => {
  const t = tally(w, tx);
  return !(t.committed && t.aborted);
});

/**
 * Consistent now: no instant at which one participant has made a transaction's write visible (committed) while
 * another has not (yet). Every run breaks it briefly while COMMIT messages travel; S-2PC-3 keeps it broken until
 * the coordinator comes back. A window of inconsistency, not a permanent loss of atomicity. (Every transaction
 * spans every participant in this model.)
 */
export const consistentNow = perTx('consistent-now', 'always', [PT.txs], (w, tx) => {
  const t = tally(w, tx);
  return t.committed === 0 || t.committed >= t.n;
});

/** Eventually every participant of every transaction has decided it (none working, prepared or precommitted). */
export const termination = perTx('termination', 'eventually', [PT.txs, PT.work], (w, tx) => {
  for (const p of participants(w)) {
    const db = w.db(p);
    if (db.has(PT.work, tx)) return false;
    const st = rec(db, tx)?.st;
    if (st !== undefined && st !== 'committed' && st !== 'aborted') return false;
  }
  return true;
});

/** Eventually no participant holds a lock. */
export const noLeak = perNode('no-leak', 'eventually', [LOCKS_TABLE], (w, node) => w.db(node).size(LOCKS_TABLE) === 0);

export const invariants: InvariantDef[] = [atomicity, consistentNow, termination, noLeak, boundedBlocking('lockBound')];

export function outcomes(w: World): TxReport[] {
  const ps = participants(w);
  const app = w.states.app ? w.db('app') : undefined;
  const cdb = w.states[COORD] ? w.db(COORD) : undefined;
  const ids = allTxs(w);
  const known = new Set(ids);
  if (app) {
    for (const table of [AT.results, AT.txs]) {
      for (const tx of app.keys(table)) {
        if (!known.has(tx)) {
          known.add(tx);
          ids.push(tx);
        }
      }
    }
  }
  const bound = num(w.params, 'lockBound');
  return ids.map((tx) => {
    const at: Record<NodeId, string> = {};
    for (const p of ps) at[p] = localState(w.db(p), tx);
    if (cdb) {
      const t = gtxOf(cdb, tx);
      at[COORD] = t ? t.phase : loggedCommit(cdb, tx) ? 'logged-commit' : 'none';
    }
    const sts = ps.map((p) => at[p]);
    // Blocked: some participant is in doubt (it noticed, or it has held its locks past the bound).
    const blocked = ps.some((p) => {
      const db = w.db(p);
      const r = rec(db, tx);
      return (
        !!r && (r.st === 'prepared' || r.st === 'precommitted') && (db.has(PT.inDoubt, tx) || w.t - r.since > bound)
      );
    });
    // A transaction queued behind another's lock for longer than the bound is blocked too (the blocking spreads).
    const queued = ps.some((p) => {
      const db = w.db(p);
      const slot = db.get<{ slot: number }>(PT.waitingTx, tx);
      const q = slot ? db.get<{ since: number }>(PT.queue, String(slot.slot)) : undefined;
      return !!q && w.t - q.since > bound;
    });
    let outcome: TxOutcome;
    if (sts.includes('committed') && sts.includes('aborted')) outcome = 'inconsistent';
    else if (sts.every((st) => st === 'committed')) outcome = 'committed';
    else if (!sts.includes('committed') && sts.every((st) => st === 'aborted' || st === 'none')) outcome = 'aborted';
    // Blocked, possibly committed elsewhere (consistent-now shows that).
    else if (blocked || queued) outcome = 'blocked';
    else outcome = 'pending';
    const result = app?.get<{ r: string; at: number; start: number | null }>(AT.results, tx);
    const start = result?.start ?? app?.get<{ start: number }>(AT.txs, tx)?.start;
    const done = outcome === 'committed' || outcome === 'aborted';
    const report: TxReport = { tx, outcome, at };
    if (start !== undefined && start !== null) report.start = start;
    if (done) report.end = lastDecision(w, tx);
    return report;
  });
}

/** When the last participant finished tx (its record's time): the transaction's end. */
function lastDecision(w: World, tx: string): number {
  let t = 0;
  for (const p of participants(w)) t = Math.max(t, rec(w.db(p), tx)?.since ?? 0);
  return t;
}

export type { PWork };
