/**
 * The standby coordinator C2. It watches the coordinator's heartbeats (a lease, like a ZooKeeper session) and
 * takes over after `takeoverTimeout` of silence while C had unfinished work. It has no access to C's log (S-2PC-2),
 * so all it can do is ask the participants — cooperative termination in effect: any committed → commit, any aborted
 * or not yet voted → abort, all reachable prepared → it cannot decide (2PC) and keeps asking. Under 3PC it runs
 * 3PC's termination rule instead: any precommitted → commit, none → abort.
 */
import { role, same } from '../../engine/pattern';
import type { Effect, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import {
  commitType,
  isThreePC,
  num,
  participantIds,
  type PLocalSt,
  type SDurable,
  type SState,
  type STx,
  type SVolatile,
} from './types';

type R = StepResult<SDurable, SVolatile>;

export function initStandby(): SState {
  return { durable: { decisions: {} }, volatile: { watching: false, active: false, txs: {}, backoff: 0 } };
}

const settled = (st: PLocalSt | undefined) => st === 'committed' || st === 'aborted';

function decide(
  s: SState,
  tx: string,
  d: 'commit' | 'abort',
  ctx: StepContext,
  effects: Effect[],
  why: string,
): SState {
  const t = s.volatile.txs[tx];
  effects.push(note(why, { tx }, 'decision'));
  for (const p of t.parts) {
    if (!settled(t.states[p]))
      effects.push({ kind: 'send', to: p, msg: { type: d === 'commit' ? commitType(ctx) : 'ABORT', tx } });
  }
  return {
    durable: { decisions: { ...s.durable.decisions, [tx]: d } },
    volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ...t, decided: d } } },
  };
}

/** Apply what is known so far: decide when the answers settle it. */
function evaluate(s0: SState, ctx: StepContext, effects: Effect[], final: boolean): SState {
  let s = s0;
  for (const [tx, t] of Object.entries(s.volatile.txs)) {
    if (t.decided || s.durable.decisions[tx] || !t.parts.length) continue;
    const sts = t.parts.map((p) => t.states[p]);
    if (sts.includes('committed')) s = decide(s, tx, 'commit', ctx, effects, 'c2Commit');
    else if (sts.includes('aborted')) s = decide(s, tx, 'abort', ctx, effects, 'c2Abort');
    else if (final && isThreePC(ctx)) {
      if (sts.includes('precommitted')) s = decide(s, tx, 'commit', ctx, effects, 'c2Commit3pc');
      else s = decide(s, tx, 'abort', ctx, effects, 'c2Abort3pc');
    } else if (final && !t.stuck) {
      effects.push(note('c2CannotDecide', { tx }, 'block'));
      s = { ...s, volatile: { ...s.volatile, txs: { ...s.volatile.txs, [tx]: { ...t, stuck: true } } } };
    }
  }
  return s;
}

/** Ask every participant what it knows (the only source a new coordinator has without the old one's log). */
function ask(ctx: StepContext, effects: Effect[]): void {
  for (const p of participantIds(ctx)) effects.push({ kind: 'send', to: p, msg: { type: 'STATE_REQ' } });
}

export const standbyRole = role<SDurable, SVolatile>({
  init: initStandby,
  step(s, input, ctx): R {
    switch (input.kind) {
      case 'start':
      case 'request':
      case 'recover':
        return same(s);
      case 'timer': {
        if (input.name === 'takeover') {
          const effects: Effect[] = [note('takeover', {}, 'warn')];
          ask(ctx, effects);
          const base = num(ctx.params, 'queryInterval');
          effects.push({ kind: 'setTimer', name: 'round', after: num(ctx.params, 'voteTimeout') });
          return same({ ...s, volatile: { ...s.volatile, active: true, watching: false, backoff: base } }, effects);
        }
        if (input.name === 'round') {
          const effects: Effect[] = [];
          let next = evaluate(s, ctx, effects, true);
          // Re-ask while some participant has not reached a final state (a decision sent may have been lost,
          // a crashed participant may come back and know the outcome). A participant that has never heard of an
          // undecided transaction is asked about it by name: it then records an abort (it never voted yes).
          const open = Object.values(next.volatile.txs).some((t) => t.parts.some((p) => !settled(t.states[p])));
          if (open) {
            const base = num(ctx.params, 'queryInterval');
            ask(ctx, effects);
            for (const [tx, t] of Object.entries(next.volatile.txs)) {
              if (t.decided) continue;
              for (const p of t.parts) {
                if (t.states[p] === 'none' || t.states[p] === 'working')
                  effects.push({ kind: 'send', to: p, msg: { type: 'STATE_REQ', tx } });
              }
            }
            const b = Math.min((next.volatile.backoff || base) * 2, base * 8);
            next = { ...next, volatile: { ...next.volatile, backoff: b } };
            effects.push({ kind: 'setTimer', name: 'round', after: b });
          }
          return { state: next, effects };
        }
        return same(s);
      }
      case 'deliver': {
        const m = input.msg;
        if (m.type === 'HB') {
          if (s.volatile.active) return same(s);
          if (m.idle)
            return same({ ...s, volatile: { ...s.volatile, watching: false } }, [
              { kind: 'cancelTimer', name: 'takeover' },
            ]);
          return same({ ...s, volatile: { ...s.volatile, watching: true } }, [
            { kind: 'setTimer', name: 'takeover', after: num(ctx.params, 'takeoverTimeout') },
          ]);
        }
        if (m.type === 'STATE' && s.volatile.active) {
          const rep = (m.txs ?? {}) as Record<string, { st: PLocalSt; parts: NodeId[] }>;
          let txs = { ...s.volatile.txs };
          for (const [tx, r] of Object.entries(rep)) {
            const cur: STx = txs[tx] ?? { parts: r.parts, states: {}, decided: null, stuck: false };
            const parts = cur.parts.length ? cur.parts : r.parts;
            txs = { ...txs, [tx]: { ...cur, parts, states: { ...cur.states, [input.from]: r.st } } };
          }
          // A participant that reported without a transaction it belongs to does not know it (yet): the next round
          // asks it by name, which makes it abort (it cannot have voted yes).
          for (const [tx, t] of Object.entries(txs)) {
            if (t.parts.includes(input.from) && !rep[tx] && !t.states[input.from]) {
              txs = { ...txs, [tx]: { ...t, states: { ...t.states, [input.from]: 'none' } } };
            }
          }
          const effects: Effect[] = [];
          const next = evaluate({ ...s, volatile: { ...s.volatile, txs } }, ctx, effects, false);
          // Re-send a decision to a participant that is still in doubt.
          for (const [tx, r] of Object.entries(rep)) {
            const d = next.durable.decisions[tx];
            if (
              d &&
              (r.st === 'prepared' || r.st === 'precommitted') &&
              !effects.some((e) => e.kind === 'send' && e.msg.tx === tx)
            ) {
              effects.push({
                kind: 'send',
                to: input.from,
                msg: { type: d === 'commit' ? commitType(ctx) : 'ABORT', tx },
              });
            }
          }
          return { state: next, effects };
        }
        if (m.type === 'QUERY') {
          const tx = String(m.tx ?? '');
          const d = s.durable.decisions[tx];
          if (d)
            return same(s, [
              { kind: 'send', to: input.from, msg: { type: d === 'commit' ? commitType(ctx) : 'ABORT', tx } },
            ]);
          return same(s);
        }
        return same(s);
      }
    }
  },
});
