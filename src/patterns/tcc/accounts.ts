/**
 * TCC business code of the two account services, written the "naive" way a business team writes it (like the
 * account + freeze-table samples of Seata / dtm): without the barrier guard it is neither idempotent nor safe against
 * empty rollback or hanging. The guard (shared/barrier.ts) wraps every handler in the same local transaction.
 *
 * Bob (payer):  try: available −x, freeze x | confirm: the frozen x leaves | cancel: refund x, drop the freeze
 * Smith (payee): try: reserve +x pending     | confirm: available +x       | cancel: drop the reservation
 */
import type { StepContext } from '../../engine/types';
import { withKey, type Ledger } from '../shared/accounts';
import { serviceRole, type OpSpec } from '../shared/service';

const tryFails = (ctx: StepContext, self: string) => ctx.params.tryFails === self;

const payerOps: OpSpec[] = [
  {
    type: 'TRY',
    barrierOp: 'try',
    kind: 'forward',
    status: 'tried',
    apply: (l, gid, x, ctx, self): Ledger | string => {
      if (tryFails(ctx, self)) return 'rejected';
      if (l.available < x) return 'insufficient';
      return { ...l, available: l.available - x, frozen: withKey(l.frozen, gid, x) };
    },
  },
  {
    type: 'CONFIRM',
    barrierOp: 'confirm',
    kind: 'finish',
    transientParam: 'confirmFailures',
    status: 'confirmed',
    apply: (l, gid, x) => ({ ...l, frozen: withKey(l.frozen, gid, null), settled: withKey(l.settled, gid, -x) }),
  },
  {
    type: 'CANCEL',
    barrierOp: 'cancel',
    kind: 'undo',
    transientParam: 'cancelFailures',
    status: 'cancelled',
    // naive: refunds the request's amount whether or not anything was frozen (空回滚 without the guard)
    apply: (l, gid, x) => ({ ...l, available: l.available + x, frozen: withKey(l.frozen, gid, null) }),
  },
];

const payeeOps: OpSpec[] = [
  {
    type: 'TRY',
    barrierOp: 'try',
    kind: 'forward',
    status: 'tried',
    apply: (l, gid, x, ctx, self) => (tryFails(ctx, self) ? 'rejected' : { ...l, pending: withKey(l.pending, gid, x) }),
  },
  {
    type: 'CONFIRM',
    barrierOp: 'confirm',
    kind: 'finish',
    transientParam: 'confirmFailures',
    status: 'confirmed',
    // naive: credits the request's amount each time it runs (a duplicate credits twice without the guard)
    apply: (l, gid, x) => ({
      ...l,
      available: l.available + x,
      pending: withKey(l.pending, gid, null),
      settled: withKey(l.settled, gid, x),
    }),
  },
  {
    type: 'CANCEL',
    barrierOp: 'cancel',
    kind: 'undo',
    transientParam: 'cancelFailures',
    status: 'cancelled',
    apply: (l, gid) => ({ ...l, pending: withKey(l.pending, gid, null) }),
  },
];

const common = { prefix: 'tcc', emptyStatus: 'emptyRollback', refusedStatus: 'refusedTry', failedStatus: 'tryFailed' };

export const payerRole = serviceRole({
  ...common,
  ops: payerOps,
  initialBalance: (ctx) => Number(ctx.params.bobBalance),
});
export const payeeRole = serviceRole({
  ...common,
  ops: payeeOps,
  initialBalance: (ctx) => Number(ctx.params.smithBalance),
});
