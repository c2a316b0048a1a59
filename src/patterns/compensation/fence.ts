/**
 * The other frameworks' guards, beside dtm's barrier (barrier.ts), as pure decisions over a service's own rows:
 *
 * - Seata's TCC fence (TCCFenceHandler, table tcc_fence_log, primary key (xid, branch_id); statuses tried 1,
 *   committed 2, rollbacked 3, suspended 4), written in the same local transaction as the business change:
 *   prepare inserts `tried` — a duplicate key means the branch was already seen (a repeated Try, or a Try after its
 *   rollback: refused); commit needs `tried` → `committed` (`committed` again: idempotent; rolled back: refused);
 *   rollback with no row inserts `suspended` and returns success (empty rollback; a later Try then hits the key and
 *   is refused — hanging prevented), `tried` → `rollbacked`, `rollbacked` / `suspended` again: idempotent,
 *   `committed`: refused.
 * - The participant log of ByteTCC, Hmily and tcc-transaction (one row per gid, the framework's record of the
 *   branch): what it covers is the preset's `handles` — Cancel of a branch with no log does nothing (all three),
 *   Confirm / Cancel deduplicated through the record (ByteTCC only), Try never guarded (a late Try runs: hanging).
 */
import type { DbReader } from '../../engine/types';
import type { Handles } from './frameworks';
import type { OpKind } from './service';

export const FENCE = 'tcc_fence_log';
export const PLOG = 'participant_log';

export type FenceStatus = 'tried' | 'committed' | 'rollbacked' | 'suspended';
export type FenceRow = { xid: string; branch_id: string; action_name: string; status: FenceStatus };

/** run: the business runs (with `write` committed beside it); the others skip it, writing `write` if given. */
export type GuardVerdict = 'run' | 'empty' | 'duplicate' | 'refused';

export interface FenceResult<R> {
  verdict: GuardVerdict;
  /** The row to write (with the business change when `run`, alone otherwise), or none. */
  write?: R;
}

const fenceRow = (xid: string, branch_id: string, action_name: string, status: FenceStatus): FenceRow => ({
  xid,
  branch_id,
  action_name,
  status,
});

/** Seata's TCCFenceHandler decision for one call of `kind` on branch `branch` of xid. Pure. */
export function fenceCall(
  db: DbReader,
  xid: string,
  branch: string,
  action: string,
  kind: OpKind,
): FenceResult<FenceRow> {
  const row = db.get<FenceRow>(FENCE, xid);
  if (kind === 'forward')
    return row ? { verdict: 'refused' } : { verdict: 'run', write: fenceRow(xid, branch, action, 'tried') };
  if (kind === 'finish') {
    if (row?.status === 'tried') return { verdict: 'run', write: fenceRow(xid, branch, action, 'committed') };
    return { verdict: row?.status === 'committed' ? 'duplicate' : 'refused' };
  }
  if (!row) return { verdict: 'empty', write: fenceRow(xid, branch, action, 'suspended') };
  if (row.status === 'tried') return { verdict: 'run', write: fenceRow(xid, branch, action, 'rollbacked') };
  return { verdict: row.status === 'committed' ? 'refused' : 'duplicate' };
}

export type PlogRow = { gid: string; branch: string; phase: 'tried' | 'confirmed' | 'cancelled' };

/** The participant log's decision (ByteTCC / Hmily / tcc-transaction), by what the framework handles. Pure. */
export function plogCall(
  db: DbReader,
  gid: string,
  branch: string,
  kind: OpKind,
  handles: Handles,
): FenceResult<PlogRow> {
  const row = db.get<PlogRow>(PLOG, gid);
  if (kind === 'forward') {
    if (handles.idempotency === 'all' && row) return { verdict: 'duplicate' };
    return { verdict: 'run', write: { gid, branch, phase: 'tried' } };
  }
  // Cancel / compensate of a branch whose Try never committed: nothing to undo (empty rollback), nothing recorded —
  // so a Try that arrives later runs (hanging), and a second Cancel (the recovery job's) can still release it
  if (kind === 'undo' && !row && handles.emptyRollback === 'framework') return { verdict: 'empty' };
  const done = kind === 'finish' ? 'confirmed' : 'cancelled';
  if (handles.idempotency !== 'business' && row?.phase === done) return { verdict: 'duplicate' };
  return { verdict: 'run', write: { gid, branch, phase: done } };
}
