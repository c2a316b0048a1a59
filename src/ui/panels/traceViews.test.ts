import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulator';
import { baseScenario } from '../../engine/scenario';
import { pingPong } from '../../engine/testing/pingpong';
import {
  activeHandlers,
  invariantMarks,
  invariantViews,
  isRoutine,
  logRows,
  reached,
  recentAt,
  rowOfSeq,
} from './traceViews';

const r = simulate(pingPong, baseScenario(pingPong));
const events = r.events;

describe('event log rows', () => {
  it('all events when not collapsed', () => {
    const { rows } = logRows(events, false, new Set());
    expect(rows).toHaveLength(events.length);
  });
  it('collapsed rows cover every event exactly once, in order', () => {
    const { rows, firstSeq } = logRows(events, true, new Set());
    expect(rows.length).toBeLessThan(events.length);
    const covered: number[] = [];
    for (const row of rows) {
      if (row.kind === 'event') covered.push(row.seq);
      else for (let s = row.from; s <= row.to; s++) covered.push(s);
    }
    expect(covered).toEqual(events.map((e) => e.seq));
    for (const e of events) {
      const row = rows[rowOfSeq(firstSeq, e.seq)];
      if (row.kind === 'event') expect(row.seq).toBe(e.seq);
      else expect(e.seq >= row.from && e.seq <= row.to).toBe(true);
    }
    expect(rows.every((row) => row.kind === 'group' || !isRoutine(events[row.seq]) || true)).toBe(true);
  });
  it('expanding a group shows its events', () => {
    const { rows } = logRows(events, true, new Set());
    const g = rows.find((x) => x.kind === 'group');
    if (!g || g.kind !== 'group') throw new Error('no group');
    const { rows: rows2 } = logRows(events, true, new Set([g.from]));
    expect(rows2.length).toBe(rows.length + (g.to - g.from));
  });
});

describe('node history and active handler', () => {
  it('recentAt: newest first, strictly before pos', () => {
    const pos = 12;
    const recent = recentAt(events, 'server', pos, 3);
    expect(recent.length).toBeGreaterThan(0);
    for (const e of recent) {
      expect(e.node).toBe('server');
      expect(e.seq).toBeLessThan(pos);
    }
    for (let i = 1; i < recent.length; i++) expect(recent[i].seq).toBeLessThan(recent[i - 1].seq);
  });
  it('highlights the handler for the delivery just before the cursor (and through its sends)', () => {
    const handlers = [
      { id: 'onPing', role: 'server', code: ['reply PONG'], runsOn: ['PING'] },
      { id: 'onPong', role: 'client', code: ['done'], runsOn: ['PONG'] },
    ];
    const roleOf = (n: string) => n;
    const ping = events.find((e) => e.kind === 'deliver' && e.msg.type === 'PING');
    if (!ping) throw new Error('no ping');
    expect([...activeHandlers(handlers, events, ping.seq + 1, roleOf)]).toEqual(['onPing']);
    // its PONG send follows; still the same handler
    expect(events[ping.seq + 1].kind).toBe('send');
    expect([...activeHandlers(handlers, events, ping.seq + 2, roleOf)]).toEqual(['onPing']);
    expect(activeHandlers(handlers, events, 0, roleOf).size).toBe(0);
  });
});

describe('invariant views: one vocabulary (holds / broken now / was broken from t1 to t2 / not yet decided)', () => {
  const evs = [0, 10, 20, 30, 40, 50].map((t) => ({ t }));
  const invs = [
    { id: 'ok', kind: 'always' as const, broken: [] },
    // broken by event 1 (t=10), held again at event 3 (t=30): a window
    { id: 'window', kind: 'always' as const, broken: [{ from: 10, fromSeq: 1, to: 30, toSeq: 3 }] },
    // broken at event 4, never repaired
    { id: 'alarm', kind: 'always' as const, broken: [{ from: 40, fromSeq: 4, to: null, toSeq: null }] },
    // false from the start until the end
    { id: 'term', kind: 'eventually' as const, broken: [{ from: 0, fromSeq: 0, to: null, toSeq: null }] },
    // false, then true at event 2: never a break
    { id: 'done', kind: 'eventually' as const, broken: [{ from: 0, fromSeq: 0, to: 20, toSeq: 2 }] },
    // broken between events (bounded blocking at 55 ms, after the last event)
    { id: 'bb', kind: 'always' as const, broken: [{ from: 55, fromSeq: 6, to: null, toSeq: null }] },
  ];
  const at = (pos: number, t: number) =>
    Object.fromEntries(invariantViews(invs, evs, { pos, t }).map((v) => [v.id, v.status]));
  it('before anything: holds, and eventually-invariants not yet decided', () => {
    expect(at(1, 0)).toEqual({
      ok: 'holds',
      window: 'holds',
      alarm: 'holds',
      term: 'undecided',
      done: 'undecided',
      bb: 'holds',
    });
  });
  it('inside the window it is broken now; after it, holds with the window named', () => {
    expect(at(2, 10).window).toBe('broken');
    const v = invariantViews(invs, evs, { pos: 4, t: 30 }).find((x) => x.id === 'window');
    expect(v).toMatchObject({ status: 'was-broken', from: 10, to: 30, windows: 1 });
    expect(at(4, 30).done).toBe('holds');
  });
  it('at the end: what never became true is broken; a break between events shows from its instant', () => {
    expect(at(6, 50)).toMatchObject({ term: 'broken', alarm: 'broken', bb: 'holds' });
    expect(at(6, 55)).toMatchObject({ bb: 'broken' });
  });
  it('broken first, then undecided, then past windows, then what holds', () => {
    const order = invariantViews(invs, evs, { pos: 5, t: 40 }).map((v) => `${v.id}:${v.status}`);
    expect(order).toEqual([
      'alarm:broken',
      'term:undecided',
      'window:was-broken',
      'ok:holds',
      'done:holds',
      'bb:holds',
    ]);
  });
  it('timeline: a closed break is a window, an open one an alarm; eventually-invariants only when false at the end', () => {
    expect(invariantMarks(invs).map((m) => `${m.id}:${m.kind}`)).toEqual([
      'window:window',
      'alarm:alarm',
      'term:alarm',
      'bb:alarm',
    ]);
  });
});

describe('invariantViews over many windows', () => {
  // The walk it replaced: every interval begun by the cursor, in order.
  function linear(
    inv: { broken: { from: number; fromSeq: number; to: number | null; toSeq: number | null }[] },
    events: { t: number }[],
    cursor: { pos: number; t: number },
  ) {
    let current = null;
    let last = null;
    let windows = 0;
    for (const b of inv.broken) {
      if (!reached(events, b.fromSeq, b.from, cursor)) break;
      if (b.to === null || b.toSeq === null || !reached(events, b.toSeq, b.to, cursor)) current = b;
      else {
        last = b;
        windows++;
      }
    }
    return { current, last, windows };
  }
  it('finds the same status, window and count as a walk of every interval', () => {
    // 200 events 5 ms apart; windows that open and close on events, some between events, the last one open.
    const events = Array.from({ length: 200 }, (_, i) => ({ t: i * 5 }));
    const broken: { from: number; fromSeq: number; to: number | null; toSeq: number | null }[] = [];
    for (let s = 3; s + 4 < 200; s += 9) {
      const between = s % 2 === 0;
      broken.push({ from: s * 5 + (between ? 2 : 0), fromSeq: between ? s + 1 : s, to: (s + 4) * 5, toSeq: s + 4 });
    }
    broken.push({ from: 197 * 5, fromSeq: 197, to: null, toSeq: null });
    const inv = { id: 'x', kind: 'always' as const, broken };
    for (let pos = 0; pos <= 200; pos++)
      for (const dt of [0, 2, 4]) {
        const cursor = { pos, t: pos === 0 ? dt : events[pos - 1].t + dt };
        const [v] = invariantViews([inv], events, cursor);
        const ref = linear(inv, events, cursor);
        expect(v.windows).toBe(ref.windows);
        if (ref.current) {
          expect(v.status).toBe('broken');
          expect(v.fromSeq).toBe(ref.current.fromSeq);
        } else if (ref.last) {
          expect(v.status).toBe('was-broken');
          expect([v.from, v.to]).toEqual([ref.last.from, ref.last.to]);
        } else expect(v.status).toBe('holds');
      }
  });
});
