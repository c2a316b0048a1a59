/**
 * Invariants and per-transaction outcomes, read from every node's state (crashed nodes included: their durable
 * state is what they will come back with).
 */
import type { InvariantDef, TxOutcome, TxReport, World } from '../../engine/pattern';
import type { NodeId } from '../../engine/types';
import { localState, lockHolder } from './participant';
import { loggedCommit } from './coordinator';
import { COORD, num, type AState, type CState, type PState } from './types';

function participants(w: World): [NodeId, PState][] {
  const out: [NodeId, PState][] = [];
  for (const id in w.states) if (id.charCodeAt(0) === 80 /* P */) out.push([id, w.states[id] as PState]);
  return out;
}

/** Every transaction id any participant knows, in order (T2 before T10). */
function txIds(ps: [NodeId, PState][]): string[] {
  const seen = new Set<string>();
  for (const [, s] of ps) {
    for (const tx in s.durable.txs) seen.add(tx);
    for (const tx in s.volatile.work) seen.add(tx);
  }
  // Shorter ids first, then by text: cheap, no Intl collator on this hot path.
  return [...seen].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** Per transaction: how many participants committed it, how many aborted it (one pass over durable state). */
function tally(w: World): { n: number; committed: Record<string, number>; aborted: Record<string, number> } {
  const committed: Record<string, number> = {};
  const aborted: Record<string, number> = {};
  let n = 0;
  for (const id in w.states) {
    if (id.charCodeAt(0) !== 80) continue;
    n++;
    const txs = (w.states[id] as PState).durable.txs;
    for (const tx in txs) {
      const st = txs[tx].st;
      if (st === 'committed') committed[tx] = (committed[tx] ?? 0) + 1;
      else if (st === 'aborted') aborted[tx] = (aborted[tx] ?? 0) + 1;
    }
  }
  return { n, committed, aborted };
}

/** TCConsistent (Lamport's TwoPhase.tla): no participant committed a transaction another one aborted. */
export const atomicity: InvariantDef = {
  id: 'atomicity',
  kind: 'always',
  check(w) {
    const { committed, aborted } = tally(w);
    for (const tx in committed) if (aborted[tx]) return false;
    return true;
  },
};

/**
 * Consistent now: no instant at which one participant has made a transaction's write visible (committed) while
 * another has not (yet). Every run breaks it briefly while COMMIT messages travel; S-2PC-3 keeps it broken until
 * the coordinator comes back. A window of inconsistency, not a permanent loss of atomicity. (Every transaction
 * spans every participant in this model.)
 */
export const consistentNow: InvariantDef = {
  id: 'consistent-now',
  kind: 'always',
  check(w) {
    const { n, committed } = tally(w);
    for (const tx in committed) if (committed[tx] < n) return false;
    return true;
  },
};

/** Eventually every participant of every transaction has decided it (none working, prepared or precommitted). */
export const termination: InvariantDef = {
  id: 'termination',
  kind: 'eventually',
  check(w) {
    for (const [, s] of participants(w)) {
      if (Object.keys(s.volatile.work).length) return false;
      for (const tx in s.durable.txs) {
        const st = s.durable.txs[tx].st;
        if (st !== 'committed' && st !== 'aborted') return false;
      }
    }
    return true;
  },
};

/** Eventually no participant holds a lock. */
export const noLeak: InvariantDef = {
  id: 'no-leak',
  kind: 'eventually',
  check: (w) => participants(w).every(([, s]) => lockHolder(s) === null),
};

export const invariants: InvariantDef[] = [atomicity, consistentNow, termination, noLeak];

export function outcomes(w: World): TxReport[] {
  const ps = participants(w);
  const c = w.states[COORD] as CState | undefined;
  const app = w.states.app as AState | undefined;
  const ids = txIds(ps);
  for (const tx of Object.keys(app?.durable.results ?? {})) if (!ids.includes(tx)) ids.push(tx);
  for (const tx of Object.keys(app?.volatile.txs ?? {})) if (!ids.includes(tx)) ids.push(tx);
  const bound = num(w.params, 'lockBound');
  return ids.map((tx) => {
    const at: Record<NodeId, string> = {};
    for (const [id, s] of ps) at[id] = localState(s, tx);
    if (c) {
      const t = c.volatile.txs[tx];
      at[COORD] = t ? t.phase : loggedCommit(c, tx) ? 'logged-commit' : 'none';
    }
    const sts = ps.map(([, s]) => localState(s, tx));
    // Blocked: some participant is in doubt (it noticed, or it has held its locks past the bound).
    const blocked = ps.some(([, s]) => {
      const r = s.durable.txs[tx];
      return (
        !!r &&
        (r.st === 'prepared' || r.st === 'precommitted') &&
        (s.volatile.inDoubt.includes(tx) || w.t - r.since > bound)
      );
    });
    // A transaction queued behind another's lock for longer than the bound is blocked too (the blocking spreads).
    const queued = ps.some(([, s]) =>
      s.volatile.waiting.some((q) => q.kind === 'tx' && q.tx === tx && w.t - q.since > bound),
    );
    let outcome: TxOutcome;
    if (sts.includes('committed') && sts.includes('aborted')) outcome = 'inconsistent';
    else if (sts.every((st) => st === 'committed')) outcome = 'committed';
    else if (!sts.includes('committed') && sts.every((st) => st === 'aborted' || st === 'none')) outcome = 'aborted';
    // Blocked, possibly committed elsewhere (consistent-now shows that).
    else if (blocked || queued) outcome = 'blocked';
    else outcome = 'pending';
    return { tx, outcome, at };
  });
}
