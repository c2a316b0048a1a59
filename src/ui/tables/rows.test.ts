import { describe, expect, it } from 'vitest';
import {
  baseScenario,
  indexTrace,
  LOCKS_TABLE,
  simulate,
  tableHistory,
  type Cursor,
  type TraceIndex,
} from '../../engine';
import { ledger } from './testPattern';
import { allLocksAt, cellText, HELD_FIELD, LOCKS_VIEW, locksOfNode, tableKeys, tableSize, tablesOf } from './rows';
import { firstVisible, rowOffsets } from './virtual';

function run(count = 3): TraceIndex {
  const s = baseScenario(ledger);
  return indexTrace(simulate(ledger, { ...s, params: { count }, workload: ledger.workload({ count }) }));
}

/** The cursor just after the first event at time ≥ t (playback at t shows it). */
function at(ix: TraceIndex, t: number): Cursor {
  let pos = 0;
  while (pos < ix.events.length && ix.events[pos].t <= t) pos++;
  return { pos, t };
}

const t = (k: string, p?: Record<string, string | number>) => (p ? `${k}(${JSON.stringify(p)})` : `<${k}>`);
const exists = (k: string) => k.startsWith('ledger.st.');
const fmt = (ms: number) => `${ms}ms`;

describe('table view rows', () => {
  it('shows the tables a role declares with a view, then the locks table', () => {
    expect(tablesOf(ledger, 'bank').map((x) => [x.name, x.builtin])).toEqual([
      ['accounts', false],
      ['txs', false],
      [LOCKS_TABLE, true],
    ]);
    expect(tablesOf(ledger, 'peer').map((x) => x.name)).toEqual([LOCKS_TABLE]);
  });

  it('draws rows at the cursor: initial rows at 0, rows appear and change as the cursor moves', () => {
    const ix = run();
    const h = tableHistory(ix, 'bank', 'txs');
    expect(tableKeys(tableHistory(ix, 'bank', 'accounts'), 0)).toEqual(['alice']);
    expect(tableKeys(h, 0)).toEqual([]);
    const c1 = at(ix, 0);
    expect(tableKeys(h, c1.pos)).toEqual(['T1']);
    expect(tableSize(ix, 'bank', 'txs', c1.pos)).toBe(1);
    const c2 = at(ix, 120);
    expect(tableKeys(h, c2.pos)).toEqual(['T1', 'T2']);
    const row = (cur: Cursor, key: string) => ix.tables.get('bank')?.get('txs')?.byKey.get(key) && cur;
    expect(row(c2, 'T1')).toBeTruthy();
    const stCol = { field: 'st', label: 'state', valueKey: 'ledger.st' };
    const t1 = (cur: Cursor) => {
      const k = h?.byKey.get('T1');
      const i = (k?.seqs ?? []).filter((s) => s <= cur.pos - 1).length - 1;
      return k?.rows[i] ?? null;
    };
    expect(cellText(stCol, 'T1', t1(at(ix, 10)) ?? {}, at(ix, 10), t, exists, fmt)).toBe('<ledger.st.try>');
    expect(cellText(stCol, 'T1', t1(at(ix, 60)) ?? {}, at(ix, 60), t, exists, fmt)).toBe('<ledger.st.done>');
    expect(tableKeys(h, ix.events.length)).toEqual(['T1', 'T2', 'T3']);
  });

  it('keeps the key list while the table does not change (no rescan during playback)', () => {
    const ix = run();
    const h = tableHistory(ix, 'bank', 'txs');
    const a = tableKeys(h, at(ix, 10).pos);
    const b = tableKeys(h, at(ix, 20).pos);
    expect(b).toBe(a);
  });

  it('formats cells: the key, pattern words, literals, booleans, objects, missing values', () => {
    const cur = { pos: 0, t: 0 };
    expect(cellText({ field: '$key', label: 'k' }, 'T9', {}, cur, t, exists, fmt)).toBe('T9');
    expect(cellText({ field: 'st', label: 's', valueKey: 'other' }, 'k', { st: 'x' }, cur, t, exists, fmt)).toBe('x');
    expect(cellText({ field: 'b', label: 'b' }, 'k', { b: true }, cur, t, exists, fmt)).toBe('<tables.yes>');
    expect(cellText({ field: 'o', label: 'o' }, 'k', { o: { a: 1 } }, cur, t, exists, fmt)).toBe('{"a":1}');
    expect(cellText({ field: 'z', label: 'z' }, 'k', {}, cur, t, exists, fmt)).toBe('—');
    const long = 'x'.repeat(500);
    expect(cellText({ field: 'v', label: 'v' }, 'k', { v: long }, cur, t, exists, fmt)).toBe(long);
  });

  it('lists locks from the locks table with held time = cursor time − since', () => {
    const ix = run();
    const cur = at(ix, 130);
    const { rows, total } = locksOfNode(ix, 'bank', cur, 10);
    // T1 (locked at 0) was released at 50; T2 was locked at 100
    expect(total).toBe(1);
    expect(rows).toEqual([{ node: 'bank', resource: 'acct:T2', since: 100, durable: false, heldFor: 30 }]);
    const col = LOCKS_VIEW.columns.find((c) => c.field === HELD_FIELD)!;
    expect(cellText(col, 'acct:T2', { since: 100, durable: false }, cur, t, exists, fmt, true)).toBe('30ms');
    expect(cellText(LOCKS_VIEW.columns[1], 'acct:T2', { since: 100 }, cur, t, exists, fmt, true)).toBe('100ms');
    expect(locksOfNode(ix, 'peer', cur, 10)).toEqual({ rows: [], total: 0 });
  });

  it('lists every node’s locks longest held first, bounded, with the total', () => {
    const ix = run(3);
    // at t = 0 … 40 only T1 holds; make a cursor where none is released yet by a long run's first event
    const cur = at(ix, 30);
    expect(allLocksAt(ix, cur, 5).total).toBe(1);
    const many = run(50);
    const end = { pos: many.events.length, t: many.endTime };
    expect(allLocksAt(many, end, 5)).toEqual({ rows: [], total: 0 });
  });

  it('virtualizes with measured heights: offsets and the first visible row', () => {
    const keys = ['a', 'b', 'c', 'd'];
    const off = rowOffsets(keys, new Map([['b', 50]]), 30);
    expect([...off]).toEqual([0, 30, 80, 110, 140]);
    expect(firstVisible(off, 0)).toBe(0);
    expect(firstVisible(off, 31)).toBe(1);
    expect(firstVisible(off, 80)).toBe(2);
    expect(firstVisible(off, 10_000)).toBe(3);
    expect(firstVisible(rowOffsets([], new Map(), 30), 5)).toBe(0);
  });

  it('finds a 10,000-row table’s keys and visible window quickly', () => {
    const ix = run(10_000);
    const h = tableHistory(ix, 'bank', 'txs');
    const keys = tableKeys(h, ix.events.length);
    expect(keys.length).toBe(10_000);
    const off = rowOffsets(keys, new Map(), 30);
    expect(firstVisible(off, 150_000)).toBe(5000);
  }, 60_000);
});
