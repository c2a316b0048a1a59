/**
 * The TCC transaction manager (dtm server / Seata TC): a durable global-transaction log (gid, branches, phase).
 * Try on every branch; all ok → Confirm on all, a Try failed or timed out → Cancel on all. The decision is written to
 * the log before any Confirm/Cancel is sent; Confirm/Cancel are retried until every branch answers ok, the interval
 * doubling after each retry round (dtm dtmsvr/config/config.go: RetryInterval 10 s, doubled after a failed retry,
 * reset after a success). After a crash the log is all that is left: recovery resumes what it says.
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Effect, NodeState, StepContext } from '../../engine/types';

export type TccPhase = 'trying' | 'confirming' | 'cancelling' | 'confirmed' | 'cancelled';
export type TccBranchState = 'registered' | 'tried' | 'tryFailed' | 'confirmed' | 'cancelled';

export interface TccGlobalTx {
  gid: string;
  amount: number;
  client: string;
  phase: TccPhase;
  branches: Record<string, TccBranchState>;
  /** Virtual time at which a transaction still trying is cancelled (dtm TimeoutToFail). */
  deadline: number;
  /** Current retry interval (dtm keeps next_cron_interval in its store). */
  interval: number;
  retries: number;
}

export interface TmDurable {
  txs: Record<string, TccGlobalTx>;
}
export interface TmVolatile {
  /** Requests sent in this incarnation and not answered yet, as "TYPE→branch". */
  awaiting: string[];
}
export type TmState = NodeState<TmDurable, TmVolatile>;

export const BRANCHES = ['bob', 'smith'] as const;

const retryTimer = (gid: string) => `retry:${gid}`;
const timeoutTimer = (gid: string) => `timeout:${gid}`;

function put(s: TmState, tx: TccGlobalTx, awaiting: string[] = s.volatile.awaiting): TmState {
  return { durable: { txs: { ...s.durable.txs, [tx.gid]: tx } }, volatile: { awaiting } };
}

function sendAll(tx: TccGlobalTx, type: string, only: (b: string) => boolean): { effects: Effect[]; sent: string[] } {
  const effects: Effect[] = [];
  const sent: string[] = [];
  for (const b of Object.keys(tx.branches)) {
    if (!only(b)) continue;
    effects.push({ kind: 'send', to: b, msg: { type, tx: tx.gid, amount: tx.amount } });
    sent.push(`${type}→${b}`);
  }
  return { effects, sent };
}

const finished = (phase: TccPhase, b: TccBranchState) =>
  phase === 'confirming' ? b === 'confirmed' : phase === 'cancelling' ? b === 'cancelled' : true;

/** Decide: write the phase, stop the try timeout, send phase-two requests to all branches, arm the retry timer. */
function decide(s: TmState, tx: TccGlobalTx, phase: 'confirming' | 'cancelling', noteKey: string, ctx: StepContext) {
  const next: TccGlobalTx = { ...tx, phase, interval: Number(ctx.params.retryInterval) };
  const type = phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
  const { effects, sent } = sendAll(next, type, () => true);
  return {
    state: put(s, next, [...s.volatile.awaiting.filter((a) => !a.startsWith('TRY')), ...sent]),
    effects: [
      { kind: 'note', key: noteKey, params: { gid: tx.gid }, tag: 'decision' },
      { kind: 'cancelTimer', name: timeoutTimer(tx.gid) },
      ...effects,
      { kind: 'setTimer', name: retryTimer(tx.gid), after: next.interval },
    ] as Effect[],
  };
}

export const tmRole: RoleDef<TmDurable, TmVolatile> = {
  init: () => ({ durable: { txs: {} }, volatile: { awaiting: [] } }),
  step(s, input, ctx) {
    if (input.kind === 'recover') {
      const effects: Effect[] = [];
      const awaiting: string[] = [];
      for (const tx of Object.values(s.durable.txs)) {
        if (tx.phase === 'trying') {
          effects.push(
            { kind: 'note', key: 'tcc.note.recoverTrying', params: { gid: tx.gid }, tag: 'decision' },
            { kind: 'setTimer', name: timeoutTimer(tx.gid), after: Math.max(0, tx.deadline - ctx.now) },
          );
        } else if (tx.phase === 'confirming' || tx.phase === 'cancelling') {
          const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
          const r = sendAll(tx, type, (b) => !finished(tx.phase, tx.branches[b]));
          effects.push(
            { kind: 'note', key: `tcc.note.recover.${tx.phase}`, params: { gid: tx.gid }, tag: 'decision' },
            ...r.effects,
            { kind: 'setTimer', name: retryTimer(tx.gid), after: tx.interval },
          );
          awaiting.push(...r.sent);
        }
      }
      return { state: { ...s, volatile: { awaiting } }, effects };
    }

    if (input.kind === 'timer') {
      const [kind, gid] = input.name.split(':');
      const tx = s.durable.txs[gid];
      if (!tx) return same(s);
      if (kind === 'timeout' && tx.phase === 'trying')
        return decide(s, tx, 'cancelling', 'tcc.note.decideCancelTimeout', ctx);
      if (kind === 'retry' && (tx.phase === 'confirming' || tx.phase === 'cancelling')) {
        const type = tx.phase === 'confirming' ? 'CONFIRM' : 'CANCEL';
        const next: TccGlobalTx = { ...tx, retries: tx.retries + 1, interval: tx.interval * 2 };
        const r = sendAll(next, type, (b) => !finished(tx.phase, tx.branches[b]));
        return {
          state: put(s, next, [...s.volatile.awaiting.filter((a) => !a.startsWith(type)), ...r.sent]),
          effects: [
            {
              kind: 'note',
              key: 'tcc.note.retry',
              params: { gid, n: next.retries, next: next.interval },
              tag: 'block',
            },
            ...r.effects,
            { kind: 'setTimer', name: retryTimer(gid), after: next.interval },
          ],
        };
      }
      return same(s);
    }

    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const from = input.from;
    const gid = String(m.tx);

    if (m.type === 'BEGIN') {
      if (s.durable.txs[gid]) return same(s); // a duplicated BEGIN: the gid is already logged
      const tx: TccGlobalTx = {
        gid,
        amount: Number(m.amount),
        client: from,
        phase: 'trying',
        branches: Object.fromEntries(BRANCHES.map((b) => [b, 'registered' as TccBranchState])),
        deadline: ctx.now + Number(ctx.params.tryTimeout),
        interval: Number(ctx.params.retryInterval),
        retries: 0,
      };
      const r = sendAll(tx, 'TRY', () => true);
      return {
        state: put(s, tx, [...s.volatile.awaiting, ...r.sent]),
        effects: [
          { kind: 'note', key: 'tcc.note.begin', params: { gid, amount: tx.amount }, tag: 'info' },
          ...r.effects,
          { kind: 'setTimer', name: timeoutTimer(gid), after: Number(ctx.params.tryTimeout) },
        ],
      };
    }

    const tx = s.durable.txs[gid];
    if (!tx || !(from in tx.branches)) return same(s);
    const answered = s.volatile.awaiting.filter((a) => a !== `${m.type.replace(/_(OK|FAIL)$/, '')}→${from}`);

    switch (m.type) {
      case 'TRY_OK': {
        if (tx.phase !== 'trying' || tx.branches[from] !== 'registered') return same(s);
        const next: TccGlobalTx = { ...tx, branches: { ...tx.branches, [from]: 'tried' } };
        const s2 = put(s, next, answered);
        if (Object.values(next.branches).every((b) => b === 'tried')) {
          return decide(s2, next, 'confirming', 'tcc.note.decideConfirm', ctx);
        }
        return same(s2);
      }
      case 'TRY_FAIL': {
        if (tx.phase !== 'trying') return same(s);
        const next: TccGlobalTx = { ...tx, branches: { ...tx.branches, [from]: 'tryFailed' } };
        return decide(put(s, next, answered), next, 'cancelling', 'tcc.note.decideCancelTryFailed', ctx);
      }
      case 'CONFIRM_OK':
      case 'CANCEL_OK': {
        const phase = m.type === 'CONFIRM_OK' ? 'confirming' : 'cancelling';
        if (tx.phase !== phase || finished(phase, tx.branches[from])) return same(s, []);
        const bs: TccBranchState = phase === 'confirming' ? 'confirmed' : 'cancelled';
        const next: TccGlobalTx = {
          ...tx,
          branches: { ...tx.branches, [from]: bs },
          interval: Number(ctx.params.retryInterval),
        };
        if (!Object.values(next.branches).every((b) => b === bs)) return same(put(s, next, answered));
        const done: TccGlobalTx = { ...next, phase: phase === 'confirming' ? 'confirmed' : 'cancelled' };
        return {
          state: put(s, done, answered),
          effects: [
            { kind: 'cancelTimer', name: retryTimer(gid) },
            { kind: 'note', key: `tcc.note.finished.${done.phase}`, params: { gid }, tag: 'decision' },
            { kind: 'send', to: tx.client, msg: { type: 'RESULT', tx: gid, outcome: done.phase } },
          ],
        };
      }
      case 'CONFIRM_FAIL':
      case 'CANCEL_FAIL':
        return {
          state: { ...s, volatile: { awaiting: answered } },
          effects: [
            {
              kind: 'note',
              key: 'tcc.note.branchError',
              params: { gid, node: from, op: m.type.slice(0, -5) },
              tag: 'block',
            },
          ],
        };
    }
    return same(s);
  },
};
