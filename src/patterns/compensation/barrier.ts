/**
 * The sub-transaction barrier table — dtm's `BranchBarrier.Call` (client/dtmcli/barrier.go) and, with the same
 * effect, Seata's TCC fence (TCCFenceHandler, table tcc_fence_log).
 *
 * dtm: every call does `insert ignore into barrier(trans_type, gid, branch_id, op, barrier_id, reason)`, unique on
 * (gid, branch_id, op, barrier_id), in the SAME local transaction as the business change. For cancel / compensate it
 * first inserts the *origin* op (try / action): origin inserted → the forward op never ran → empty rollback (空回滚),
 * skip the business code; current op not inserted → duplicate (幂等) or dangling request, skip. A late try then finds
 * its row already written (by the cancel) → refused: suspension / hanging (悬挂) prevented.
 *
 * The rows live in the service's durable `barrier` table keyed by `gid/op` (the branch is the service itself), so a
 * call reads at most two rows, whatever the history.
 */
import type { DbReader } from '../../engine/types';

export type BarrierOp = 'try' | 'confirm' | 'cancel' | 'action' | 'compensate';

export type BarrierRow = {
  gid: string;
  branch: string;
  op: BarrierOp;
  /** The op whose call wrote the row (dtm's `reason` column): a 'try' row written by 'cancel' marks an empty rollback. */
  reason: BarrierOp;
};

/**
 * run: execute the business code (and commit the new rows with it);
 * empty: empty rollback / null compensation — rows committed, business skipped;
 * duplicate: the same op was already done — skip;
 * refused: a forward op (try / action) arrived after its cancel / compensation — skip (hanging prevented).
 */
export type BarrierVerdict = 'run' | 'empty' | 'duplicate' | 'refused';

export interface BarrierResult {
  /** The rows the call inserts (commit them only with the business change, see `run`), with their keys. */
  inserts: { key: string; row: BarrierRow }[];
  verdict: BarrierVerdict;
}

/** A barrier row's key in its service's table: unique on (gid, op); `op` never contains '/'. */
export const barrierKey = (gid: string, op: BarrierOp) => `${gid}/${op}`;

const ORIGIN: Partial<Record<BarrierOp, BarrierOp>> = { cancel: 'try', compensate: 'action' };

/** dtm's BranchBarrier.Call decision for one request (gid, branch, op) against the `table` rows. Pure. */
export function barrierCall(db: DbReader, table: string, gid: string, branch: string, op: BarrierOp): BarrierResult {
  const inserts: BarrierResult['inserts'] = [];
  // insert ignore: affects one row at most (the origin op's key never equals the op's own)
  const origin = ORIGIN[op];
  let originAffected = false;
  if (origin) {
    const key = barrierKey(gid, origin);
    if (!db.has(table, key)) {
      inserts.push({ key, row: { gid, branch, op: origin, reason: op } });
      originAffected = true;
    }
  }
  const key = barrierKey(gid, op);
  const existing = db.get<BarrierRow>(table, key);
  if (existing === undefined) inserts.push({ key, row: { gid, branch, op, reason: op } });
  if (originAffected) return { inserts, verdict: 'empty' };
  if (existing !== undefined) return { inserts, verdict: existing.reason !== op ? 'refused' : 'duplicate' };
  return { inserts, verdict: 'run' };
}
