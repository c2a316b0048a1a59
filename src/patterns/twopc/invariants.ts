/**
 * Invariants and per-transaction outcomes, read from every node's state (crashed nodes included: their durable
 * state is what they will come back with).
 */
import type { InvariantDef, TxOutcome, TxReport, World } from '../../engine/pattern';
import type { NodeId } from '../../engine/types';
import { localState, lockHolder } from './participant';
import { loggedCommit } from './coordinator';
import { COORD, num, type AState, type CState, type PLocalSt, type PState } from './types';

function participants(w: World): [NodeId, PState][] {
  return Object.entries(w.states)
    .filter(([id]) => /^P\d+$/.test(id))
    .map(([id, s]) => [id, s as PState]);
}

/** Every transaction id any participant knows, in first-seen order. */
function txIds(ps: [NodeId, PState][]): string[] {
  const seen: string[] = [];
  for (const [, s] of ps) {
    for (const tx of [...Object.keys(s.durable.txs), ...Object.keys(s.volatile.work)])
      if (!seen.includes(tx)) seen.push(tx);
  }
  return seen.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function statesOf(ps: [NodeId, PState][], tx: string): PLocalSt[] {
  return ps.map(([, s]) => localState(s, tx));
}

/** TCConsistent (Lamport's TwoPhase.tla): no participant committed a transaction another one aborted. */
export const atomicity: InvariantDef = {
  id: 'atomicity',
  kind: 'always',
  check(w) {
    const ps = participants(w);
    return txIds(ps).every((tx) => {
      const sts = statesOf(ps, tx);
      return !(sts.includes('committed') && sts.includes('aborted'));
    });
  },
};

/**
 * Consistent now: no instant at which one participant has made a transaction's write visible (committed) while
 * another has not (yet). Every run breaks it briefly while COMMIT messages travel; S-2PC-3 keeps it broken until
 * the coordinator comes back. A window of inconsistency, not a permanent loss of atomicity.
 */
export const consistentNow: InvariantDef = {
  id: 'consistent-now',
  kind: 'always',
  check(w) {
    const ps = participants(w);
    return txIds(ps).every((tx) => {
      const sts = statesOf(ps, tx);
      return !sts.includes('committed') || sts.every((st) => st === 'committed');
    });
  },
};

/** Eventually every participant of every transaction has decided it (none working, prepared or precommitted). */
export const termination: InvariantDef = {
  id: 'termination',
  kind: 'eventually',
  check(w) {
    const ps = participants(w);
    return ps.every(
      ([, s]) =>
        Object.keys(s.volatile.work).length === 0 &&
        Object.values(s.durable.txs).every((r) => r.st === 'committed' || r.st === 'aborted'),
    );
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
    let outcome: TxOutcome;
    if (sts.includes('committed') && sts.includes('aborted')) outcome = 'inconsistent';
    else if (sts.every((st) => st === 'committed')) outcome = 'committed';
    else if (!sts.includes('committed') && sts.every((st) => st === 'aborted' || st === 'none')) outcome = 'aborted';
    else if (blocked)
      outcome = 'blocked'; // possibly committed elsewhere: consistent-now shows that
    else outcome = 'pending';
    return { tx, outcome, at };
  });
}
