/**
 * The TCC transaction manager (dtm server / Seata TC): a durable global-transaction log (gid, branches, phase), one
 * row per gid in its `txs` table (compensation/gtx.ts). Try on every branch; all ok → Confirm on all, a Try failed or
 * timed out → Cancel on all. The decision is written to the log before any Confirm/Cancel is sent; Confirm/Cancel are
 * retried until every branch answers ok. How — the stuck-Try deadline, the retry waits and cap, all branches at once or
 * one at a time in reverse order, whether a late Try is repaired by the recovery job — is the framework preset's
 * (compensation/frameworks.ts; generic: the try timeout exactly, the interval doubling after each retry round, reset
 * after a success). After a crash the log is all that is left: recovery resumes what its `open` rows say.
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Db, Effect, NodeState, StepContext } from '../../engine/types';
import {
  afterAttempt,
  dtmBackoff,
  firstWait,
  frameworkOf,
  retriesExhausted,
  stuckTryDeadline,
  type FrameworkPreset,
} from '../compensation/frameworks';
import {
  awaitAdd,
  awaitDel,
  getTx,
  gtxTables,
  openTxs,
  parseTimer,
  retryTimer,
  saveTx,
  timeoutTimer,
  type GtxRow,
} from '../compensation/gtx';
import { withKey } from '../compensation/rows';
import { BRANCHES } from '../compensation/transfer';

export type TccPhase = 'trying' | 'confirming' | 'cancelling' | 'confirmed' | 'cancelled';
export type TccBranchState = 'registered' | 'tried' | 'tryFailed' | 'confirmed' | 'cancelled';

export type TccGlobalTx = GtxRow & {
  phase: TccPhase;
  branches: Record<string, TccBranchState>;
  /** Virtual time at which a transaction still trying is cancelled (dtm TimeoutToFail, at the cron pick-up). */
  deadline: number;
  /** The framework's retry cap was reached: the TM stopped retrying (Hmily's dead participant). */
  dead?: boolean;
  /**
   * Branches whose Try ran after their Cancel, to be cancelled again by the recovery job (ByteTCC, tcc-transaction):
   * due (the next round sends it), sent (its answer clears the entry).
   */
  repair?: Record<string, 'due' | 'sent'>;
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

/**
 * A copy of tx for the caller to change: what `{ ...tx }` gives, key order included — one object literal in the usual
 * case, so that every row shares a hidden class (see compensation/rows.ts). The fields the fault paths add (dead,
 * repair) come in either order: such a row is copied key by key.
 */
function copyTx(tx: TccGlobalTx): TccGlobalTx {
  if (tx.dead !== undefined || tx.repair !== undefined) return Object.assign({}, tx);
  const c: TccGlobalTx = {
    gid: tx.gid,
    amount: tx.amount,
    client: tx.client,
    phase: tx.phase,
    fw: tx.fw,
    branches: tx.branches,
    deadline: tx.deadline,
    interval: tx.interval,
    retries: tx.retries,
    start: tx.start,
  };
  if (tx.end !== undefined) c.end = tx.end;
  return c;
}

/** Send `type` to branch b; the request is awaited (volatile). */
function request(db: Db, tx: TccGlobalTx, type: string, b: string, effects: Effect[]): void {
  effects.push({ kind: 'send', to: b, msg: { type, tx: tx.gid, amount: tx.amount } });
  awaitAdd(db, tx.gid, `${type}→${b}`);
}

/** The request an answer answers (TRY_OK → TRY): a lookup, not a regular expression per message. */
const REQUEST_OF: Readonly<Record<string, string>> = {
  TRY_OK: 'TRY',
  TRY_FAIL: 'TRY',
  CONFIRM_OK: 'CONFIRM',
  CONFIRM_FAIL: 'CONFIRM',
  CANCEL_OK: 'CANCEL',
  CANCEL_FAIL: 'CANCEL',
};

/** `answer` (TRY_OK, …) from branch `from` is in: its request is no longer awaited. */
function answered(db: Db, gid: string, answer: string, from: string): void {
  awaitDel(db, gid, `${REQUEST_OF[answer] ?? answer}→${from}`);
}

const finished = (phase: TccPhase, b: TccBranchState) =>
  phase === 'confirming' ? b === 'confirmed' : phase === 'cancelling' ? b === 'cancelled' : true;

/** Every branch is in state `st`. */
function allAre(branches: Record<string, TccBranchState>, st: TccBranchState): boolean {
  for (const b in branches) if (branches[b] !== st) return false;
  return true;
}

/**
 * Phase two's requests to the unfinished branches: all at once, or (dtm, dtmsvr/trans_type_tcc.go) one at a time from
 * the last branch down — the next only after this one answers ok, so a failing branch stops the round and the
 * branches before it stay frozen until the next pick-up.
 */
function sendPhase2(db: Db, tx: TccGlobalTx, fw: FrameworkPreset, effects: Effect[]): void {
  const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
  let last: string | undefined;
  for (const b in tx.branches) {
    if (finished(tx.phase, tx.branches[b]) && !tx.repair?.[b]) continue;
    if (fw.phase2 === 'parallel') request(db, tx, type, b, effects);
    else last = b;
  }
  if (last !== undefined) request(db, tx, type, last, effects);
}

const armAfter = (gid: string, after: number): Effect => ({ kind: 'setTimer', name: retryTimer(gid), after });

/** Decide: write the phase, stop the try timeout, send phase-two requests to all branches, arm the retry timer. */
function decide(
  db: Db,
  tx: TccGlobalTx,
  phase: 'confirming' | 'cancelling',
  noteKey: string,
  ctx: StepContext,
  fw: FrameworkPreset,
): Effect[] {
  const next = copyTx(tx);
  next.phase = phase;
  next.interval = Number(ctx.params.retryInterval);
  put(db, next);
  for (const b in tx.branches) awaitDel(db, tx.gid, `TRY→${b}`);
  const effects: Effect[] = [
    { kind: 'note', key: noteKey, params: { gid: tx.gid }, tag: 'decision' },
    { kind: 'cancelTimer', name: timeoutTimer(tx.gid) },
  ];
  sendPhase2(db, next, fw, effects);
  effects.push(armAfter(tx.gid, firstWait(fw, ctx.params, next, ctx.now)));
  return effects;
}

/**
 * A Try that ran after its Cancel (hanging, 悬挂) answers ok. Frameworks whose recovery repairs it (ByteTCC,
 * tcc-transaction; guard on) cancel that branch again at the recovery job's next round; the others ignore the answer
 * (dtm and Seata refused the Try anyway; Hmily and the unguarded code leave the reservation behind).
 */
function lateTry(db: Db, tx: TccGlobalTx, from: string, ctx: StepContext, fw: FrameworkPreset): Effect[] {
  if (!ctx.guards.barrier || fw.handles.hanging !== 'recovery') return [];
  if (tx.repair?.[from]) return [];
  const next = copyTx(tx);
  next.phase = 'cancelling';
  next.repair = withKey<'due' | 'sent'>(tx.repair ?? {}, from, 'due');
  next.interval = Number(ctx.params.retryInterval);
  delete next.end;
  put(db, next);
  return [
    { kind: 'note', key: 'tcc.note.hangingRecovery', params: { gid: tx.gid, node: from, fw: fw.id }, tag: 'warn' },
    armAfter(tx.gid, Number(ctx.params.retryInterval)),
  ];
}

export const tmRole: RoleDef<TmDurable, TmVolatile> = {
  init: () => ({ durable: {}, volatile: {} }),
  tables: gtxTables('tcc', tccPhases),
  step(s, input, ctx) {
    const db = ctx.db;
    const fw = frameworkOf(ctx.params);
    if (input.kind === 'recover') {
      const effects: Effect[] = [];
      for (const tx of openTxs<TccGlobalTx>(db)) {
        if (tx.phase === 'trying') {
          effects.push(
            { kind: 'note', key: 'tcc.note.recoverTrying', params: { gid: tx.gid }, tag: 'decision' },
            { kind: 'setTimer', name: timeoutTimer(tx.gid), after: Math.max(0, tx.deadline - ctx.now) },
          );
        } else if ((tx.phase === 'confirming' || tx.phase === 'cancelling') && !tx.dead) {
          effects.push({ kind: 'note', key: `tcc.note.recover.${tx.phase}`, params: { gid: tx.gid }, tag: 'decision' });
          sendPhase2(db, tx, fw, effects);
          effects.push(armAfter(tx.gid, firstWait(fw, ctx.params, tx, ctx.now)));
        }
      }
      return same(s, effects);
    }

    if (input.kind === 'timer') {
      const [kind, gid] = parseTimer(input.name);
      const tx = getTx<TccGlobalTx>(db, gid);
      if (!tx) return same(s);
      if (kind === 'timeout' && tx.phase === 'trying')
        return same(s, decide(db, tx, 'cancelling', 'tcc.note.decideCancelTimeout', ctx, fw));
      if (kind === 'retry' && (tx.phase === 'confirming' || tx.phase === 'cancelling') && !tx.dead) {
        const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
        for (const b in tx.branches) awaitDel(db, gid, `${type}→${b}`);
        if (retriesExhausted(ctx.params, tx)) {
          const dead = copyTx(tx);
          dead.dead = true;
          put(db, dead);
          return same(s, [{ kind: 'note', key: 'tcc.note.gaveUp', params: { gid, n: tx.retries }, tag: 'block' }]);
        }
        const w = afterAttempt(fw, ctx.params, tx, ctx.now);
        const next = copyTx(tx);
        next.retries = tx.retries + 1;
        next.interval = w.interval;
        if (tx.repair) {
          const sent: Record<string, 'sent'> = {};
          for (const b in tx.repair) sent[b] = 'sent';
          next.repair = sent;
        }
        put(db, next);
        const effects: Effect[] = [
          { kind: 'note', key: 'tcc.note.retry', params: { gid, n: next.retries, next: w.after }, tag: 'block' },
        ];
        sendPhase2(db, next, fw, effects);
        effects.push(armAfter(gid, w.after));
        return same(s, effects);
      }
      return same(s);
    }

    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const from = input.from;
    const gid = String(m.tx);

    if (m.type === 'BEGIN') {
      if (db.has('txs', gid)) return same(s); // a duplicated BEGIN: the gid is already logged
      const branches: Record<string, TccBranchState> = {};
      for (const b of BRANCHES) branches[b] = 'registered';
      const tx: TccGlobalTx = {
        gid,
        amount: Number(m.amount),
        client: from,
        phase: 'trying',
        fw: fw.id,
        branches,
        deadline: stuckTryDeadline(fw, ctx.params, ctx.now),
        interval: Number(ctx.params.retryInterval),
        retries: 0,
        start: ctx.now,
      };
      put(db, tx);
      const effects: Effect[] = [
        { kind: 'note', key: 'tcc.note.begin', params: { gid, amount: tx.amount }, tag: 'info' },
      ];
      for (const b in branches) request(db, tx, 'TRY', b, effects);
      effects.push({ kind: 'setTimer', name: timeoutTimer(gid), after: tx.deadline - ctx.now });
      return same(s, effects);
    }

    const tx = getTx<TccGlobalTx>(db, gid);
    if (!tx || !Object.hasOwn(tx.branches, from)) return same(s);

    switch (m.type) {
      case 'TRY_OK': {
        if (tx.phase === 'cancelling' || tx.phase === 'cancelled') return same(s, lateTry(db, tx, from, ctx, fw));
        if (tx.phase !== 'trying' || tx.branches[from] !== 'registered') return same(s);
        const next = copyTx(tx);
        next.branches = withKey<TccBranchState>(tx.branches, from, 'tried');
        put(db, next);
        answered(db, gid, m.type, from);
        if (allAre(next.branches, 'tried'))
          return same(s, decide(db, next, 'confirming', 'tcc.note.decideConfirm', ctx, fw));
        return same(s);
      }
      case 'TRY_FAIL': {
        if (tx.phase !== 'trying') return same(s);
        const next = copyTx(tx);
        next.branches = withKey<TccBranchState>(tx.branches, from, 'tryFailed');
        answered(db, gid, m.type, from);
        return same(s, decide(db, next, 'cancelling', 'tcc.note.decideCancelTryFailed', ctx, fw));
      }
      case 'CONFIRM_OK':
      case 'CANCEL_OK': {
        const phase = m.type === 'CONFIRM_OK' ? 'confirming' : 'cancelling';
        const repaired = phase === 'cancelling' && tx.repair?.[from] === 'sent';
        if (tx.phase !== phase || (finished(phase, tx.branches[from]) && !repaired)) return same(s);
        const bs: TccBranchState = phase === 'confirming' ? 'confirmed' : 'cancelled';
        const next = copyTx(tx);
        next.branches = withKey<TccBranchState>(tx.branches, from, bs);
        next.interval = Number(ctx.params.retryInterval);
        if (repaired && next.repair) {
          const { [from]: _done, ...rest } = next.repair;
          if (Object.keys(rest).length) next.repair = rest;
          else delete next.repair;
        }
        answered(db, gid, m.type, from);
        if (!allAre(next.branches, bs) || next.repair) {
          put(db, next);
          // one at a time (dtm): the next branch down only now
          const effects: Effect[] = [];
          if (fw.phase2 !== 'parallel') sendPhase2(db, next, fw, effects);
          return same(s, effects);
        }
        const done = copyTx(next);
        done.phase = phase === 'confirming' ? 'confirmed' : 'cancelled';
        done.end = ctx.now;
        put(db, done);
        return same(s, [
          { kind: 'cancelTimer', name: retryTimer(gid) },
          { kind: 'note', key: `tcc.note.finished.${done.phase}`, params: { gid }, tag: 'decision' },
          { kind: 'send', to: tx.client, msg: { type: 'RESULT', tx: gid, outcome: done.phase } },
        ]);
      }
      case 'CONFIRM_FAIL':
      case 'CANCEL_FAIL': {
        answered(db, gid, m.type, from);
        const phase = m.type === 'CONFIRM_FAIL' ? 'confirming' : 'cancelling';
        const effects: Effect[] = [];
        if (tx.phase === phase && !tx.dead && fw.backoff === 'dtm') {
          // dtm: the failed call sets next_cron_time = now + the backed-off NextCronInterval
          const next = copyTx(tx);
          next.interval = dtmBackoff(ctx.params, tx.interval);
          put(db, next);
          effects.push(armAfter(gid, next.interval));
        }
        effects.push({
          kind: 'note',
          key: 'tcc.note.branchError',
          params: { gid, node: from, op: m.type.slice(0, -5) },
          tag: 'block',
        });
        return same(s, effects);
      }
    }
    return same(s);
  },
};
