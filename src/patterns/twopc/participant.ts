/**
 * The participant (XA resource manager): a database with one row, its lock, and a durable log.
 * working → prepared (voted yes: durable, holds locks, must not decide alone) → committed | aborted.
 * Unilateral abort is allowed only before voting yes (X/Open XA: a branch may be rolled back by the RM until
 * xa_prepare returns XA_OK; after that only the TM decides — "heuristic" decisions are outside the protocol).
 */
import { role, same } from '../../engine/pattern';
import type { Effect, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import {
  isThreePC,
  num,
  omit,
  ROW,
  timeoutsOn,
  type PDurable,
  type PLocalSt,
  type PState,
  type PTxRec,
  type PVolatile,
  type Waiter,
} from './types';

type R = StepResult<PDurable, PVolatile>;

export function initParticipant(): PState {
  return {
    durable: { data: { [ROW]: 0 }, txs: {}, log: [] },
    volatile: { work: {}, waiting: [], inDoubt: [], coord: null, backoff: {} },
  };
}

/** The transaction holding ROW's lock, if any: a prepared (durable) one or one executing (volatile). */
export function lockHolder(s: PState): string | null {
  for (const [tx, r] of Object.entries(s.durable.txs)) if (r.st === 'prepared' || r.st === 'precommitted') return tx;
  const w = Object.keys(s.volatile.work);
  return w.length ? w[0] : null;
}

export function localState(s: PState, tx: string): PLocalSt {
  const r = s.durable.txs[tx];
  if (r) return r.st;
  if (s.volatile.work[tx]) return 'working';
  if (s.volatile.waiting.some((w) => w.kind === 'tx' && w.tx === tx)) return 'waiting';
  return 'none';
}

const isDoubt = (st: PLocalSt | undefined) => st === 'prepared' || st === 'precommitted';

/** Write a durable record for tx (and a log line), drop its volatile work. */
function record(s: PState, tx: string, rec: PTxRec, line: string): PState {
  return {
    durable: {
      ...s.durable,
      txs: { ...s.durable.txs, [tx]: rec },
      log: [...s.durable.log, { tx, rec: line }],
    },
    volatile: {
      ...s.volatile,
      work: omit(s.volatile.work, tx),
      waiting: s.volatile.waiting.filter((w) => !(w.kind === 'tx' && w.tx === tx)),
      inDoubt: s.volatile.inDoubt.filter((t) => t !== tx),
      backoff: omit(s.volatile.backoff, tx),
    },
  };
}

function coordOf(s: PState, tx: string): NodeId {
  return s.volatile.coord ?? s.durable.txs[tx]?.coord ?? s.volatile.work[tx]?.coord ?? 'C';
}

function startWork(s: PState, w: Waiter, ctx: StepContext): R {
  const val = s.durable.data[ROW] + 1;
  // A branch may fail its prepare-time checks (deferred constraints, serialization failure): drawn per branch.
  const voteNo = ctx.random() < num(ctx.params, 'voteNoProb') || w.voteNo;
  const state: PState = {
    ...s,
    volatile: {
      ...s.volatile,
      work: { ...s.volatile.work, [w.tx]: { val, done: false, from: w.from, coord: w.coord, voteNo } },
    },
  };
  const effects: Effect[] = [{ kind: 'setTimer', name: 'work:' + w.tx, after: num(ctx.params, 'workTime') }];
  if (timeoutsOn(ctx))
    effects.push({ kind: 'setTimer', name: 'pto:' + w.tx, after: num(ctx.params, 'participantTimeout') });
  effects.push(note('lockAcquired', { tx: w.tx, row: ROW }));
  return { state, effects };
}

/** After a release: grant the lock to waiters in order (third parties pass through at once). */
function grantNext(s0: PState, ctx: StepContext, effects: Effect[]): R {
  let s = s0;
  while (lockHolder(s) === null && s.volatile.waiting.length) {
    const [w, ...rest] = s.volatile.waiting;
    s = { ...s, volatile: { ...s.volatile, waiting: rest } };
    if (w.kind === 'third') {
      const waited = ctx.now - w.since;
      effects.push({ kind: 'send', to: w.from, msg: { type: 'LOCKED', row: ROW, waited } });
      effects.push(note('thirdPartyGranted', { row: ROW, waited: Math.round(waited) }));
    } else {
      const r = startWork(s, w, ctx);
      s = r.state;
      effects.push(...r.effects);
    }
  }
  return { state: s, effects };
}

function finish(s: PState, tx: string, st: 'committed' | 'aborted', ctx: StepContext, effects: Effect[]): R {
  const prev = s.durable.txs[tx];
  const work = s.volatile.work[tx];
  const val = prev?.val ?? work?.val ?? s.durable.data[ROW];
  const rec: PTxRec = {
    st,
    val,
    parts: prev?.parts ?? [],
    coord: prev?.coord ?? work?.coord ?? 'C',
    since: ctx.now,
  };
  let next = record(s, tx, rec, st === 'committed' ? 'COMMIT' : 'ROLLBACK');
  if (st === 'committed') next = { ...next, durable: { ...next.durable, data: { ...next.durable.data, [ROW]: val } } };
  effects.push(
    { kind: 'cancelTimer', name: 'doubt:' + tx },
    { kind: 'cancelTimer', name: 'pto:' + tx },
    { kind: 'cancelTimer', name: 'work:' + tx },
  );
  return grantNext(next, ctx, effects);
}

function vote(s: PState, tx: string, parts: NodeId[], from: NodeId, ctx: StepContext): R {
  const cur = s.durable.txs[tx];
  const voteMsg = (yes: boolean): Effect => ({ kind: 'send', to: from, msg: { type: 'VOTE', tx, yes } });
  if (cur) {
    // Duplicate or late request: repeat the vote the log implies.
    return same(s, [voteMsg(cur.st !== 'aborted')]);
  }
  const work = s.volatile.work[tx];
  if (work && work.done && !work.voteNo) {
    const rec: PTxRec = { st: 'prepared', val: work.val, parts, coord: from, since: ctx.now };
    const next = record(s, tx, rec, 'PREPARED');
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
  const st = localState(s, tx);
  if (!isDoubt(st)) return same(s);
  if (isThreePC(ctx)) {
    // 3PC timeout rules (Skeen 1981, as usually presented): waiting for PreCommit → abort; after PreCommit → commit.
    if (st === 'precommitted') return finish(s, tx, 'committed', ctx, [note('timeoutCommit3pc', { tx }, 'decision')]);
    return finish(s, tx, 'aborted', ctx, [note('timeoutAbort3pc', { tx }, 'decision')]);
  }
  const effects: Effect[] = [];
  let next = s;
  if (!s.volatile.inDoubt.includes(tx)) {
    next = { ...s, volatile: { ...s.volatile, inDoubt: [...s.volatile.inDoubt, tx] } };
    effects.push(note('inDoubt', { tx, row: ROW }, 'block'));
  }
  const ask = !!ctx.guards.participantTimeout;
  const coop = !!ctx.guards.cooperativeTermination;
  if (ask) {
    // Ask the transaction's coordinator, and the one that took over if another did.
    for (const c of new Set([s.durable.txs[tx]?.coord ?? 'C', coordOf(s, tx)])) {
      effects.push({ kind: 'send', to: c, msg: { type: 'QUERY', tx } });
    }
  }
  if (coop) {
    for (const p of s.durable.txs[tx]?.parts ?? []) {
      if (p !== ctx.self) effects.push({ kind: 'send', to: p, msg: { type: 'COOP_REQ', tx } });
    }
  }
  if (ask || coop) {
    const base = num(ctx.params, 'queryInterval');
    const cur = next.volatile.backoff[tx] ?? base;
    effects.push({ kind: 'setTimer', name: 'doubt:' + tx, after: cur });
    next = {
      ...next,
      volatile: { ...next.volatile, backoff: { ...next.volatile.backoff, [tx]: Math.min(cur * 2, base * 8) } },
    };
  }
  return { state: next, effects };
}

/** A request from someone else that settles a tx this participant has not voted on: abort it unilaterally. */
function abortUnvoted(s: PState, tx: string, ctx: StepContext, why: string): R {
  return finish(s, tx, 'aborted', ctx, [note(why, { tx }, 'decision')]);
}

export const participantRole = role<PDurable, PVolatile>({
  init: initParticipant,
  locks: (s) => (lockHolder(s) ? [ROW] : []),
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'start':
        return same(s);
      case 'recover': {
        // Prepared branches are still prepared after a restart (XA RECOVER lists them): in doubt, holding locks.
        const effects: Effect[] = [];
        let next = s;
        for (const [tx, r] of Object.entries(s.durable.txs)) {
          if (!isDoubt(r.st)) continue;
          const res = onDoubtTimer(
            { ...next, volatile: { ...next.volatile, inDoubt: next.volatile.inDoubt.filter((t) => t !== tx) } },
            tx,
            ctx,
          );
          next = res.state;
          effects.push(note('recoverPrepared', { tx }), ...res.effects);
        }
        return { state: next, effects };
      }
      case 'request':
        return same(s);
      case 'timer': {
        const [kind, tx] = splitName(input.name);
        if (kind === 'work') {
          const w = s.volatile.work[tx];
          if (!w || w.done) return same(s);
          const next: PState = {
            ...s,
            volatile: { ...s.volatile, work: { ...s.volatile.work, [tx]: { ...w, done: true } } },
          };
          return same(next, [{ kind: 'send', to: w.from, msg: { type: 'EXEC_OK', tx } }]);
        }
        if (kind === 'pto') {
          if (!s.volatile.work[tx]) return same(s);
          return abortUnvoted(s, tx, ctx, 'timeoutAbort');
        }
        if (kind === 'doubt') return onDoubtTimer(s, tx, ctx);
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        const st = localState(s, tx);
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
            if (lockHolder(s) === null) return startWork(s, w, ctx);
            return {
              state: { ...s, volatile: { ...s.volatile, waiting: [...s.volatile.waiting, w] } },
              effects: [note('lockWait', { tx, row: ROW, holder: lockHolder(s) ?? '' }, 'block')],
            };
          }
          case 'PREPARE':
          case 'CANCOMMIT':
            return vote(s, tx, Array.isArray(m.parts) ? m.parts.map(String) : [], input.from, ctx);
          case 'PRECOMMIT': {
            const r = s.durable.txs[tx];
            if (!r || r.st === 'aborted') return same(s);
            if (r.st === 'prepared') {
              const next = record(s, tx, { ...r, st: 'precommitted' }, 'PRECOMMIT');
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
            // never vote yes later; the plain question just reports every transaction it knows.
            let r: R = same({ ...s, volatile: { ...s.volatile, coord: input.from } });
            if (m.tx !== undefined && (st === 'working' || st === 'waiting' || st === 'none')) {
              r = abortUnvoted(r.state, tx, ctx, 'takeoverAbortUnvoted');
            }
            const txs: Record<string, { st: PLocalSt; parts: NodeId[] }> = {};
            for (const t of Object.keys(r.state.volatile.work)) txs[t] = { st: 'working', parts: [] };
            for (const [t, rec] of Object.entries(r.state.durable.txs)) txs[t] = { st: rec.st, parts: rec.parts };
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
            return {
              state: { ...s, volatile: { ...s.volatile, waiting: [...s.volatile.waiting, w] } },
              effects: [note('thirdPartyWaits', { row: ROW, holder }, 'block')],
            };
          }
          default:
            return same(s);
        }
      }
    }
  },
});

export function splitName(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? [name, ''] : [name.slice(0, i), name.slice(i + 1)];
}
