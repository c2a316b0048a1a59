/**
 * The orchestrating Saga coordinator (dtm's saga / Seata's state-machine engine): a durable log per saga (gid, steps,
 * each step's state, phase). Forward steps run one at a time in order; a step whose action answers FAILURE turns the
 * saga around: compensations run in reverse order over every step whose action was attempted — including the failed
 * one, whose local transaction may or may not have run (so a compensation must tolerate an empty compensation, as in
 * dtm's barrier, which treats compensate like cancel). Actions and compensations without an answer (lost request or
 * reply, transient error) are retried with dtm's doubling interval (dtmsvr/config/config.go RetryInterval 10 s).
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Effect, NodeState, StepContext } from '../../engine/types';

export type SagaPhase = 'forward' | 'compensating' | 'succeeded' | 'aborted';
export type StepState = 'none' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';

export interface SagaTx {
  gid: string;
  amount: number;
  client: string;
  /** Branch (account service) of each step, in forward order. */
  steps: string[];
  st: StepState[];
  phase: SagaPhase;
  /** Index of the step being run (forward) or compensated (compensating). */
  cur: number;
  interval: number;
  retries: number;
}

export interface CoordDurable {
  txs: Record<string, SagaTx>;
}
export interface CoordVolatile {
  awaiting: string[];
}
export type CoordState = NodeState<CoordDurable, CoordVolatile>;

const retryTimer = (gid: string) => `retry:${gid}`;

export function stepOrder(ctx: StepContext): string[] {
  return ctx.params.order === 'credit-first' ? ['smith', 'bob'] : ['bob', 'smith'];
}

function put(s: CoordState, tx: SagaTx, awaiting: string[]): CoordState {
  return { durable: { txs: { ...s.durable.txs, [tx.gid]: tx } }, volatile: { awaiting } };
}

/** The request for the current step (ACTION or COMPENSATE), or null when the saga is finished. */
function request(tx: SagaTx): Effect | null {
  if (tx.phase !== 'forward' && tx.phase !== 'compensating') return null;
  const type = tx.phase === 'forward' ? 'ACTION' : 'COMPENSATE';
  return { kind: 'send', to: tx.steps[tx.cur], msg: { type, tx: tx.gid, amount: tx.amount, step: tx.cur + 1 } };
}

const label = (tx: SagaTx) => `${tx.phase === 'forward' ? 'T' : 'C'}${tx.cur + 1}→${tx.steps[tx.cur]}`;

/** Next step to compensate, going down from `from` (inclusive): every step whose action was attempted. */
function nextToCompensate(st: StepState[], from: number): number {
  for (let i = from; i >= 0; i--) if (st[i] !== 'none') return i;
  return -1;
}

function finish(s: CoordState, tx: SagaTx, phase: 'succeeded' | 'aborted'): { state: CoordState; effects: Effect[] } {
  const done: SagaTx = { ...tx, phase };
  return {
    state: put(s, done, []),
    effects: [
      { kind: 'cancelTimer', name: retryTimer(tx.gid) },
      { kind: 'note', key: `saga.note.finished.${phase}`, params: { gid: tx.gid }, tag: 'decision' },
      { kind: 'send', to: tx.client, msg: { type: 'RESULT', tx: tx.gid, outcome: phase } },
    ],
  };
}

/** Move on to `next` and send its request, with a fresh retry timer (interval reset after a success, as dtm). */
function advance(s: CoordState, next: SagaTx, ctx: StepContext, extra: Effect[] = []) {
  const tx = { ...next, interval: Number(ctx.params.retryInterval) };
  const req = request(tx);
  return {
    state: put(s, tx, req ? [label(tx)] : []),
    effects: [
      ...extra,
      ...(req ? [req] : []),
      { kind: 'setTimer', name: retryTimer(tx.gid), after: tx.interval },
    ] as Effect[],
  };
}

export const coordinatorRole: RoleDef<CoordDurable, CoordVolatile> = {
  init: () => ({ durable: { txs: {} }, volatile: { awaiting: [] } }),
  step(s, input, ctx) {
    if (input.kind === 'recover') {
      const effects: Effect[] = [];
      const awaiting: string[] = [];
      for (const tx of Object.values(s.durable.txs)) {
        const req = request(tx);
        if (!req) continue;
        effects.push(
          {
            kind: 'note',
            key: `saga.note.recover.${tx.phase}`,
            params: { gid: tx.gid, step: label(tx) },
            tag: 'decision',
          },
          req,
          { kind: 'setTimer', name: retryTimer(tx.gid), after: tx.interval },
        );
        awaiting.push(label(tx));
      }
      return { state: { ...s, volatile: { awaiting } }, effects };
    }

    if (input.kind === 'timer') {
      const gid = input.name.slice('retry:'.length);
      const tx = s.durable.txs[gid];
      const req = tx && request(tx);
      if (!tx || !req) return same(s);
      const next: SagaTx = { ...tx, retries: tx.retries + 1, interval: tx.interval * 2 };
      return {
        state: put(s, next, [label(next)]),
        effects: [
          {
            kind: 'note',
            key: 'saga.note.retry',
            params: { gid, step: label(tx), n: next.retries, next: next.interval },
            tag: 'block',
          },
          req,
          { kind: 'setTimer', name: retryTimer(gid), after: next.interval },
        ],
      };
    }

    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const gid = String(m.tx);

    if (m.type === 'BEGIN') {
      if (s.durable.txs[gid]) return same(s);
      const steps = stepOrder(ctx);
      const tx: SagaTx = {
        gid,
        amount: Number(m.amount),
        client: input.from,
        steps,
        st: steps.map((_, i) => (i === 0 ? 'running' : 'none')),
        phase: 'forward',
        cur: 0,
        interval: Number(ctx.params.retryInterval),
        retries: 0,
      };
      return advance(s, tx, ctx, [
        { kind: 'note', key: 'saga.note.begin', params: { gid, amount: tx.amount }, tag: 'info' },
      ]);
    }

    const tx = s.durable.txs[gid];
    // only the answer of the step in hand counts (late answers of earlier rounds are ignored)
    if (!tx || tx.steps[tx.cur] !== input.from || Number(m.step) !== tx.cur + 1) return same(s);
    const st = [...tx.st];
    switch (m.type) {
      case 'ACTION_OK': {
        if (tx.phase !== 'forward') return same(s);
        st[tx.cur] = 'done';
        if (tx.cur + 1 === tx.steps.length) return finish(s, { ...tx, st }, 'succeeded');
        st[tx.cur + 1] = 'running';
        return advance(s, { ...tx, st, cur: tx.cur + 1 }, ctx);
      }
      case 'ACTION_FAIL': {
        if (tx.phase !== 'forward') return same(s);
        if (m.reason === 'transient') return same(s); // retried by the timer, like any unanswered action
        st[tx.cur] = 'failed';
        const next: SagaTx = { ...tx, st, phase: 'compensating' };
        const first = nextToCompensate(st, tx.cur);
        st[first] = 'compensating';
        return advance(s, { ...next, cur: first }, ctx, [
          {
            kind: 'note',
            key: 'saga.note.decideCompensate',
            params: { gid, step: `T${tx.cur + 1}`, node: input.from },
            tag: 'decision',
          },
        ]);
      }
      case 'COMPENSATE_OK': {
        if (tx.phase !== 'compensating') return same(s);
        st[tx.cur] = 'compensated';
        const n = nextToCompensate(st, tx.cur - 1);
        if (n < 0) return finish(s, { ...tx, st }, 'aborted');
        st[n] = 'compensating';
        return advance(s, { ...tx, st, cur: n }, ctx);
      }
      case 'COMPENSATE_FAIL':
        return {
          state: s,
          effects: [
            {
              kind: 'note',
              key: 'saga.note.branchError',
              params: { gid, node: input.from, step: label(tx) },
              tag: 'block',
            },
          ],
        };
    }
    return same(s);
  },
};
