/**
 * The TCC transaction manager (dtm server / Seata TC): a durable global-transaction log (gid, branches, phase), one
 * row per gid in its `txs` table (compensation/gtx.ts). Try on every branch; all ok → Confirm on all, a Try failed or
 * timed out → Cancel on all. The decision is written to the log before any Confirm/Cancel is sent; Confirm/Cancel are
 * retried until every branch answers ok, the interval doubling after each retry round (dtm dtmsvr/config/config.go:
 * RetryInterval 10 s, doubled after a failed retry, reset after a success). After a crash the log is all that is
 * left: recovery resumes what its `open` rows say.
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Db, Effect, NodeState, StepContext } from '../../engine/types';
import {
  armRetry,
  awaitAdd,
  awaitDel,
  getTx,
  gtxTables,
  openTxs,
  parseTimer,
  retried,
  retryTimer,
  saveTx,
  timeoutTimer,
  type GtxRow,
} from '../compensation/gtx';
import { BRANCHES } from '../compensation/transfer';

export type TccPhase = 'trying' | 'confirming' | 'cancelling' | 'confirmed' | 'cancelled';
export type TccBranchState = 'registered' | 'tried' | 'tryFailed' | 'confirmed' | 'cancelled';

export type TccGlobalTx = GtxRow & {
  phase: TccPhase;
  branches: Record<string, TccBranchState>;
  /** Virtual time at which a transaction still trying is cancelled (dtm TimeoutToFail). */
  deadline: number;
};

export type TmDurable = Record<string, never>;
export type TmVolatile = Record<string, never>;
export type TmState = NodeState<TmDurable, TmVolatile>;

export { BRANCHES };

export const tccPhases = { committed: 'confirmed', aborted: 'cancelled' };

const isFinal = (phase: TccPhase) => phase === 'confirmed' || phase === 'cancelled';

function put(db: Db, tx: TccGlobalTx): void {
  saveTx(db, tx, isFinal(tx.phase));
}

/** Send `type` to the branches `only` selects; each request is awaited (volatile). */
function sendAll(db: Db, tx: TccGlobalTx, type: string, only: (b: string) => boolean): Effect[] {
  const effects: Effect[] = [];
  for (const b of Object.keys(tx.branches)) {
    if (!only(b)) continue;
    effects.push({ kind: 'send', to: b, msg: { type, tx: tx.gid, amount: tx.amount } });
    awaitAdd(db, tx.gid, `${type}→${b}`);
  }
  return effects;
}

const finished = (phase: TccPhase, b: TccBranchState) =>
  phase === 'confirming' ? b === 'confirmed' : phase === 'cancelling' ? b === 'cancelled' : true;

/** Decide: write the phase, stop the try timeout, send phase-two requests to all branches, arm the retry timer. */
function decide(db: Db, tx: TccGlobalTx, phase: 'confirming' | 'cancelling', noteKey: string, ctx: StepContext) {
  const next: TccGlobalTx = { ...tx, phase, interval: Number(ctx.params.retryInterval) };
  put(db, next);
  for (const b of Object.keys(tx.branches)) awaitDel(db, tx.gid, `TRY→${b}`);
  const type = phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
  return [
    { kind: 'note', key: noteKey, params: { gid: tx.gid }, tag: 'decision' },
    { kind: 'cancelTimer', name: timeoutTimer(tx.gid) },
    ...sendAll(db, next, type, () => true),
    armRetry(next),
  ] as Effect[];
}

export const tmRole: RoleDef<TmDurable, TmVolatile> = {
  init: () => ({ durable: {}, volatile: {} }),
  tables: gtxTables('tcc', tccPhases),
  step(s, input, ctx) {
    const db = ctx.db;
    if (input.kind === 'recover') {
      const effects: Effect[] = [];
      for (const tx of openTxs<TccGlobalTx>(db)) {
        if (tx.phase === 'trying') {
          effects.push(
            { kind: 'note', key: 'tcc.note.recoverTrying', params: { gid: tx.gid }, tag: 'decision' },
            { kind: 'setTimer', name: timeoutTimer(tx.gid), after: Math.max(0, tx.deadline - ctx.now) },
          );
        } else if (tx.phase === 'confirming' || tx.phase === 'cancelling') {
          const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
          effects.push(
            { kind: 'note', key: `tcc.note.recover.${tx.phase}`, params: { gid: tx.gid }, tag: 'decision' },
            ...sendAll(db, tx, type, (b) => !finished(tx.phase, tx.branches[b])),
            armRetry(tx),
          );
        }
      }
      return same(s, effects);
    }

    if (input.kind === 'timer') {
      const [kind, gid] = parseTimer(input.name);
      const tx = getTx<TccGlobalTx>(db, gid);
      if (!tx) return same(s);
      if (kind === 'timeout' && tx.phase === 'trying')
        return same(s, decide(db, tx, 'cancelling', 'tcc.note.decideCancelTimeout', ctx));
      if (kind === 'retry' && (tx.phase === 'confirming' || tx.phase === 'cancelling')) {
        const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
        const next = retried(tx);
        put(db, next);
        for (const b of Object.keys(tx.branches)) awaitDel(db, gid, `${type}→${b}`);
        return same(s, [
          { kind: 'note', key: 'tcc.note.retry', params: { gid, n: next.retries, next: next.interval }, tag: 'block' },
          ...sendAll(db, next, type, (b) => !finished(tx.phase, tx.branches[b])),
          armRetry(next),
        ]);
      }
      return same(s);
    }

    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const from = input.from;
    const gid = String(m.tx);

    if (m.type === 'BEGIN') {
      if (db.has('txs', gid)) return same(s); // a duplicated BEGIN: the gid is already logged
      const tx: TccGlobalTx = {
        gid,
        amount: Number(m.amount),
        client: from,
        phase: 'trying',
        branches: Object.fromEntries(BRANCHES.map((b) => [b, 'registered' as TccBranchState])),
        deadline: ctx.now + Number(ctx.params.tryTimeout),
        interval: Number(ctx.params.retryInterval),
        retries: 0,
        start: ctx.now,
      };
      put(db, tx);
      return same(s, [
        { kind: 'note', key: 'tcc.note.begin', params: { gid, amount: tx.amount }, tag: 'info' },
        ...sendAll(db, tx, 'TRY', () => true),
        { kind: 'setTimer', name: timeoutTimer(gid), after: Number(ctx.params.tryTimeout) },
      ]);
    }

    const tx = getTx<TccGlobalTx>(db, gid);
    if (!tx || !Object.prototype.hasOwnProperty.call(tx.branches, from)) return same(s);
    const answered = () => awaitDel(db, gid, `${m.type.replace(/_(OK|FAIL)$/, '')}→${from}`);

    switch (m.type) {
      case 'TRY_OK': {
        if (tx.phase !== 'trying' || tx.branches[from] !== 'registered') return same(s);
        const next: TccGlobalTx = { ...tx, branches: { ...tx.branches, [from]: 'tried' } };
        put(db, next);
        answered();
        if (Object.values(next.branches).every((b) => b === 'tried'))
          return same(s, decide(db, next, 'confirming', 'tcc.note.decideConfirm', ctx));
        return same(s);
      }
      case 'TRY_FAIL': {
        if (tx.phase !== 'trying') return same(s);
        const next: TccGlobalTx = { ...tx, branches: { ...tx.branches, [from]: 'tryFailed' } };
        answered();
        return same(s, decide(db, next, 'cancelling', 'tcc.note.decideCancelTryFailed', ctx));
      }
      case 'CONFIRM_OK':
      case 'CANCEL_OK': {
        const phase = m.type === 'CONFIRM_OK' ? 'confirming' : 'cancelling';
        if (tx.phase !== phase || finished(phase, tx.branches[from])) return same(s);
        const bs: TccBranchState = phase === 'confirming' ? 'confirmed' : 'cancelled';
        const next: TccGlobalTx = {
          ...tx,
          branches: { ...tx.branches, [from]: bs },
          interval: Number(ctx.params.retryInterval),
        };
        answered();
        if (!Object.values(next.branches).every((b) => b === bs)) {
          put(db, next);
          return same(s);
        }
        const done: TccGlobalTx = { ...next, phase: phase === 'confirming' ? 'confirmed' : 'cancelled', end: ctx.now };
        put(db, done);
        return same(s, [
          { kind: 'cancelTimer', name: retryTimer(gid) },
          { kind: 'note', key: `tcc.note.finished.${done.phase}`, params: { gid }, tag: 'decision' },
          { kind: 'send', to: tx.client, msg: { type: 'RESULT', tx: gid, outcome: done.phase } },
        ]);
      }
      case 'CONFIRM_FAIL':
      case 'CANCEL_FAIL':
        answered();
        return same(s, [
          {
            kind: 'note',
            key: 'tcc.note.branchError',
            params: { gid, node: from, op: m.type.slice(0, -5) },
            tag: 'block',
          },
        ]);
    }
    return same(s);
  },
};
