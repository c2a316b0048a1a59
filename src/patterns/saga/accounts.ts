/**
 * Saga business code of the two account services: a forward action and its compensation per step, written the
 * naive way (no idempotency, no empty-compensation check) — the barrier guard (shared/barrier.ts, ops action /
 * compensate, as dtm's BranchBarrier) makes them safe.
 *
 * Bob:   action = debit x (fails when his available balance is short) | compensation = refund x
 * Smith: action = credit x                                             | compensation = take x back
 * Unlike TCC there is no reservation: an action's effect is visible to everyone at once (no isolation).
 */
import type { StepContext } from '../../engine/types';
import { withKey, type Ledger } from '../shared/accounts';
import { serviceRole, type OpSpec } from '../shared/service';

const fails = (ctx: StepContext, self: string) => ctx.params.failStep === self;

export const payerOps: OpSpec[] = [
  {
    type: 'ACTION',
    barrierOp: 'action',
    kind: 'forward',
    status: 'done',
    apply: (l, gid, x, ctx, self): Ledger | string => {
      if (fails(ctx, self)) return 'rejected';
      if (l.available < x) return 'insufficient';
      return { ...l, available: l.available - x, settled: withKey(l.settled, gid, -x) };
    },
  },
  {
    type: 'COMPENSATE',
    barrierOp: 'compensate',
    kind: 'undo',
    transientParam: 'compensateFailures',
    status: 'compensated',
    apply: (l, gid, x) => ({ ...l, available: l.available + x, settled: withKey(l.settled, gid, null) }),
  },
];

export const payeeOps: OpSpec[] = [
  {
    type: 'ACTION',
    barrierOp: 'action',
    kind: 'forward',
    status: 'done',
    apply: (l, gid, x, ctx, self) =>
      fails(ctx, self) ? 'rejected' : { ...l, available: l.available + x, settled: withKey(l.settled, gid, x) },
  },
  {
    type: 'COMPENSATE',
    barrierOp: 'compensate',
    kind: 'undo',
    transientParam: 'compensateFailures',
    status: 'compensated',
    apply: (l, gid, x) => ({ ...l, available: l.available - x, settled: withKey(l.settled, gid, null) }),
  },
];

export const sagaCommon = {
  prefix: 'saga',
  emptyStatus: 'emptyCompensation',
  refusedStatus: 'refusedAction',
  failedStatus: 'failed',
};

export const sagaPayerRole = serviceRole({
  ...sagaCommon,
  ops: payerOps,
  initialBalance: (ctx) => Number(ctx.params.bobBalance),
});
export const sagaPayeeRole = serviceRole({
  ...sagaCommon,
  ops: payeeOps,
  initialBalance: (ctx) => Number(ctx.params.smithBalance),
});
