import { describe, expect, it } from 'vitest';
import { barrierCall, insertIgnore, type BarrierRow } from './barrier';

describe('barrier (dtm BranchBarrier.Call)', () => {
  it('insert ignore affects one row at most and never mutates its input', () => {
    const rows: BarrierRow[] = [];
    const a = insertIgnore(rows, { gid: 'g', branch: 'b', op: 'try', reason: 'try' });
    expect(a.affected).toBe(1);
    expect(rows).toHaveLength(0);
    expect(insertIgnore(a.rows, { gid: 'g', branch: 'b', op: 'try', reason: 'cancel' }).affected).toBe(0);
  });
  it('try → cancel: both run; a second cancel is a duplicate', () => {
    const t = barrierCall([], 'g', 'b', 'try');
    expect(t.verdict).toBe('run');
    const c = barrierCall(t.rows, 'g', 'b', 'cancel');
    expect(c.verdict).toBe('run');
    expect(barrierCall(c.rows, 'g', 'b', 'cancel').verdict).toBe('duplicate');
  });
  it('cancel without try: empty rollback; the late try is refused (hanging)', () => {
    const c = barrierCall([], 'g', 'b', 'cancel');
    expect(c.verdict).toBe('empty');
    expect(c.rows).toEqual([
      { gid: 'g', branch: 'b', op: 'try', reason: 'cancel' },
      { gid: 'g', branch: 'b', op: 'cancel', reason: 'cancel' },
    ]);
    expect(barrierCall(c.rows, 'g', 'b', 'try').verdict).toBe('refused');
    expect(barrierCall(c.rows, 'g', 'b', 'cancel').verdict).toBe('duplicate');
  });
  it('confirm is idempotent; saga ops mirror try/cancel', () => {
    const t = barrierCall([], 'g', 'b', 'try');
    const k = barrierCall(t.rows, 'g', 'b', 'confirm');
    expect(k.verdict).toBe('run');
    expect(barrierCall(k.rows, 'g', 'b', 'confirm').verdict).toBe('duplicate');
    const comp = barrierCall([], 'g', 'b', 'compensate');
    expect(comp.verdict).toBe('empty');
    expect(barrierCall(comp.rows, 'g', 'b', 'action').verdict).toBe('refused');
  });
  it('rows are keyed by gid and branch', () => {
    const t = barrierCall([], 'g1', 'bob', 'try');
    expect(barrierCall(t.rows, 'g1', 'smith', 'try').verdict).toBe('run');
    expect(barrierCall(t.rows, 'g2', 'bob', 'try').verdict).toBe('run');
  });
});
