/** Pure pieces of the shell: scrubber geometry, the playback step, layout scaling, parameter validation. */
import { describe, expect, it } from 'vitest';
import type { TraceIndex } from '../../engine/trace';
import type { ParamDef } from '../../engine/pattern';
import { cursorToFrac, eventFrac, fracToCursor } from './axis';
import { advance } from '../hooks/usePlayback';
import { layoutScales, NODE_H, NODE_W } from '../diagram/geometry';
import { validateParam } from '../shell/Params';
import { nextSpeed, SPEEDS } from '../../store/ui';
import { windowBands } from './Timeline';

const ix = (times: number[], endTime: number) =>
  ({ events: times.map((t) => ({ t })), endTime }) as unknown as TraceIndex;

describe('scrubber axis', () => {
  const t = ix([0, 0, 10, 1000], 1200);
  it('event order: every event gets the same width, time interpolates inside a slot', () => {
    expect(cursorToFrac(t, 0, 0, 'events')).toBe(0);
    expect(cursorToFrac(t, 4, 1200, 'events')).toBe(1);
    expect(cursorToFrac(t, 3, 505, 'events')).toBeCloseTo((3 + 0.5) / 4);
    expect(eventFrac(t, 2, 'events')).toBe(3 / 4);
  });
  it('fracToCursor inverts cursorToFrac (distinct event times)', () => {
    const d = ix([2, 5, 10, 1000], 1200);
    for (const f of [0, 0.1, 0.5, 0.8, 0.99, 1]) {
      const c = fracToCursor(d, f, 'events');
      if (!('pos' in c)) throw new Error('expected pos');
      expect(cursorToFrac(d, c.pos, c.t, 'events')).toBeCloseTo(f);
    }
  });
  it('linear time axis', () => {
    expect(cursorToFrac(t, 3, 600, 'time')).toBeCloseTo(0.5);
    expect(fracToCursor(t, 0.25, 'time')).toEqual({ t: 300 });
  });
});

describe('playback step', () => {
  const evs = [{ t: 0 }, { t: 10 }, { t: 86_400_000 }];
  it('advances by wall time × speed', () => {
    expect(advance(evs, 9e7, { pos: 1, t: 0 }, 16, 0.5, true)).toBeCloseTo(8);
  });
  it('crosses an idle gap in about half a second and lands on the next event', () => {
    let c = { pos: 2, t: 10 };
    let frames = 0;
    while (c.t < 86_400_000 && frames < 1000) {
      c = { pos: 2, t: advance(evs, 9e7, c, 16, 1, true) };
      frames++;
    }
    expect(c.t).toBe(86_400_000);
    expect(frames * 16).toBeLessThan(1000);
  });
  it('the idle tail after the last event is skipped like any other gap and ends at the end of the run', () => {
    // S-2PC-2: the last event at 13.4 s, the run stops at its 15 s horizon; at 0.05× that tail took 34 s.
    const tail = [{ t: 0 }, { t: 13_400 }];
    let c = { pos: 2, t: 13_400 };
    let frames = 0;
    while (c.t < 15_000 && frames < 1000) {
      c = { pos: 2, t: advance(tail, 15_000, c, 16, 0.05, true) };
      frames++;
    }
    expect(c.t).toBe(15_000);
    expect(frames * 16).toBeLessThan(1000);
    // Without compression it plays at the chosen speed.
    expect(advance(tail, 15_000, { pos: 2, t: 13_400 }, 16, 0.05, false)).toBeCloseTo(13_400.8);
  });
  it('without compression a gap plays at the chosen speed; busy gaps compress only when very long', () => {
    expect(advance(evs, 9e7, { pos: 2, t: 10 }, 16, 1, false)).toBe(26);
    expect(advance([{ t: 0 }, { t: 3000 }], 3000, { pos: 1, t: 0 }, 16, 1, true, true)).toBe(16);
  });
});

describe('speed ladder', () => {
  it('steps through SPEEDS and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(SPEEDS[SPEEDS.length - 1], 1)).toBe(SPEEDS[SPEEDS.length - 1]);
    expect(nextSpeed(SPEEDS[0], -1)).toBe(SPEEDS[0]);
  });
});

describe('topology layout scaling', () => {
  it('keeps every pair of node boxes apart', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 50, y: 80 },
      { x: 200, y: 80 },
    ];
    const { sx, sy } = layoutScales(pts, 800, 400);
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) {
        const dx = Math.abs(pts[i].x - pts[j].x) * sx;
        const dy = Math.abs(pts[i].y - pts[j].y) * sy;
        expect(dx >= NODE_W || dy >= NODE_H).toBe(true);
      }
  });
  it('one node needs no scaling', () => {
    expect(layoutScales([{ x: 5, y: 5 }], 800, 400)).toEqual({ sx: 1, sy: 1 });
  });
});

describe('parameter validation', () => {
  const p = { key: 'timeout', kind: 'ms' as const, default: 100, min: 10, max: 60_000 };
  it('accepts values in range', () => {
    expect(validateParam(p, '250')).toEqual({ value: 250 });
  });
  it('rejects absurd input with a reason', () => {
    expect(validateParam(p, '1e12')).toMatchObject({ error: { key: 'params.err.range' } });
    // The range reads "between 0 ms and 10000 ms (10.0 s)", never "0 ms (0 ms)".
    const gap: ParamDef = { key: 'txGap', kind: 'ms', default: 600, min: 0, max: 10_000 };
    expect(validateParam(gap, '20000')).toEqual({
      error: { key: 'params.err.range', params: { min: '0 ms', max: '10000 ms (10.0 s)' } },
    });
    expect(validateParam(p, '-5')).toMatchObject({ error: { key: 'params.err.range' } });
    expect(validateParam(p, 'abc')).toMatchObject({ error: { key: 'params.err.nan' } });
    expect(validateParam(p, '')).toMatchObject({ error: { key: 'params.err.empty' } });
    expect(validateParam(p, '12.5')).toMatchObject({ error: { key: 'params.err.int' } });
  });
});

describe('windows of inconsistency on the scrubber', () => {
  const w = (a: number, b: number) => ({ a, b });
  it('keeps windows apart when they are apart, merges those that would overlap', () => {
    // 600 px track: a 24 px band is 0.04 wide.
    expect(windowBands([w(0.5, 0.6), w(0.1, 0.2)], 600).map((g) => g.length)).toEqual([1, 1]);
    expect(windowBands([w(0.1, 0.2), w(0.5, 0.6)], 600)[0][0]).toEqual(w(0.1, 0.2));
    // Starts inside the previous one's 24 px minimum width: one band.
    expect(windowBands([w(0.1, 0.1), w(0.13, 0.13)], 600).map((g) => g.length)).toEqual([2]);
    expect(windowBands([w(0.1, 0.1), w(0.15, 0.15)], 600).map((g) => g.length)).toEqual([1, 1]);
  });
  it('a window per transaction of a long run gives a bounded number of bands that never overlap', () => {
    const wins = Array.from({ length: 16_667 }, (_, i) => w(i / 16_667, (i + 0.4) / 16_667));
    const width = 900;
    const bands = windowBands(wins, width);
    expect(bands.length).toBeLessThanOrEqual(width / 24 + 1);
    expect(bands.flat()).toHaveLength(wins.length);
    for (let i = 1; i < bands.length; i++) {
      const prev = bands[i - 1];
      const end = Math.max(...prev.map((x) => x.b), prev[0].a + 24 / width);
      expect(bands[i][0].a).toBeGreaterThanOrEqual(end);
    }
  });
});
