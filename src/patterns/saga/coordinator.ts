/**
 * The orchestrating Saga coordinator (dtm's saga / Seata's state-machine engine): a durable log per saga (gid, steps,
 * each step's state, phase), one row per gid in its `txs` table (compensation/gtx.ts). Forward steps run one at a
 * time in order; a step whose action answers FAILURE turns the saga around: compensations run in reverse order over
 * every step whose action was attempted — including the failed one, whose local transaction may or may not have run
 * (so a compensation must tolerate an empty compensation, as in dtm's barrier, which treats compensate like cancel).
 * Actions and compensations without an answer (lost request or reply, transient error) are retried as the framework
 * preset says (compensation/frameworks.ts; generic: dtm's RetryInterval 10 s, doubling; dtm: 20 s / 10 s after
 * failed calls; Seata: every 1 s).
 */
import { same, type RoleDef } from '../../engine/pattern';
import type { Db, Effect, NodeState, StepContext } from '../../engine/types';
import {
  afterAttempt,
  dtmBackoff,
  firstWait,
  frameworkOf,
  retriesExhausted,
  type FrameworkPreset,
} from '../compensation/frameworks';
import {
  AWAITING,
  getTx,
  gtxTables,
  openTxs,
  parseTimer,
  retryTimer,
  saveTx,
  type AwaitRow,
  type GtxRow,
} from '../compensation/gtx';

export type SagaPhase = 'forward' | 'compensating' | 'succeeded' | 'aborted';
export type StepState = 'none' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';

export type SagaTx = GtxRow & {
  /** Branch (account service) of each step, in forward order. */
  steps: string[];
  st: StepState[];
  phase: SagaPhase;
  /** Index of the step being run (forward) or compensated (compensating). */
  cur: number;
  /** The framework's retry cap was reached: the coordinator stopped retrying. */
  dead?: boolean;
};

const armAfter = (gid: string, after: number): Effect => ({ kind: 'setTimer', name: retryTimer(gid), after });
const fwOf = (ctx: StepContext) => frameworkOf(ctx.params, 'saga');

/**
 * A copy of tx for the caller to change: what `{ ...tx }` gives, key order included, as one object literal so that
 * every row shares a hidden class (see compensation/rows.ts). `dead` (a forward or compensating saga) always comes
 * before `end` (a finished one).
 */
function copyTx(tx: SagaTx): SagaTx {
  const c: SagaTx = {
    gid: tx.gid,
    amount: tx.amount,
    client: tx.client,
    fw: tx.fw,
    steps: tx.steps,
    st: tx.st,
    phase: tx.phase,
    cur: tx.cur,
    interval: tx.interval,
    retries: tx.retries,
    start: tx.start,
  };
  if (tx.dead !== undefined) c.dead = tx.dead;
  if (tx.end !== undefined) c.end = tx.end;
  return c;
}

export type CoordDurable = Record<string, never>;
export type CoordVolatile = Record<string, never>;
export type CoordState = NodeState<CoordDurable, CoordVolatile>;

export const sagaPhases = { committed: 'succeeded', aborted: 'aborted' };

export function stepOrder(ctx: StepContext): string[] {
  return ctx.params.order === 'credit-first' ? ['smith', 'bob'] : ['bob', 'smith'];
}

/** Log the saga; what it awaits (one request at a time: keyed by gid) is `awaiting`, or nothing. */
function put(db: Db, tx: SagaTx, awaiting: string | null): void {
  saveTx(db, tx, tx.phase === 'succeeded' || tx.phase === 'aborted');
  if (awaiting === null) db.del(AWAITING, tx.gid);
  else db.put(AWAITING, tx.gid, { gid: tx.gid, what: awaiting } satisfies AwaitRow);
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

/** Finish `tx` (a fresh row, changed in place). */
function finish(db: Db, tx: SagaTx, phase: 'succeeded' | 'aborted', ctx: StepContext): Effect[] {
  tx.phase = phase;
  tx.end = ctx.now;
  put(db, tx, null);
  return [
    { kind: 'cancelTimer', name: retryTimer(tx.gid) },
    { kind: 'note', key: `saga.note.finished.${phase}`, params: { gid: tx.gid }, tag: 'decision' },
    { kind: 'send', to: tx.client, msg: { type: 'RESULT', tx: tx.gid, outcome: phase } },
  ];
}

/**
 * Move on to `next` (a fresh row, changed in place) and send its request, with a fresh retry timer (interval reset
 * after a success, as dtm); `effects` come first.
 */
function advance(db: Db, next: SagaTx, ctx: StepContext, fw: FrameworkPreset, effects: Effect[] = []): Effect[] {
  next.interval = Number(ctx.params.retryInterval);
  const req = request(next);
  put(db, next, req ? label(next) : null);
  if (req) effects.push(req);
  effects.push(armAfter(next.gid, firstWait(fw, ctx.params, next, ctx.now)));
  return effects;
}

/** A failed call: dtm sets next_cron_time = now + the backed-off interval (20 s / 10 s); others keep their timer. */
function failedCall(db: Db, tx: SagaTx, ctx: StepContext, fw: FrameworkPreset): Effect[] {
  if (tx.dead || fw.backoff !== 'dtm') return [];
  const next = copyTx(tx);
  next.interval = dtmBackoff(ctx.params, tx.interval);
  put(db, next, label(next));
  return [armAfter(tx.gid, next.interval)];
}

export const coordinatorRole: RoleDef<CoordDurable, CoordVolatile> = {
  init: () => ({ durable: {}, volatile: {} }),
  tables: gtxTables('saga', sagaPhases),
  step(s, input, ctx) {
    const db = ctx.db;
    const fw = fwOf(ctx);
    if (input.kind === 'recover') {
      const effects: Effect[] = [];
      for (const tx of openTxs<SagaTx>(db)) {
        const req = request(tx);
        if (!req || tx.dead) continue;
        effects.push(
          {
            kind: 'note',
            key: `saga.note.recover.${tx.phase}`,
            params: { gid: tx.gid, step: label(tx) },
            tag: 'decision',
          },
          req,
          armAfter(tx.gid, firstWait(fw, ctx.params, tx, ctx.now)),
        );
        db.put(AWAITING, tx.gid, { gid: tx.gid, what: label(tx) } satisfies AwaitRow);
      }
      return same(s, effects);
    }

    if (input.kind === 'timer') {
      const [kind, gid] = parseTimer(input.name);
      const tx = kind === 'retry' ? getTx<SagaTx>(db, gid) : undefined;
      const req = tx && request(tx);
      if (!tx || !req || tx.dead) return same(s);
      if (retriesExhausted(ctx.params, tx)) {
        const dead = copyTx(tx);
        dead.dead = true;
        put(db, dead, null);
        return same(s, [{ kind: 'note', key: 'saga.note.gaveUp', params: { gid, n: tx.retries }, tag: 'block' }]);
      }
      const w = afterAttempt(fw, ctx.params, tx, ctx.now);
      const next = copyTx(tx);
      next.retries = tx.retries + 1;
      next.interval = w.interval;
      put(db, next, label(next));
      return same(s, [
        {
          kind: 'note',
          key: 'saga.note.retry',
          params: { gid, step: label(tx), n: next.retries, next: w.after },
          tag: 'block',
        },
        req,
        armAfter(gid, w.after),
      ]);
    }

    if (input.kind !== 'deliver') return same(s);
    const m = input.msg;
    const gid = String(m.tx);

    if (m.type === 'BEGIN') {
      if (db.has('txs', gid)) return same(s);
      const steps = stepOrder(ctx);
      const tx: SagaTx = {
        gid,
        amount: Number(m.amount),
        client: input.from,
        fw: fw.id,
        steps,
        st: steps.map((_, i) => (i === 0 ? 'running' : 'none')),
        phase: 'forward',
        cur: 0,
        interval: Number(ctx.params.retryInterval),
        retries: 0,
        start: ctx.now,
      };
      return same(
        s,
        advance(db, tx, ctx, fw, [
          { kind: 'note', key: 'saga.note.begin', params: { gid, amount: tx.amount }, tag: 'info' },
        ]),
      );
    }

    const tx = getTx<SagaTx>(db, gid);
    // only the answer of the step in hand counts (late answers of earlier rounds are ignored)
    if (!tx || tx.steps[tx.cur] !== input.from || Number(m.step) !== tx.cur + 1) return same(s);
    const next = copyTx(tx);
    const st = (next.st = [...tx.st]);
    switch (m.type) {
      case 'ACTION_OK': {
        if (tx.phase !== 'forward') return same(s);
        st[tx.cur] = 'done';
        if (tx.cur + 1 === tx.steps.length) return same(s, finish(db, next, 'succeeded', ctx));
        st[tx.cur + 1] = 'running';
        next.cur = tx.cur + 1;
        return same(s, advance(db, next, ctx, fw));
      }
      case 'ACTION_FAIL': {
        if (tx.phase !== 'forward') return same(s);
        if (m.reason === 'transient') return same(s, failedCall(db, tx, ctx, fw)); // retried by the timer
        st[tx.cur] = 'failed';
        next.phase = 'compensating';
        const first = nextToCompensate(st, tx.cur);
        st[first] = 'compensating';
        next.cur = first;
        return same(
          s,
          advance(db, next, ctx, fw, [
            {
              kind: 'note',
              key: 'saga.note.decideCompensate',
              params: { gid, step: `T${tx.cur + 1}`, node: input.from },
              tag: 'decision',
            },
          ]),
        );
      }
      case 'COMPENSATE_OK': {
        if (tx.phase !== 'compensating') return same(s);
        st[tx.cur] = 'compensated';
        const n = nextToCompensate(st, tx.cur - 1);
        if (n < 0) return same(s, finish(db, next, 'aborted', ctx));
        st[n] = 'compensating';
        next.cur = n;
        return same(s, advance(db, next, ctx, fw));
      }
      case 'COMPENSATE_FAIL':
        if (tx.phase !== 'compensating') return same(s);
        return same(s, [
          ...failedCall(db, tx, ctx, fw),
          {
            kind: 'note',
            key: 'saga.note.branchError',
            params: { gid, node: input.from, step: label(tx) },
            tag: 'block',
          },
        ]);
    }
    return same(s);
  },
};
