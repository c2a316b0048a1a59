/**
 * Saga business code of the two account services: a forward action and its compensation per step, written the
 * naive way (no idempotency, no empty-compensation check) — the barrier guard (compensation/barrier.ts, ops action /
 * compensate, as dtm's BranchBarrier) makes them safe.
 *
 * Bob:   action = debit x (fails when his available balance is short) | compensation = refund x
 * Smith: action = credit x                                             | compensation = take x back
 * Unlike TCC there is no reservation: an action's effect is visible to everyone at once (no isolation).
 */
import type { StepContext } from '../../engine/types';
import type { LedgerChange } from '../compensation/accounts';
import { serviceRole, type OpSpec } from '../compensation/service';

const fails = (ctx: StepContext, self: string) => ctx.params.failStep === self;

export const payerOps: OpSpec[] = [
  {
    type: 'ACTION',
    barrierOp: 'action',
    kind: 'forward',
    status: 'done',
    apply: (l, _gid, x, ctx, self): LedgerChange | string => {
      if (fails(ctx, self)) return 'rejected';
      if (l.available < x) return 'insufficient';
      return { available: -x, settled: -x };
    },
  },
  {
    type: 'COMPENSATE',
    barrierOp: 'compensate',
    kind: 'undo',
    transientParam: 'compensateFailures',
    status: 'compensated',
    apply: (_l, _gid, x) => ({ available: x, settled: null }),
  },
];

export const payeeOps: OpSpec[] = [
  {
    type: 'ACTION',
    barrierOp: 'action',
    kind: 'forward',
    status: 'done',
    apply: (_l, _gid, x, ctx, self) => (fails(ctx, self) ? 'rejected' : { available: x, settled: x }),
  },
  {
    type: 'COMPENSATE',
    barrierOp: 'compensate',
    kind: 'undo',
    transientParam: 'compensateFailures',
    status: 'compensated',
    apply: (_l, _gid, x) => ({ available: -x, settled: null }),
  },
];

export const sagaCommon = {
  prefix: 'saga',
  emptyStatus: 'emptyCompensation',
  refusedStatus: 'refusedAction',
  failedStatus: 'failed',
  reservations: false,
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
