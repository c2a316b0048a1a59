/**
 * The participant (XA resource manager): a database with one row, its lock, and a durable log.
 * working → prepared (voted yes: durable, holds locks, must not decide alone) → committed | aborted.
 * Unilateral abort is allowed only before voting yes (X/Open XA: a branch may be rolled back by the RM until
 * xa_prepare returns XA_OK; after that only the TM decides — "heuristic" decisions are outside the protocol).
 *
 * Per-transaction records are table rows (PT): a step reads and writes only the rows of the transaction it handles.
 * Only one transaction at a time holds ROW's lock (the one executing, then the one prepared), so the lock holder is
 * a field of the state, and the row lock is taken and released by lock effects (durable once prepared).
 */
import { role, same } from '../../engine/pattern';
import type { Db, Effect, Input, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import {
  isThreePC,
  num,
  PT,
  ROW,
  timeoutsOn,
  type PDurable,
  type PLocalSt,
  type PState,
  type PTxRec,
  type PVolatile,
  type PWork,
  type Waiter,
} from './types';

type R = StepResult<PDurable, PVolatile>;

export function initParticipant(): PState {
  return {
    durable: { data: { [ROW]: 0 }, logN: 0, held: null },
    volatile: { worker: null, qHead: 0, qTail: 0, coord: null },
  };
}

/** The transaction holding ROW's lock, if any: a prepared (durable) one or the one executing (volatile). */
export function lockHolder(s: PState): string | null {
  return s.durable.held ?? s.volatile.worker;
}

/**
 * A participant state with one volatile field changed, built as object literals: a spread of a spread-made state
 * gets a hidden class of its own in Node 20 (V8 11), which made these the participant's hottest lines.
 */
function withVolatile<K extends keyof PVolatile>(s: PState, k: K, value: PVolatile[K]): PState {
  const v = s.volatile;
  const volatile: PVolatile = { worker: v.worker, qHead: v.qHead, qTail: v.qTail, coord: v.coord };
  volatile[k] = value;
  return { durable: s.durable, volatile };
}

const txRec = (db: Db, tx: string) => db.get<PTxRec & Record<string, unknown>>(PT.txs, tx);
const workOf = (db: Db, tx: string) => db.get<PWork & Record<string, unknown>>(PT.work, tx);

/** A transaction's local state at a participant, from its tables (at a step, at a cursor, or at the end). */
export function localState(db: Pick<Db, 'get' | 'has'>, tx: string): PLocalSt {
  const r = db.get<PTxRec & Record<string, unknown>>(PT.txs, tx);
  if (r) return r.st;
  if (db.has(PT.work, tx)) return 'working';
  if (db.has(PT.waitingTx, tx)) return 'waiting';
  return 'none';
}

const isDoubt = (st: PLocalSt | undefined) => st === 'prepared' || st === 'precommitted';

/** Write a durable record for tx (and a log line), drop its volatile work and waits. */
function record(s: PState, db: Db, tx: string, rec: PTxRec, line: string): PState {
  db.put(PT.txs, tx, rec as unknown as Record<string, unknown>);
  db.put(PT.log, String(s.durable.logN), { tx, rec: line });
  db.del(PT.work, tx);
  const slot = db.get<{ slot: number }>(PT.waitingTx, tx);
  if (slot) {
    db.del(PT.queue, String(slot.slot));
    db.del(PT.waitingTx, tx);
  }
  db.del(PT.inDoubt, tx);
  db.del(PT.backoff, tx);
  const held = isDoubt(rec.st) ? tx : s.durable.held === tx ? null : s.durable.held;
  const next =
    s.volatile.worker === tx ? withVolatile(s, 'worker', null) : { durable: s.durable, volatile: s.volatile };
  next.durable = { data: s.durable.data, logN: s.durable.logN + 1, held };
  return next;
}

function coordOf(s: PState, db: Db, tx: string): NodeId {
  return s.volatile.coord ?? txRec(db, tx)?.coord ?? workOf(db, tx)?.coord ?? 'C';
}

function enqueue(s: PState, db: Db, w: Waiter): PState {
  const slot = s.volatile.qTail;
  db.put(PT.queue, String(slot), w as unknown as Record<string, unknown>);
  if (w.kind === 'tx') db.put(PT.waitingTx, w.tx, { slot });
  return withVolatile(s, 'qTail', slot + 1);
}

function startWork(s: PState, w: Waiter, ctx: StepContext): R {
  const val = s.durable.data[ROW] + 1;
  // A branch may fail its prepare-time checks (deferred constraints, serialization failure): drawn per branch.
  const voteNo = ctx.random() < num(ctx.params, 'voteNoProb') || w.voteNo;
  const work: PWork = { val, done: false, from: w.from, coord: w.coord, voteNo };
  ctx.db.put(PT.work, w.tx, work as unknown as Record<string, unknown>);
  const state = withVolatile(s, 'worker', w.tx);
  const effects: Effect[] = [{ kind: 'setTimer', name: 'work:' + w.tx, after: num(ctx.params, 'workTime') }];
  if (timeoutsOn(ctx))
    effects.push({ kind: 'setTimer', name: 'pto:' + w.tx, after: num(ctx.params, 'participantTimeout') });
  effects.push(note('lockAcquired', { tx: w.tx, row: ROW }));
  return { state, effects };
}

/** After a release: grant the lock to waiters in order (third parties pass through at once). */
function grantNext(s0: PState, ctx: StepContext, effects: Effect[]): R {
  let s = s0;
  const db = ctx.db;
  while (lockHolder(s) === null && s.volatile.qHead < s.volatile.qTail) {
    const slot = String(s.volatile.qHead);
    const w = db.get<Waiter & Record<string, unknown>>(PT.queue, slot);
    s = withVolatile(s, 'qHead', s.volatile.qHead + 1);
    if (!w) continue; // left the queue (decided while waiting)
    db.del(PT.queue, slot);
    if (w.kind === 'third') {
      const waited = ctx.now - w.since;
      effects.push({ kind: 'send', to: w.from, msg: { type: 'LOCKED', row: ROW, waited } });
      effects.push(note('thirdPartyGranted', { row: ROW, waited: Math.round(waited) }));
    } else {
      db.del(PT.waitingTx, w.tx);
      const r = startWork(s, w, ctx);
      s = r.state;
      effects.push(...r.effects);
    }
  }
  return { state: s, effects };
}

function finish(s: PState, tx: string, st: 'committed' | 'aborted', ctx: StepContext, effects: Effect[]): R {
  const db = ctx.db;
  const prev = txRec(db, tx);
  const work = workOf(db, tx);
  const val = prev?.val ?? work?.val ?? s.durable.data[ROW];
  const rec: PTxRec = {
    st,
    val,
    parts: prev?.parts ?? [],
    coord: prev?.coord ?? work?.coord ?? 'C',
    since: ctx.now,
  };
  const next = record(s, db, tx, rec, st === 'committed' ? 'COMMIT' : 'ROLLBACK');
  // record's state is a fresh object: changed in place
  if (st === 'committed') {
    const data = Object.assign({}, next.durable.data);
    data[ROW] = val;
    next.durable = { data, logN: next.durable.logN, held: next.durable.held };
  }
  effects.push(
    { kind: 'cancelTimer', name: 'doubt:' + tx },
    { kind: 'cancelTimer', name: 'pto:' + tx },
    { kind: 'cancelTimer', name: 'work:' + tx },
  );
  return grantNext(next, ctx, effects);
}

function vote(s: PState, tx: string, parts: NodeId[], from: NodeId, ctx: StepContext): R {
  const db = ctx.db;
  const cur = txRec(db, tx);
  const voteMsg = (yes: boolean): Effect => ({ kind: 'send', to: from, msg: { type: 'VOTE', tx, yes } });
  if (cur) {
    // Duplicate or late request: repeat the vote the log implies.
    return same(s, [voteMsg(cur.st !== 'aborted')]);
  }
  const work = workOf(db, tx);
  if (work && work.done && !work.voteNo) {
    const rec: PTxRec = { st: 'prepared', val: work.val, parts, coord: from, since: ctx.now };
    const next = record(s, db, tx, rec, 'PREPARED');
    return {
      state: next,
      effects: [
        { kind: 'cancelTimer', name: 'pto:' + tx },
        voteMsg(true),
        note('voteYes', { tx }),
        { kind: 'setTimer', name: 'doubt:' + tx, after: num(ctx.params, 'participantTimeout') },
      ],
    };
  }
  // Nothing to prepare (work lost in a crash, never executed, still executing) or the check fails: vote no.
  const effects: Effect[] = [voteMsg(false), note('voteNo', { tx }, 'decision')];
  return finish(s, tx, 'aborted', ctx, effects);
}

function onDoubtTimer(s: PState, tx: string, ctx: StepContext): R {
  const db = ctx.db;
  const st = localState(db, tx);
  if (!isDoubt(st)) return same(s);
  if (isThreePC(ctx)) {
    // 3PC timeout rules (Skeen 1981, as usually presented): waiting for PreCommit → abort; after PreCommit → commit.
    if (st === 'precommitted') return finish(s, tx, 'committed', ctx, [note('timeoutCommit3pc', { tx }, 'decision')]);
    return finish(s, tx, 'aborted', ctx, [note('timeoutAbort3pc', { tx }, 'decision')]);
  }
  const effects: Effect[] = [];
  if (!db.has(PT.inDoubt, tx)) {
    db.put(PT.inDoubt, tx, {});
    effects.push(note('inDoubt', { tx, row: ROW }, 'block'));
  }
  const ask = !!ctx.guards.participantTimeout;
  const coop = !!ctx.guards.cooperativeTermination;
  const rec = txRec(db, tx);
  if (ask) {
    // Ask the transaction's coordinator, and the one that took over if another did.
    for (const c of new Set([rec?.coord ?? 'C', coordOf(s, db, tx)])) {
      effects.push({ kind: 'send', to: c, msg: { type: 'QUERY', tx } });
    }
  }
  if (coop) {
    for (const p of rec?.parts ?? []) {
      if (p !== ctx.self) effects.push({ kind: 'send', to: p, msg: { type: 'COOP_REQ', tx } });
    }
  }
  if (ask || coop) {
    const base = num(ctx.params, 'queryInterval');
    const cur = db.get<{ ms: number }>(PT.backoff, tx)?.ms ?? base;
    effects.push({ kind: 'setTimer', name: 'doubt:' + tx, after: cur });
    db.put(PT.backoff, tx, { ms: Math.min(cur * 2, base * 8) });
  }
  return { state: s, effects };
}

/** A request from someone else that settles a tx this participant has not voted on: abort it unilaterally. */
function abortUnvoted(s: PState, tx: string, ctx: StepContext, why: string): R {
  return finish(s, tx, 'aborted', ctx, [note(why, { tx }, 'decision')]);
}

/** The row lock as the step leaves it: durable while a prepared transaction holds it, in memory while one executes. */
function withLock(before: PState, r: R): R {
  const want = r.state.durable.held ? 'durable' : r.state.volatile.worker ? 'memory' : null;
  const had = before.durable.held ? 'durable' : before.volatile.worker ? 'memory' : null;
  if (want === had) return r;
  r.effects.push(
    want === null ? { kind: 'unlock', resource: ROW } : { kind: 'lock', resource: ROW, durable: want === 'durable' },
  );
  return r;
}

function handle(s: PState, input: Input, ctx: StepContext): R {
  const db = ctx.db;
  switch (input.kind) {
    case 'start':
      return same(s);
    case 'recover': {
      // A prepared branch is still prepared after a restart (XA RECOVER lists it): in doubt, holding its lock.
      // Only the lock holder can be prepared, so there is at most one.
      const tx = s.durable.held;
      if (tx === null) return same(s);
      const res = onDoubtTimer(s, tx, ctx);
      return { state: res.state, effects: [note('recoverPrepared', { tx }), ...res.effects] };
    }
    case 'request':
      return same(s);
    case 'timer': {
      const [kind, tx] = splitName(input.name);
      if (kind === 'work') {
        const w = workOf(db, tx);
        if (!w || w.done) return same(s);
        const done: PWork = { val: w.val, done: true, from: w.from, coord: w.coord, voteNo: w.voteNo };
        db.put(PT.work, tx, done as unknown as Record<string, unknown>);
        return same(s, [{ kind: 'send', to: w.from, msg: { type: 'EXEC_OK', tx } }]);
      }
      if (kind === 'pto') {
        if (!db.has(PT.work, tx)) return same(s);
        return abortUnvoted(s, tx, ctx, 'timeoutAbort');
      }
      if (kind === 'doubt') return onDoubtTimer(s, tx, ctx);
      return same(s);
    }
    case 'deliver': {
      const m = input.msg;
      const tx = String(m.tx ?? '');
      const st = localState(db, tx);
      switch (m.type) {
        case 'EXEC': {
          if (st !== 'none') {
            return st === 'aborted'
              ? same(s, [{ kind: 'send', to: input.from, msg: { type: 'EXEC_FAIL', tx } }])
              : same(s);
          }
          const w: Waiter = {
            kind: 'tx',
            tx,
            from: input.from,
            since: ctx.now,
            coord: String(m.coord ?? 'C'),
            voteNo: m.voteNo === ctx.self,
          };
          const holder = lockHolder(s);
          if (holder === null) return startWork(s, w, ctx);
          return same(enqueue(s, db, w), [note('lockWait', { tx, row: ROW, holder }, 'block')]);
        }
        case 'PREPARE':
        case 'CANCOMMIT':
          return vote(s, tx, Array.isArray(m.parts) ? m.parts.map(String) : [], input.from, ctx);
        case 'PRECOMMIT': {
          const r = txRec(db, tx);
          if (!r || r.st === 'aborted') return same(s);
          if (r.st === 'prepared') {
            const next = record(s, db, tx, { ...r, st: 'precommitted' }, 'PRECOMMIT');
            return same(next, [
              { kind: 'send', to: input.from, msg: { type: 'PRECOMMIT_ACK', tx } },
              note('precommitted', { tx }),
              { kind: 'setTimer', name: 'doubt:' + tx, after: num(ctx.params, 'participantTimeout') },
            ]);
          }
          return same(s, [{ kind: 'send', to: input.from, msg: { type: 'PRECOMMIT_ACK', tx } }]);
        }
        case 'COMMIT':
        case 'DOCOMMIT': {
          const ack: Effect = { kind: 'send', to: input.from, msg: { type: 'ACK', tx } };
          if (isDoubt(st)) return finish(s, tx, 'committed', ctx, [ack, note('commit', { tx }, 'decision')]);
          if (st === 'committed') return same(s, [ack]);
          return same(s, [note('conflictCommit', { tx }, 'warn')]);
        }
        case 'ABORT': {
          const ack: Effect = { kind: 'send', to: input.from, msg: { type: 'ACK', tx } };
          if (st === 'committed') return same(s, [note('conflictAbort', { tx }, 'warn')]);
          if (st === 'aborted') return same(s, [ack]);
          return finish(s, tx, 'aborted', ctx, [ack, note('abort', { tx }, 'decision')]);
        }
        case 'COOP_REQ': {
          if (st === 'working' || st === 'waiting' || st === 'none') {
            const r = abortUnvoted(s, tx, ctx, 'coopAbortUnvoted');
            r.effects.push({ kind: 'send', to: input.from, msg: { type: 'COOP_STATE', tx, st: 'aborted' } });
            return r;
          }
          return same(s, [{ kind: 'send', to: input.from, msg: { type: 'COOP_STATE', tx, st } }]);
        }
        case 'COOP_STATE': {
          if (!isDoubt(st)) return same(s);
          if (m.st === 'committed')
            return finish(s, tx, 'committed', ctx, [note('coopLearnedCommit', { tx, peer: input.from }, 'decision')]);
          if (m.st === 'aborted')
            return finish(s, tx, 'aborted', ctx, [note('coopLearnedAbort', { tx, peer: input.from }, 'decision')]);
          return same(s, [note('coopPeerInDoubt', { tx, peer: input.from })]);
        }
        case 'STATE_REQ': {
          // A new coordinator asks. Asked about one transaction it has not voted on, it aborts it, so it can
          // never vote yes later; the plain question reports every transaction it knows (a takeover reads the
          // whole log once: the failure path, not a step of normal operation).
          let r: R = same(withVolatile(s, 'coord', input.from));
          if (m.tx !== undefined && (st === 'working' || st === 'waiting' || st === 'none')) {
            r = abortUnvoted(r.state, tx, ctx, 'takeoverAbortUnvoted');
          }
          const txs: Record<string, { st: PLocalSt; parts: NodeId[] }> = {};
          for (const t of db.keys(PT.work)) txs[t] = { st: 'working', parts: [] };
          for (const t of db.keys(PT.txs)) {
            const rec = txRec(db, t) as PTxRec;
            txs[t] = { st: rec.st, parts: rec.parts };
          }
          r.effects.push({ kind: 'send', to: input.from, msg: { type: 'STATE', txs } });
          return r;
        }
        case 'LOCK': {
          const holder = lockHolder(s);
          if (holder === null) {
            return same(s, [
              { kind: 'send', to: input.from, msg: { type: 'LOCKED', row: ROW, waited: 0 } },
              note('thirdPartyGranted', { row: ROW, waited: 0 }),
            ]);
          }
          const w: Waiter = { kind: 'third', tx: '', from: input.from, since: ctx.now, coord: '', voteNo: false };
          return same(enqueue(s, db, w), [note('thirdPartyWaits', { row: ROW, holder }, 'block')]);
        }
        default:
          return same(s);
      }
    }
  }
}

function participantStep(s: PState, input: Input, ctx: StepContext): R {
  return withLock(s, handle(s, input, ctx));
}

export const participantRole = role<PDurable, PVolatile>({
  init: initParticipant,
  tables: {
    [PT.txs]: {
      durable: true,
      view: {
        title: '2pc.table.txs',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'st', label: '2pc.col.state', valueKey: '2pc.status' },
          { field: 'val', label: '2pc.col.value' },
          { field: 'since', label: '2pc.col.since' },
        ],
        tone: (row) => toneOfSt(String(row.st)),
      },
    },
    [PT.log]: {
      durable: true,
      view: {
        title: '2pc.table.log',
        columns: [
          { field: '$key', label: '#' },
          { field: 'rec', label: '2pc.col.record' },
          { field: 'tx', label: '2pc.col.tx' },
        ],
      },
    },
    [PT.work]: {
      durable: false,
      view: {
        title: '2pc.table.work',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'done', label: '2pc.col.executed' },
          { field: 'val', label: '2pc.col.value' },
        ],
        tone: () => 'working',
      },
    },
    [PT.queue]: {
      durable: false,
      view: {
        title: '2pc.table.queue',
        columns: [
          { field: '$key', label: '#' },
          { field: 'kind', label: '2pc.col.kind' },
          { field: 'tx', label: '2pc.col.tx' },
          { field: 'since', label: '2pc.col.since' },
        ],
        tone: () => 'blocked',
      },
    },
    [PT.waitingTx]: { durable: false },
    [PT.inDoubt]: { durable: false },
    [PT.backoff]: { durable: false },
  },
  step: participantStep,
});

function toneOfSt(st: string) {
  if (st === 'prepared' || st === 'precommitted') return 'prepared' as const;
  if (st === 'committed') return 'committed' as const;
  if (st === 'aborted') return 'aborted' as const;
  return undefined;
}

export function splitName(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}
