/**
 * The coordinator (XA transaction manager). Phase 1: PREPARE to every participant, collect votes with a timeout.
 * Phase 2: commit only if all voted yes. With the `decisionLog` guard it force-writes COMMIT to its durable log before
 * sending it (presumed abort: no record → abort; Mohan, Lindsay & Obermarck, "Transaction Management in the R*
 * Distributed Database Management System", TODS 1986). It retries the decision until every participant acknowledges,
 * and answers participants' status queries. With the `threePC` guard it runs CanCommit / PreCommit / DoCommit.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import { splitName } from './participant';
import {
  commitType,
  isThreePC,
  num,
  phase1Type,
  STANDBY,
  type CDurable,
  type CPhase,
  type CState,
  type CTx,
  type CVolatile,
} from './types';

type R = StepResult<CDurable, CVolatile>;

export function initCoordinator(): CState {
  return { durable: { log: [] }, volatile: { txs: {}, hb: false } };
}

export function loggedCommit(s: CState, tx: string): boolean {
  return s.durable.log.some((r) => r.tx === tx && r.rec === 'COMMIT');
}

/** Work the standby would have to finish: undecided or committing (an abort needs nobody: presumed abort). */
const active = (v: CVolatile) =>
  Object.values(v.txs).some((t) => t.phase === 'voting' || t.phase === 'precommit' || t.phase === 'committing');

function withTx(s: CState, tx: string, t: CTx): CState {
  return { ...s, volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: t } } };
}

/** Start heartbeats to the standby while there is unfinished work (its lease; the standby takes over on silence). */
function ensureHeartbeat(s: CState, ctx: StepContext, effects: Effect[]): CState {
  if (s.volatile.hb || !active(s.volatile) || !ctx.guards.reElection) return s;
  effects.push(
    { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: false } },
    { kind: 'setTimer', name: 'hb', after: hbInterval(ctx) },
  );
  return { ...s, volatile: { ...s.volatile, hb: true } };
}

export const hbInterval = (ctx: StepContext) => Math.max(1, Math.floor(num(ctx.params, 'takeoverTimeout') / 2));

function decideCommit(s: CState, tx: string, ctx: StepContext, effects: Effect[]): CState {
  const t = s.volatile.txs[tx];
  let next = s;
  if (ctx.guards.decisionLog) {
    // Force-write before the first COMMIT leaves (the write-ahead rule of 2PC).
    next = { ...next, durable: { log: [...next.durable.log, { tx, rec: 'COMMIT', parts: t.parts }] } };
    effects.push(note('logCommit', { tx }));
  }
  effects.push(note('decideCommit', { tx }, 'decision'));
  next = withTx(next, tx, { ...t, phase: 'committing', acks: [], backoff: num(ctx.params, 'queryInterval') });
  for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: commitType(ctx), tx } });
  effects.push(
    { kind: 'setTimer', name: 'resend:' + tx, after: num(ctx.params, 'queryInterval') },
    { kind: 'send', to: t.client, msg: { type: 'OUTCOME', tx, committed: true } },
  );
  return next;
}

function decideAbort(s: CState, tx: string, ctx: StepContext, effects: Effect[], why: string): CState {
  const t = s.volatile.txs[tx];
  // Presumed abort: nothing is logged for an abort.
  effects.push(note(why, { tx }, 'decision'));
  const next = withTx(s, tx, { ...t, phase: 'aborting', acks: [], backoff: num(ctx.params, 'queryInterval') });
  for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: 'ABORT', tx } });
  effects.push(
    { kind: 'cancelTimer', name: 'votes:' + tx },
    { kind: 'setTimer', name: 'resend:' + tx, after: num(ctx.params, 'queryInterval') },
    { kind: 'send', to: t.client, msg: { type: 'OUTCOME', tx, committed: false } },
  );
  return next;
}

function begin(s: CState, tx: string, parts: NodeId[], client: NodeId, ctx: StepContext, rollback: boolean): R {
  if (s.volatile.txs[tx] || s.durable.log.some((r) => r.tx === tx)) return same(s);
  const effects: Effect[] = [];
  let next = withTx(s, tx, { parts, client, votes: {}, acks: [], phase: 'voting', backoff: 0 });
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
function answer(s: CState, tx: string, to: NodeId, ctx: StepContext): Effect[] {
  const t = s.volatile.txs[tx];
  if (t) {
    if (t.phase === 'committing' || t.phase === 'done-commit')
      return [{ kind: 'send', to, msg: { type: commitType(ctx), tx } }];
    if (t.phase === 'aborting' || t.phase === 'done-abort') return [{ kind: 'send', to, msg: { type: 'ABORT', tx } }];
    return []; // still deciding
  }
  if (loggedCommit(s, tx)) return [{ kind: 'send', to, msg: { type: commitType(ctx), tx } }];
  return [{ kind: 'send', to, msg: { type: 'ABORT', tx } }, note('presumedAbort', { tx, p: to })];
}

const phaseDone = (p: CPhase) => (p === 'committing' ? 'done-commit' : 'done-abort');

export const coordinatorRole = role<CDurable, CVolatile>({
  init: initCoordinator,
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'start':
      case 'request':
        return same(s);
      case 'recover': {
        const effects: Effect[] = [];
        if (!ctx.guards.decisionLog) return same(s, [note('recoverAmnesia', {}, 'warn')]);
        let next = s;
        const ended = new Set(s.durable.log.filter((r) => r.rec === 'END').map((r) => r.tx));
        for (const r of s.durable.log) {
          if (r.rec !== 'COMMIT' || ended.has(r.tx)) continue;
          next = withTx(next, r.tx, {
            parts: r.parts,
            client: 'app',
            votes: {},
            acks: [],
            phase: 'committing',
            backoff: num(ctx.params, 'queryInterval'),
          });
          effects.push(note('recoverResend', { tx: r.tx }, 'decision'));
          for (const p of r.parts) effects.push({ kind: 'send', to: p, msg: { type: commitType(ctx), tx: r.tx } });
          effects.push({ kind: 'setTimer', name: 'resend:' + r.tx, after: num(ctx.params, 'queryInterval') });
        }
        if (!effects.length) effects.push(note('recoverNothing', {}));
        next = ensureHeartbeat(next, ctx, effects);
        return { state: next, effects };
      }
      case 'timer': {
        const [kind, tx] = splitName(input.name);
        if (kind === 'hb') {
          if (active(s.volatile))
            return same(s, [
              { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: false } },
              { kind: 'setTimer', name: 'hb', after: hbInterval(ctx) },
            ]);
          return same({ ...s, volatile: { ...s.volatile, hb: false } }, [
            { kind: 'send', to: STANDBY, msg: { type: 'HB', idle: true } },
          ]);
        }
        const t = s.volatile.txs[tx];
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
          const effects: Effect[] = t.parts
            .filter((p) => !t.acks.includes(p))
            .map((p) => ({ kind: 'send', to: p, msg: { type, tx } }) as Effect);
          const base = num(ctx.params, 'queryInterval');
          const b = Math.min((t.backoff || base) * 2, base * 8);
          effects.push({ kind: 'setTimer', name: 'resend:' + tx, after: b });
          return same(withTx(s, tx, { ...t, backoff: b }), effects);
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        const tx = String(m.tx ?? '');
        const t = s.volatile.txs[tx];
        switch (m.type) {
          case 'COMMIT_REQ':
          case 'ROLLBACK_REQ': {
            const parts = Array.isArray(m.parts) ? m.parts.map(String) : [];
            return begin(s, tx, parts, input.from, ctx, m.type === 'ROLLBACK_REQ');
          }
          case 'VOTE': {
            if (!t) return same(s, answer(s, tx, input.from, ctx));
            // A late or duplicate vote: the decision is already on its way (and re-sent until acknowledged).
            if (t.phase !== 'voting') return same(s);
            const votes = { ...t.votes, [input.from]: !!m.yes };
            let next = withTx(s, tx, { ...t, votes });
            const effects: Effect[] = [];
            if (!m.yes) {
              next = decideAbort(next, tx, ctx, effects, 'decideAbortNo');
              return { state: next, effects };
            }
            if (t.parts.every((p) => votes[p])) {
              effects.push({ kind: 'cancelTimer', name: 'votes:' + tx });
              if (isThreePC(ctx)) {
                next = withTx(next, tx, { ...next.volatile.txs[tx], phase: 'precommit', acks: [] });
                effects.push(note('precommit3pc', { tx }));
                for (const p of t.parts) effects.push({ kind: 'send', to: p, msg: { type: 'PRECOMMIT', tx } });
                effects.push({ kind: 'setTimer', name: 'acks:' + tx, after: num(ctx.params, 'voteTimeout') });
              } else next = decideCommit(next, tx, ctx, effects);
            }
            return { state: next, effects };
          }
          case 'PRECOMMIT_ACK': {
            if (!t || t.phase !== 'precommit' || t.acks.includes(input.from)) return same(s);
            const acks = [...t.acks, input.from];
            let next = withTx(s, tx, { ...t, acks });
            const effects: Effect[] = [];
            if (t.parts.every((p) => acks.includes(p))) {
              effects.push({ kind: 'cancelTimer', name: 'acks:' + tx });
              next = decideCommit(next, tx, ctx, effects);
            }
            return { state: next, effects };
          }
          case 'ACK': {
            if (!t || (t.phase !== 'committing' && t.phase !== 'aborting') || t.acks.includes(input.from))
              return same(s);
            const acks = [...t.acks, input.from];
            if (!t.parts.every((p) => acks.includes(p))) return same(withTx(s, tx, { ...t, acks }));
            let next = withTx(s, tx, { ...t, acks, phase: phaseDone(t.phase) });
            const effects: Effect[] = [{ kind: 'cancelTimer', name: 'resend:' + tx }, note('allAcked', { tx })];
            if (t.phase === 'committing' && ctx.guards.decisionLog) {
              next = { ...next, durable: { log: [...next.durable.log, { tx, rec: 'END', parts: t.parts }] } };
            }
            return { state: next, effects };
          }
          case 'QUERY':
            return same(s, answer(s, tx, input.from, ctx));
          default:
            return same(s);
        }
      }
    }
  },
});
