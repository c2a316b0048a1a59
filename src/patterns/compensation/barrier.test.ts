import { describe, expect, it } from 'vitest';
import type { DbReader, Row } from '../../engine/types';
import { barrierCall, type BarrierOp, type BarrierRow } from './barrier';

/** A barrier table as a Map; `call` commits the call's inserts, like the service's local transaction. */
function table() {
  const rows = new Map<string, Row>();
  const db: DbReader = {
    get: <R extends Row = Row>(_t: string, k: string) => rows.get(k) as R | undefined,
    has: (_t, k) => rows.has(k),
    size: () => rows.size,
    keys: () => rows.keys(),
    newest: (_t, n) => [...rows.keys()].slice(-n).reverse(),
  };
  const call = (gid: string, branch: string, op: BarrierOp) => {
    const r = barrierCall(db, 'barrier', gid, branch, op);
    for (const i of r.inserts) rows.set(i.key, i.row);
    return r;
  };
  return { rows, db, call };
}

describe('barrier (dtm BranchBarrier.Call)', () => {
  it('a call inserts at most one row per op and never writes itself', () => {
    const t = table();
    const a = barrierCall(t.db, 'barrier', 'g', 'b', 'try');
    expect(a.inserts).toHaveLength(1);
    expect(t.rows.size).toBe(0);
  });
  it('try → cancel: both run; a second cancel is a duplicate', () => {
    const t = table();
    expect(t.call('g', 'b', 'try').verdict).toBe('run');
    expect(t.call('g', 'b', 'cancel').verdict).toBe('run');
    expect(t.call('g', 'b', 'cancel').verdict).toBe('duplicate');
  });
  it('cancel without try: empty rollback; the late try is refused (hanging)', () => {
    const t = table();
    expect(t.call('g', 'b', 'cancel').verdict).toBe('empty');
    expect([...t.rows.values()]).toEqual([
      { gid: 'g', branch: 'b', op: 'try', reason: 'cancel' },
      { gid: 'g', branch: 'b', op: 'cancel', reason: 'cancel' },
    ] satisfies BarrierRow[]);
    expect(t.call('g', 'b', 'try').verdict).toBe('refused');
    expect(t.call('g', 'b', 'cancel').verdict).toBe('duplicate');
  });
  it('confirm is idempotent; saga ops mirror try/cancel', () => {
    const t = table();
    t.call('g', 'b', 'try');
    expect(t.call('g', 'b', 'confirm').verdict).toBe('run');
    expect(t.call('g', 'b', 'confirm').verdict).toBe('duplicate');
    const s = table();
    expect(s.call('g', 'b', 'compensate').verdict).toBe('empty');
    expect(s.call('g', 'b', 'action').verdict).toBe('refused');
  });
  it('rows are keyed by gid (each service keeps its own table); "constructor" is an ordinary gid', () => {
    const t = table();
    t.call('g1', 'bob', 'try');
    expect(t.call('g2', 'bob', 'try').verdict).toBe('run');
    expect(t.call('constructor', 'bob', 'cancel').verdict).toBe('empty');
    expect(t.call('toString', 'bob', 'try').verdict).toBe('run');
  });
});
