/**
 * The standby coordinator C2. It watches the coordinator's heartbeats (a lease, like a ZooKeeper session) and
 * takes over after `takeoverTimeout` of silence while C had unfinished work. It has no access to C's log (S-2PC-2),
 * so all it can do is ask the participants — cooperative termination in effect: any committed → commit, any aborted
 * or not yet voted → abort, all reachable prepared → it cannot decide (2PC) and keeps asking. Under 3PC it runs
 * 3PC's termination rule instead: any precommitted → commit, none → abort.
 */
import { role, same } from '../../engine/pattern';
import type { Db, Effect, NodeId, StepContext, StepResult } from '../../engine/types';
import { note } from './notes';
import {
  commitType,
  isThreePC,
  num,
  participantIds,
  ST,
  type PLocalSt,
  type SDurable,
  type SState,
  type STx,
  type SVolatile,
} from './types';

type R = StepResult<SDurable, SVolatile>;

export function initStandby(): SState {
  return { durable: {}, volatile: { watching: false, active: false, backoff: 0 } };
}

const stx = (db: Pick<Db, 'get'>, tx: string) => db.get<STx & Record<string, unknown>>(ST.txs, tx);
const decisionOf = (db: Pick<Db, 'get'>, tx: string) => db.get<{ d: 'commit' | 'abort' }>(ST.decisions, tx)?.d;
const putTx = (db: Db, tx: string, t: STx) => db.put(ST.txs, tx, t as unknown as Record<string, unknown>);

/**
 * The standby's state and learned rows copied as object literals: a spread of a spread-made object (or one that adds
 * a key) gets a hidden class of its own in Node 20 (V8 11).
 */
const withVolatile = (s: SState, watching: boolean, active: boolean, backoff: number): SState => ({
  durable: s.durable,
  volatile: { watching, active, backoff },
});
const copyTx = (t: STx): STx => ({ parts: t.parts, states: t.states, decided: t.decided, stuck: t.stuck });
/** `t` with participant p's reported state. */
function withState(t: STx, parts: NodeId[], p: NodeId, st: PLocalSt): STx {
  const c = copyTx(t);
  c.parts = parts;
  c.states = Object.assign({}, t.states);
  c.states[p] = st;
  return c;
}

const settled = (st: PLocalSt | undefined) => st === 'committed' || st === 'aborted';

function decide(tx: string, d: 'commit' | 'abort', ctx: StepContext, effects: Effect[], why: string): void {
  const t = stx(ctx.db, tx) as STx;
  effects.push(note(why, { tx }, 'decision'));
  for (const p of t.parts) {
    if (!settled(t.states[p]))
      effects.push({ kind: 'send', to: p, msg: { type: d === 'commit' ? commitType(ctx) : 'ABORT', tx } });
  }
  ctx.db.put(ST.decisions, tx, { d });
  const c = copyTx(t);
  c.decided = d;
  putTx(ctx.db, tx, c);
}

/**
 * Apply what is known so far: decide when the answers settle it. A takeover works through every transaction the
 * participants reported (the failure path: a new coordinator reads what everyone knows once, then per round).
 */
function evaluate(ctx: StepContext, effects: Effect[], final: boolean): void {
  const db = ctx.db;
  for (const tx of [...db.keys(ST.txs)]) {
    const t = stx(db, tx) as STx;
    if (t.decided || decisionOf(db, tx) || !t.parts.length) continue;
    const sts = t.parts.map((p) => t.states[p]);
    if (sts.includes('committed')) decide(tx, 'commit', ctx, effects, 'c2Commit');
    else if (sts.includes('aborted')) decide(tx, 'abort', ctx, effects, 'c2Abort');
    else if (final && isThreePC(ctx)) {
      if (sts.includes('precommitted')) decide(tx, 'commit', ctx, effects, 'c2Commit3pc');
      else decide(tx, 'abort', ctx, effects, 'c2Abort3pc');
    } else if (final && !t.stuck) {
      effects.push(note('c2CannotDecide', { tx }, 'block'));
      const c = copyTx(t);
      c.stuck = true;
      putTx(db, tx, c);
    }
  }
}

/** Ask every participant what it knows (the only source a new coordinator has without the old one's log). */
function ask(ctx: StepContext, effects: Effect[]): void {
  for (const p of participantIds(ctx)) effects.push({ kind: 'send', to: p, msg: { type: 'STATE_REQ' } });
}

export const standbyRole = role<SDurable, SVolatile>({
  init: initStandby,
  tables: {
    [ST.decisions]: {
      durable: true,
      view: {
        title: '2pc.table.decisions',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'd', label: '2pc.col.decision' },
        ],
      },
    },
    [ST.txs]: {
      durable: false,
      view: {
        title: '2pc.table.learned',
        columns: [
          { field: '$key', label: '2pc.col.tx' },
          { field: 'states', label: '2pc.col.states' },
          { field: 'decided', label: '2pc.col.decision' },
        ],
        tone: (row) => (row.stuck && !row.decided ? 'blocked' : undefined),
      },
    },
  },
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
          return same(withVolatile(s, false, true, base), effects);
        }
        if (input.name === 'round') {
          const effects: Effect[] = [];
          const db = ctx.db;
          evaluate(ctx, effects, true);
          let next = s;
          // Re-ask while some participant has not reached a final state (a decision sent may have been lost,
          // a crashed participant may come back and know the outcome). A participant that has never heard of an
          // undecided transaction is asked about it by name: it then records an abort (it never voted yes).
          const txs = [...db.keys(ST.txs)].map((tx) => [tx, stx(db, tx) as STx] as const);
          const open = txs.some(([, t]) => t.parts.some((p) => !settled(t.states[p])));
          if (open) {
            const base = num(ctx.params, 'queryInterval');
            ask(ctx, effects);
            for (const [tx, t] of txs) {
              if (t.decided) continue;
              for (const p of t.parts) {
                if (t.states[p] === 'none' || t.states[p] === 'working')
                  effects.push({ kind: 'send', to: p, msg: { type: 'STATE_REQ', tx } });
              }
            }
            const b = Math.min((next.volatile.backoff || base) * 2, base * 8);
            next = withVolatile(next, next.volatile.watching, next.volatile.active, b);
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
            return same(withVolatile(s, false, s.volatile.active, s.volatile.backoff), [
              { kind: 'cancelTimer', name: 'takeover' },
            ]);
          return same(withVolatile(s, true, s.volatile.active, s.volatile.backoff), [
            { kind: 'setTimer', name: 'takeover', after: num(ctx.params, 'takeoverTimeout') },
          ]);
        }
        if (m.type === 'STATE' && s.volatile.active) {
          const db = ctx.db;
          const rep = (m.txs ?? {}) as Record<string, { st: PLocalSt; parts: NodeId[] }>;
          for (const [tx, r] of Object.entries(rep)) {
            const cur: STx = stx(db, tx) ?? { parts: r.parts, states: {}, decided: null, stuck: false };
            const parts = cur.parts.length ? cur.parts : r.parts;
            putTx(db, tx, withState(cur, parts, input.from, r.st));
          }
          // A participant that reported without a transaction it belongs to does not know it (yet): the next round
          // asks it by name, which makes it abort (it cannot have voted yes).
          for (const tx of [...db.keys(ST.txs)]) {
            const t = stx(db, tx) as STx;
            if (t.parts.includes(input.from) && !Object.hasOwn(rep, tx) && !t.states[input.from]) {
              putTx(db, tx, withState(t, t.parts, input.from, 'none'));
            }
          }
          const effects: Effect[] = [];
          evaluate(ctx, effects, false);
          const next = s;
          // Re-send a decision to a participant that is still in doubt.
          for (const [tx, r] of Object.entries(rep)) {
            const d = decisionOf(db, tx);
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
          const d = decisionOf(ctx.db, tx);
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
