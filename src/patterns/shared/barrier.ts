/**
 * The sub-transaction barrier table as pure functions — dtm's `BranchBarrier.Call` (client/dtmcli/barrier.go) and,
 * with the same effect, Seata's TCC fence (TCCFenceHandler, table tcc_fence_log).
 *
 * dtm: every call does `insert ignore into barrier(trans_type, gid, branch_id, op, barrier_id, reason)`, unique on
 * (gid, branch_id, op, barrier_id), in the SAME local transaction as the business change. For cancel / compensate it
 * first inserts the *origin* op (try / action): origin inserted → the forward op never ran → empty rollback (空回滚),
 * skip the business code; current op not inserted → duplicate (幂等) or dangling request, skip. A late try then finds
 * its row already written (by the cancel) → refused: suspension / hanging (悬挂) prevented.
 *
 * The rows are plain data (an array, canonical order = insertion order), so node state stays serializable.
 */

export type BarrierOp = 'try' | 'confirm' | 'cancel' | 'action' | 'compensate';

export interface BarrierRow {
  gid: string;
  branch: string;
  op: BarrierOp;
  /** The op whose call wrote the row (dtm's `reason` column): a 'try' row written by 'cancel' marks an empty rollback. */
  reason: BarrierOp;
}

/**
 * run: execute the business code (and commit the new rows with it);
 * empty: empty rollback / null compensation — rows committed, business skipped;
 * duplicate: the same op was already done — skip;
 * refused: a forward op (try / action) arrived after its cancel / compensation — skip (hanging prevented).
 */
export type BarrierVerdict = 'run' | 'empty' | 'duplicate' | 'refused';

export interface BarrierResult {
  /** The table after the call's inserts (commit it only with the business change, see `run`). */
  rows: BarrierRow[];
  verdict: BarrierVerdict;
}

const ORIGIN: Partial<Record<BarrierOp, BarrierOp>> = { cancel: 'try', compensate: 'action' };

function find(rows: readonly BarrierRow[], gid: string, branch: string, op: BarrierOp): BarrierRow | undefined {
  return rows.find((r) => r.gid === gid && r.branch === branch && r.op === op);
}

/** `insert ignore`: returns the new table and how many rows were affected (0 or 1). Never mutates `rows`. */
export function insertIgnore(rows: readonly BarrierRow[], row: BarrierRow): { rows: BarrierRow[]; affected: 0 | 1 } {
  if (find(rows, row.gid, row.branch, row.op)) return { rows: [...rows], affected: 0 };
  return { rows: [...rows, row], affected: 1 };
}

/** dtm's BranchBarrier.Call decision for one request (gid, branch, op). Pure. */
export function barrierCall(rows: readonly BarrierRow[], gid: string, branch: string, op: BarrierOp): BarrierResult {
  const origin = ORIGIN[op];
  let table: BarrierRow[] = [...rows];
  let originAffected = 0;
  if (origin) {
    const r = insertIgnore(table, { gid, branch, op: origin, reason: op });
    table = r.rows;
    originAffected = r.affected;
  }
  const cur = insertIgnore(table, { gid, branch, op, reason: op });
  table = cur.rows;
  if (origin && originAffected > 0) return { rows: table, verdict: 'empty' };
  if (cur.affected === 0) {
    const existing = find(rows, gid, branch, op);
    const dangling = existing !== undefined && existing.reason !== op;
    return { rows: table, verdict: dangling ? 'refused' : 'duplicate' };
  }
  return { rows: table, verdict: 'run' };
}
