/**
 * TCC business code of the two account services, written the "naive" way a business team writes it (like the
 * account + freeze-table samples of Seata / dtm): without the barrier guard it is neither idempotent nor safe against
 * empty rollback or hanging. The guard (compensation/barrier.ts) wraps every handler in the same local transaction.
 *
 * Bob (payer):  try: available −x, freeze x | confirm: the frozen x leaves | cancel: refund x, drop the freeze
 * Smith (payee): try: reserve +x pending     | confirm: available +x       | cancel: drop the reservation
 */
import type { StepContext } from '../../engine/types';
import type { LedgerChange } from '../compensation/accounts';
import { serviceRole, type OpSpec } from '../compensation/service';

const tryFails = (ctx: StepContext, self: string) => ctx.params.tryFails === self;

const payerOps: OpSpec[] = [
  {
    type: 'TRY',
    barrierOp: 'try',
    kind: 'forward',
    status: 'tried',
    apply: (l, _gid, x, ctx, self): LedgerChange | string => {
      if (tryFails(ctx, self)) return 'rejected';
      if (l.available < x) return 'insufficient';
      return { available: -x, frozen: x };
    },
  },
  {
    type: 'CONFIRM',
    barrierOp: 'confirm',
    kind: 'finish',
    transientParam: 'confirmFailures',
    status: 'confirmed',
    apply: (_l, _gid, x) => ({ frozen: null, settled: -x }),
  },
  {
    type: 'CANCEL',
    barrierOp: 'cancel',
    kind: 'undo',
    transientParam: 'cancelFailures',
    status: 'cancelled',
    // naive: refunds the request's amount whether or not anything was frozen (空回滚 without the guard)
    apply: (_l, _gid, x) => ({ available: x, frozen: null }),
  },
];

const payeeOps: OpSpec[] = [
  {
    type: 'TRY',
    barrierOp: 'try',
    kind: 'forward',
    status: 'tried',
    apply: (_l, _gid, x, ctx, self) => (tryFails(ctx, self) ? 'rejected' : { pending: x }),
  },
  {
    type: 'CONFIRM',
    barrierOp: 'confirm',
    kind: 'finish',
    transientParam: 'confirmFailures',
    status: 'confirmed',
    // naive: credits the request's amount each time it runs (a duplicate credits twice without the guard)
    apply: (_l, _gid, x) => ({ available: x, pending: null, settled: x }),
  },
  {
    type: 'CANCEL',
    barrierOp: 'cancel',
    kind: 'undo',
    transientParam: 'cancelFailures',
    status: 'cancelled',
    apply: () => ({ pending: null }),
  },
];

const common = {
  prefix: 'tcc',
  emptyStatus: 'emptyRollback',
  refusedStatus: 'refusedTry',
  failedStatus: 'tryFailed',
  reservations: true,
};

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
