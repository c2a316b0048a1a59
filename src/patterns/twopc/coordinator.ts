/**
 * The coordinator (XA transaction manager). Phase 1: PREPARE to every participant, collect votes with a timeout.
 * Phase 2: commit only if all voted yes. With the `decisionLog` guard it force-writes COMMIT to its durable log before
 * sending it (presumed abort: no record → abort; Mohan, Lindsay & Obermarck, "Transaction Management in the R*
 * Distributed Database Management System", TODS 1986). It retries the decision until every participant acknowledges,
 * and answers participants' status queries. With the `threePC` guard it runs CanCommit / PreCommit / DoCommit.
 */
import { role, same, type Tone } from '../../engine/pattern';
import type { Db, DbReader, Effect, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import { splitName } from './participant';
import {
  commitType,
  CT,
  isThreePC,
  num,
  phase1Type,
  STANDBY,
  type CDurable,
  type CLogRec,
  type CPhase,
  type CState,
  type CTx,
  type CVolatile,
} from './types';

type R = StepResult<CDurable, CVolatile>;

export function initCoordinator(): CState {
  return { durable: { logN: 0 }, volatile: { hb: false, active: 0 } };
}

export function loggedCommit(db: Pick<DbReader, 'get'>, tx: string): boolean {
  return db.get<CLogRec & Record<string, unknown>>(CT.log, tx)?.rec !== undefined;
}

const isActive = (p: CPhase | undefined) => p === 'voting' || p === 'precommit' || p === 'committing';

export const gtxOf = (db: Pick<DbReader, 'get'>, tx: string) => db.get<CTx & Record<string, unknown>>(CT.gtx, tx);

/**
 * Copies of the coordinator's state and rows as object literals, for the caller to change: a spread of a spread-made
 * object (or one that adds a key) gets a hidden class of its own in Node 20 (V8 11).
 */
const withVolatile = (s: CState, volatile: CVolatile): CState => ({ durable: s.durable, volatile });
const copyTx = (t: CTx): CTx => ({
  parts: t.parts,
  client: t.client,
  votes: t.votes,
  acks: t.acks,
  phase: t.phase,
  backoff: t.backoff,
});

/** Every participant is in `acks`. */
function allIn(parts: readonly NodeId[], acks: readonly NodeId[]): boolean {
  for (const p of parts) if (!acks.includes(p)) return false;
  return true;
}

/** Write a transaction's volatile record, keeping the count of active ones (the standby's lease depends on it). */
function withTx(s: CState, db: Db, tx: string, t: CTx): CState {
  const prev = gtxOf(db, tx);
  db.put(CT.gtx, tx, t as unknown as Record<string, unknown>);
  const d = (isActive(t.phase) ? 1 : 0) - (isActive(prev?.phase) ? 1 : 0);
  return d ? withVolatile(s, { hb: s.volatile.hb, active: s.volatile.active + d }) : s;
}

/** Append a durable log record for tx (COMMIT before the first COMMIT leaves; END once all acknowledged). */
function log(s: CState, db: Db, tx: string, rec: CLogRec): CState {
  db.put(CT.log, tx, rec as unknown as Record<string, unknown>);
  if (rec.rec === 'COMMIT') db.put(CT.open, tx, {});
  else db.del(CT.open, tx);
  return { durable: { logN: s.durable.logN + 1 }, volatile: s.volatile };
}

/** Start heartbeats to the standby while there is unfinished work (its lease; the standby takes over on silence). */
function ensureHeartbeat(s: CState, ctx: StepContext, effects: Effect[]): CState {
  if (s.volatile.hb || s.volatile.active <= 0 || !ctx.guards.reElection) return s;
  effects.push(
    { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: false } },
    { kind: 'setTimer', name: 'hb', after: hbInterval(ctx) },
  );
  return withVolatile(s, { hb: true, active: s.volatile.active });
}

export const hbInterval = (ctx: StepContext) => Math.max(1, Math.floor(num(ctx.params, 'takeoverTimeout') / 2));

function decideCommit(s: CState, tx: string, ctx: StepContext, effects: Effect[]): CState {
  const db = ctx.db;
  const t = gtxOf(db, tx) as CTx;
  let next = s;
  if (ctx.guards.decisionLog) {
    // Force-write before the first COMMIT leaves (the write-ahead rule of 2PC).
    next = log(next, db, tx, { rec: 'COMMIT', parts: t.parts });
    effects.push(note('logCommit', { tx }));
  }
  effects.push(note('decideCommit', { tx }, 'decision'));
  const c = copyTx(t);
  c.phase = 'committing';
  c.acks = [];
  c.backoff = num(ctx.params, 'queryInterval');
  next = withTx(next, db, tx, c);
  for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: commitType(ctx), tx } });
  effects.push(
    { kind: 'setTimer', name: 'resend:' + tx, after: num(ctx.params, 'queryInterval') },
    { kind: 'send', to: t.client, msg: { type: 'OUTCOME', tx, committed: true } },
  );
  return next;
}

function decideAbort(s: CState, tx: string, ctx: StepContext, effects: Effect[], why: string): CState {
  const t = gtxOf(ctx.db, tx) as CTx;
  // Presumed abort: nothing is logged for an abort.
  effects.push(note(why, { tx }, 'decision'));
  const c = copyTx(t);
  c.phase = 'aborting';
  c.acks = [];
  c.backoff = num(ctx.params, 'queryInterval');
  const next = withTx(s, ctx.db, tx, c);
  for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: 'ABORT', tx } });
  effects.push(
    { kind: 'cancelTimer', name: 'votes:' + tx },
    { kind: 'setTimer', name: 'resend:' + tx, after: num(ctx.params, 'queryInterval') },
    { kind: 'send', to: t.client, msg: { type: 'OUTCOME', tx, committed: false } },
  );
  return next;
}

function begin(s: CState, tx: string, parts: NodeId[], client: NodeId, ctx: StepContext, rollback: boolean): R {
  if (ctx.db.has(CT.gtx, tx) || ctx.db.has(CT.log, tx)) return same(s);
  const effects: Effect[] = [];
  let next = withTx(s, ctx.db, tx, { parts, client, votes: {}, acks: [], phase: 'voting', backoff: 0 });
  if (rollback) {
    next = decideAbort(next, tx, ctx, effects, 'decideAbortRequested');
  } else {
    effects.push(note('phase1', { tx, n: parts.length }));
    for (const p of parts) effects.push({ kind: 'send', to: p, msg: { type: phase1Type(ctx), tx, parts } });
    effects.push({ kind: 'setTimer', name: 'votes:' + tx, after: num(ctx.params, 'voteTimeout') });
  }
  next = ensureHeartbeat(next, ctx, effects);
  return { state: next, effects };
}

/** The answer to a participant asking about tx (a late vote or a status query). */
function answer(tx: string, to: NodeId, ctx: StepContext): Effect[] {
  const t = gtxOf(ctx.db, tx);
  if (t) {
    if (t.phase === 'committing' || t.phase === 'done-commit')
      return [{ kind: 'send', to, msg: { type: commitType(ctx), tx } }];
    if (t.phase === 'aborting' || t.phase === 'done-abort') return [{ kind: 'send', to, msg: { type: 'ABORT', tx } }];
    return []; // still deciding
  }
  if (loggedCommit(ctx.db, tx)) return [{ kind: 'send', to, msg: { type: commitType(ctx), tx } }];
  return [{ kind: 'send', to, msg: { type: 'ABORT', tx } }, note('presumedAbort', { tx, p: to })];
}

const phaseDone = (p: CPhase) => (p === 'committing' ? 'done-commit' : 'done-abort');

export function phaseTone(phase: string): Tone {
  if (phase === 'voting' || phase === 'precommit') return 'working';
  if (phase === 'committing' || phase === 'done-commit') return 'committed';
  if (phase === 'aborting' || phase === 'done-abort') return 'aborted';
  return 'idle';
}

export const coordinatorRole = role<CDurable, CVolatile>({
  init: initCoordinator,
  tables: {
    [CT.log]: {
      durable: true,
      view: {
        title: '2pc.table.clog',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'rec', label: '2pc.col.record' },
          { field: 'parts', label: '2pc.col.parts' },
        ],
        tone: (row) => (row.rec === 'COMMIT' ? 'committed' : undefined),
      },
    },
    [CT.open]: { durable: true },
    [CT.gtx]: {
      durable: false,
      view: {
        title: '2pc.table.gtx',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'phase', label: '2pc.col.phase', valueKey: '2pc.status.c' },
          { field: 'votes', label: '2pc.col.votes' },
          { field: 'acks', label: '2pc.col.acks' },
        ],
        tone: (row) => phaseTone(String(row.phase)),
      },
    },
  },
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'start':
      case 'request':
        return same(s);
      case 'recover': {
        const effects: Effect[] = [];
        if (!ctx.guards.decisionLog) return same(s, [note('recoverAmnesia', {}, 'warn')]);
        let next = s;
        // Only committed-but-not-ended transactions need the coordinator again (the `open` table lists them).
        for (const tx of [...ctx.db.keys(CT.open)]) {
          const r = ctx.db.get<CLogRec & Record<string, unknown>>(CT.log, tx) as CLogRec;
          next = withTx(next, ctx.db, tx, {
            parts: r.parts,
            client: 'app',
            votes: {},
            acks: [],
            phase: 'committing',
            backoff: num(ctx.params, 'queryInterval'),
          });
          effects.push(note('recoverResend', { tx }, 'decision'));
          for (const p of r.parts) effects.push({ kind: 'send', to: p, msg: { type: commitType(ctx), tx } });
          effects.push({ kind: 'setTimer', name: 'resend:' + tx, after: num(ctx.params, 'queryInterval') });
        }
        if (!effects.length) effects.push(note('recoverNothing', {}));
        next = ensureHeartbeat(next, ctx, effects);
        return { state: next, effects };
      }
      case 'timer': {
        const [kind, tx] = splitName(input.name);
        if (kind === 'hb') {
          if (s.volatile.active > 0)
            return same(s, [
              { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: false } },
              { kind: 'setTimer', name: 'hb', after: hbInterval(ctx) },
            ]);
          return same(withVolatile(s, { hb: false, active: s.volatile.active }), [
            { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: true } },
          ]);
        }
        const t = gtxOf(ctx.db, tx);
        if (!t) return same(s);
        if (kind === 'votes' && t.phase === 'voting') {
          const effects: Effect[] = [];
          return { state: decideAbort(s, tx, ctx, effects, 'decideAbortTimeout'), effects };
        }
        if (kind === 'acks' && t.phase === 'precommit') {
          // 3PC: not every participant acknowledged PreCommit in time → abort (the conservative choice).
          const effects: Effect[] = [];
          return { state: decideAbort(s, tx, ctx, effects, 'decideAbortPrecommitTimeout'), effects };
        }
        if (kind === 'resend' && (t.phase === 'committing' || t.phase === 'aborting')) {
          const type = t.phase === 'committing' ? commitType(ctx) : 'ABORT';
          const effects: Effect[] = [];
          for (const p of t.parts) if (!t.acks.includes(p)) effects.push({ kind: 'send', to: p, msg: { type, tx } });
          const base = num(ctx.params, 'queryInterval');
          const c = copyTx(t);
          c.backoff = Math.min((t.backoff || base) * 2, base * 8);
          effects.push({ kind: 'setTimer', name: 'resend:' + tx, after: c.backoff });
          return same(withTx(s, ctx.db, tx, c), effects);
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        const t = gtxOf(ctx.db, tx);
        switch (m.type) {
          case 'COMMIT_REQ':
          case 'ROLLBACK_REQ': {
            const parts = Array.isArray(m.parts) ? m.parts.map(String) : [];
            return begin(s, tx, parts, input.from, ctx, m.type === 'ROLLBACK_REQ');
          }
          case 'VOTE': {
            if (!t) return same(s, answer(tx, input.from, ctx));
            // A late or duplicate vote: the decision is already on its way (and re-sent until acknowledged).
            if (t.phase !== 'voting') return same(s);
            const c = copyTx(t);
            // a new key: Object.assign, not a spread (see copyTx)
            const votes = (c.votes = Object.assign({}, t.votes));
            votes[input.from] = !!m.yes;
            let next = withTx(s, ctx.db, tx, c);
            const effects: Effect[] = [];
            if (!m.yes) {
              next = decideAbort(next, tx, ctx, effects, 'decideAbortNo');
              return { state: next, effects };
            }
            if (t.parts.every((p) => votes[p])) {
              effects.push({ kind: 'cancelTimer', name: 'votes:' + tx });
              if (isThreePC(ctx)) {
                const pre = copyTx(gtxOf(ctx.db, tx) as CTx);
                pre.phase = 'precommit';
                pre.acks = [];
                next = withTx(next, ctx.db, tx, pre);
                effects.push(note('precommit3pc', { tx }));
                for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: 'PRECOMMIT', tx } });
                effects.push({ kind: 'setTimer', name: 'acks:' + tx, after: num(ctx.params, 'voteTimeout') });
              } else next = decideCommit(next, tx, ctx, effects);
            }
            return { state: next, effects };
          }
          case 'PRECOMMIT_ACK': {
            if (!t || t.phase !== 'precommit' || t.acks.includes(input.from)) return same(s);
            const c = copyTx(t);
            c.acks = [...t.acks, input.from];
            let next = withTx(s, ctx.db, tx, c);
            const effects: Effect[] = [];
            if (allIn(t.parts, c.acks)) {
              effects.push({ kind: 'cancelTimer', name: 'acks:' + tx });
              next = decideCommit(next, tx, ctx, effects);
            }
            return { state: next, effects };
          }
          case 'ACK': {
            if (!t || (t.phase !== 'committing' && t.phase !== 'aborting') || t.acks.includes(input.from))
              return same(s);
            const c = copyTx(t);
            c.acks = [...t.acks, input.from];
            if (!allIn(t.parts, c.acks)) return same(withTx(s, ctx.db, tx, c));
            c.phase = phaseDone(t.phase);
            let next = withTx(s, ctx.db, tx, c);
            const effects: Effect[] = [{ kind: 'cancelTimer', name: 'resend:' + tx }, note('allAcked', { tx })];
            if (t.phase === 'committing' && ctx.guards.decisionLog) {
              next = log(next, ctx.db, tx, { rec: 'END', parts: t.parts });
            }
            return { state: next, effects };
          }
          case 'QUERY':
            return same(s, answer(tx, input.from, ctx));
          default:
            return same(s);
        }
      }
    }
  },
});
