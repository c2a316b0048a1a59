import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulator';
import { baseScenario } from '../../engine/scenario';
import { pingPong } from '../../engine/testing/pingpong';
import { activeHandlers, isRoutine, logRows, recentAt, rowOfSeq } from './traceViews';

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
