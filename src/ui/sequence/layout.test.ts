import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulator';
import { baseScenario, namedScenario } from '../../engine/scenario';
import { getPattern } from '../../patterns/registry';
import { formatTime } from '../theme';
import { pingPong } from '../../engine/testing/pingpong';
import type { TraceEvent } from '../../engine/types';
import {
  segsOf,
  buildSeqModel,
  SeqModelBuilder,
  cursorU,
  defaultScale,
  medianGap,
  placeLabel,
  placeLabels,
  lowerBound,
  stepTicks,
  timeTicks,
  laneHeading,
  type LabelCand,
  seekTarget,
  splitAt,
  tickStep,
  upperBound,
  visibleEvents,
  visibleSegments,
} from './layout';
import { wrapText } from '../panels/measure';

function run(faults = baseScenario(pingPong).faults, extra: Partial<ReturnType<typeof baseScenario>> = {}) {
  const s = { ...baseScenario(pingPong), faults, ...extra };
  return simulate(pingPong, s);
}

/** Reference: segments crossing [a, b] by brute force. */
function brute(m: ReturnType<typeof buildSeqModel>, a: number, b: number, pad = 0): number[] {
  const out: number[] = [];
  m.segs.forEach((s, i) => {
    const end = s.fate === 'lost' ? s.uB + pad : s.uB;
    if (s.uA <= b && end >= a) out.push(i);
  });
  return out;
}

describe('binary search', () => {
  it('lower/upper bounds', () => {
    const a = [1, 2, 2, 2, 5];
    expect(lowerBound(a, 2)).toBe(1);
    expect(upperBound(a, 2)).toBe(4);
    expect(lowerBound(a, 0)).toBe(0);
    expect(upperBound(a, 9)).toBe(5);
  });
});

describe('sequence model', () => {
  it('one segment per delivered copy, arrival matched', () => {
    const r = run();
    const m = buildSeqModel(
      r.events,
      r.topology.nodes.map((n) => n.id),
      'time',
      r.endTime,
    );
    const sends = r.events.filter((e) => e.kind === 'send');
    expect(m.segs.length).toBe(sends.length);
    for (const s of m.segs) {
      expect(s.fate).toBe('deliver');
      const arr = r.events[s.arrSeq as number] as Extract<TraceEvent, { kind: 'deliver' }>;
      expect(arr.sendSeq).toBe(s.sendSeq);
      expect(s.uB).toBe(arr.t);
    }
  });

  it('marks drops at send, drops on arrival (crashed receiver) and down bars', () => {
    const r = run([
      { id: 'f1', when: { at: 0 }, do: { drop: { type: 'PING', count: 1 } } },
      { id: 'f2', when: { at: 15 }, do: { crash: 'server' } },
      { id: 'f3', when: { at: 60 }, do: { recover: 'server' } },
    ]);
    const m = buildSeqModel(r.events, ['client', 'server'], 'order', r.endTime);
    expect(m.segs.some((s) => s.fate === 'lost' && s.reason === 'fault')).toBe(true);
    expect(m.segs.some((s) => s.fate === 'drop' && s.reason === 'crashed')).toBe(true);
    expect(m.bars).toHaveLength(1);
    expect(m.bars[0].lane).toBe(1);
    expect(m.bars[0].uB).not.toBeNull();
    // order mode: u is the row centre
    m.segs.forEach((s) => expect(s.uA).toBe(s.sendSeq + 0.5));
  });

  it('duplicates produce two segments of one send', () => {
    const r = run([{ id: 'd', when: { at: 0 }, do: { duplicate: { type: 'PING' } } }]);
    const m = buildSeqModel(r.events, ['client', 'server'], 'time', r.endTime);
    const dup = m.segs.map((x) => segsOf(m, x.sendSeq)).find((l) => l.length === 2);
    expect(dup).toBeDefined();
    expect(m.segs[(dup as number[])[1]].copy).toBe(1);
  });
});

describe('layout in slices', () => {
  it('SeqModelBuilder stepped a few events at a time gives the model built in one go', () => {
    const r = run([
      { id: 'f1', when: { at: 0 }, do: { drop: { type: 'PING', count: 1 } } },
      { id: 'd', when: { at: 0 }, do: { duplicate: { type: 'PONG' } } },
      { id: 'f2', when: { at: 15 }, do: { crash: 'server' } },
      { id: 'f3', when: { at: 60 }, do: { recover: 'server' } },
    ]);
    const ser = (v: unknown) =>
      JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x] : x instanceof Float64Array ? [...x] : x));
    for (const mode of ['time', 'order'] as const) {
      const whole = buildSeqModel(r.events, ['client', 'server'], mode, r.endTime);
      const b = new SeqModelBuilder(r.events, ['client', 'server'], mode, r.endTime);
      let steps = 0;
      while (!b.step(3)) steps++;
      expect(steps).toBeGreaterThan(2);
      expect(ser(b.finish())).toBe(ser(whole));
    }
  });
});

describe('virtualization', () => {
  // a synthetic trace with many messages of varied spans, including some very long ones
  const events: TraceEvent[] = [];
  let seq = 0;
  const pending: { at: number; sendSeq: number }[] = [];
  for (let i = 0; i < 5000; i++) {
    const t = i * 10;
    while (pending.length && pending[0].at <= t) {
      const p = pending.shift() as { at: number; sendSeq: number };
      events.push({
        seq,
        t: p.at,
        node: 'b',
        kind: 'deliver',
        from: 'a',
        msgId: p.sendSeq,
        sendSeq: p.sendSeq,
        msg: { type: 'X' },
        state: { durable: null, volatile: null },
      });
      seq++;
    }
    const span = i % 97 === 0 ? 20_000 : 5 + (i % 13);
    events.push({
      seq,
      t,
      node: 'a',
      kind: 'send',
      to: 'b',
      msgId: seq,
      msg: { type: 'X' },
      copies: [{ deliverAt: t + span }],
    });
    pending.push({ at: t + span, sendSeq: seq });
    pending.sort((x, y) => x.at - y.at);
    seq++;
  }
  for (const mode of ['time', 'order'] as const) {
    it(`finds exactly the segments crossing a window (${mode})`, () => {
      const m = buildSeqModel(events, ['a', 'b'], mode, events[events.length - 1].t);
      expect(m.longSegs.length).toBeGreaterThan(0);
      for (const [a, b] of [
        [0, 100],
        [m.uMax / 3, m.uMax / 3 + 50],
        [m.uMax - 10, m.uMax + 10],
        [-50, -1],
        // windows all along the run, so that blocks of long segments are both skipped and entered
        ...Array.from({ length: 18 }, (_, k) => [(k * m.uMax) / 17, (k * m.uMax) / 17 + 50]),
      ]) {
        expect(visibleSegments(m, a, b)).toEqual(brute(m, a, b));
      }
    });
  }
  it('finds the long segments crossing a window when there are many blocks of them', () => {
    // 40,000 messages, every 97th one spanning 20–40 s: over 400 long segments, in many blocks
    const evs: TraceEvent[] = [];
    const due: { at: number; sendSeq: number }[] = [];
    let n = 0;
    for (let i = 0; i < 40_000; i++) {
      const t = i * 10;
      while (due.length && due[0].at <= t) {
        const p = due.shift() as { at: number; sendSeq: number };
        evs.push({
          seq: n++,
          t: p.at,
          node: 'b',
          kind: 'deliver',
          from: 'a',
          msgId: p.sendSeq,
          sendSeq: p.sendSeq,
          msg: { type: 'X' },
          state: { durable: null, volatile: null },
        });
      }
      const span = i % 97 === 0 ? 20_000 + (i % 20_011) : 5 + (i % 13);
      evs.push({
        seq: n,
        t,
        node: 'a',
        kind: 'send',
        to: 'b',
        msgId: n,
        msg: { type: 'X' },
        copies: [{ deliverAt: t + span }],
      });
      due.push({ at: t + span, sendSeq: n++ });
      due.sort((x, y) => x.at - y.at);
    }
    for (const mode of ['time', 'order'] as const) {
      const m = buildSeqModel(evs, ['a', 'b'], mode, evs[evs.length - 1].t);
      expect(m.longSegs.length).toBeGreaterThan(256);
      for (let k = 0; k <= 40; k++) {
        const a = (k * m.uMax) / 40;
        for (const w of [20, 3000]) expect(visibleSegments(m, a, a + w)).toEqual(brute(m, a, a + w));
      }
    }
  });

  it('visible events by binary search', () => {
    const m = buildSeqModel(events, ['a', 'b'], 'order', 0);
    const [lo, hi] = visibleEvents(m, 100, 110);
    expect(lo).toBe(100);
    expect(hi).toBe(110);
  });
});

describe('cursor and seeking', () => {
  const evs = [{ t: 0 }, { t: 10 }, { t: 20 }] as TraceEvent[];
  it('time mode uses the virtual time', () => {
    expect(cursorU('time', { pos: 1, t: 7 }, evs)).toBe(7);
  });
  it('order mode sits on the row boundary and advances into the gap', () => {
    expect(cursorU('order', { pos: 1, t: 0 }, evs)).toBe(1);
    expect(cursorU('order', { pos: 1, t: 5 }, evs)).toBeCloseTo(1.4);
    expect(cursorU('order', { pos: 3, t: 20 }, evs)).toBe(3);
  });
  it('clicks map back to a time or a pos, clamped', () => {
    expect(seekTarget('time', -5, 3, 20)).toEqual({ t: 0 });
    expect(seekTarget('time', 50, 3, 20)).toEqual({ t: 20 });
    expect(seekTarget('order', 1.6, 3, 20)).toEqual({ pos: 2 });
    expect(seekTarget('order', 99, 3, 20)).toEqual({ pos: 3 });
  });
  it('splits a segment where it crosses the cursor', () => {
    expect(splitAt(0, 0, 100, 10, 5)).toBe(50);
    expect(splitAt(0, 0, 100, 10, 50)).toBe(100);
    expect(splitAt(0, 0, 100, 0, 0)).toBe(100);
  });
  it('nice tick steps', () => {
    expect(tickStep(1, 56)).toBe(100);
    expect(tickStep(0.01, 56)).toBe(10000);
    expect(tickStep(10, 56)).toBe(10);
  });
});

describe('time-axis scale and labels', () => {
  it('median gap ignores equal times', () => {
    expect(medianGap([0, 0, 10, 10, 30, 60])).toBe(20);
    expect(medianGap([5, 5])).toBe(0);
  });
  it('scale: rows for typical gaps, within [2 screens, maxScreens]', () => {
    expect(defaultScale('order', 100, 300, 26)).toBe(26);
    expect(defaultScale('time', 1000, 300, 26, 10)).toBeCloseTo(2.6);
    // a 24 h idle run is capped at 30 screens
    expect(defaultScale('time', 86_400_000, 300, 26, 10) * 86_400_000).toBeCloseTo(300 * 30);
    // never less than the whole run in two screens
    expect(defaultScale('time', 1000, 300, 26, 1e6)).toBeCloseTo(0.6);
  });
  it('greedy label placement skips overlaps', () => {
    const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
    expect(placeLabel(placed, { x0: 0, x1: 50, y0: 0, y1: 18 })).toBe(true);
    expect(placeLabel(placed, { x0: 40, x1: 90, y0: 10, y1: 28 })).toBe(false);
    expect(placeLabel(placed, { x0: 60, x1: 90, y0: 10, y1: 28 })).toBe(true);
  });
});

describe('issue 13 item 8: time labels distinct, chart labels never overlapping', () => {
  const twopc = getPattern('2pc')!;
  const ns = twopc.scenarios.find((x) => x.id === 's-2pc-2')!;
  const r = simulate(twopc, namedScenario(twopc, ns));
  const ROW = 26;
  const cands: { y: number; t: number }[] = [];
  r.events.forEach((ev, i) => {
    if (i > 0 && r.events[i - 1].t === ev.t) return;
    cands.push({ y: 14 + (i + 0.5) * ROW, t: ev.t });
  });

  it('S-2PC-2 in event order: no time label repeats, none sits under the cursor badge', () => {
    // Today's single precision repeats (the issue saw "13.2 s" ×7): the test data has the problem.
    const plain = cands.map((c) => formatTime(c.t));
    expect(plain.some((l, i) => i > 0 && l === plain[i - 1])).toBe(true);
    for (const cursorY of [cands[cands.length - 1].y, cands[5].y + 3, 400]) {
      const ticks = timeTicks(cands, cursorY);
      expect(ticks.length).toBeGreaterThan(10);
      const labels = ticks.map((k) => k.label);
      expect(new Set(labels).size, labels.join(', ')).toBe(labels.length);
      for (const k of ticks) expect(Math.abs(k.y - cursorY)).toBeGreaterThanOrEqual(19);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i].y - ticks[i - 1].y).toBeGreaterThanOrEqual(18);
    }
  });

  it('"0 ms" appears once even when several rows start at 0', () => {
    const ticks = timeTicks(
      [
        { y: 20, t: 0 },
        { y: 46, t: 0 },
        { y: 72, t: 35 },
      ],
      500,
    );
    expect(ticks.map((k) => k.label)).toEqual(['0 ms', '35 ms']);
  });

  it('time-mode ticks carry the digits their step needs', () => {
    const ticks = stepTicks(13_200, 13_260, 20, (u) => u);
    expect(ticks.map((k) => k.label)).toEqual(['13.20 s', '13.22 s', '13.24 s', '13.26 s']);
  });

  it('placed labels never overlap and stay inside the chart; a label that fits nowhere is left out', () => {
    const cands: LabelCand[] = [];
    // Many labels competing for the same spot (messages sent at once: QUERY, COOP_REQ …).
    for (let i = 0; i < 30; i++) {
      const x = 100 + (i % 5) * 40;
      const y = 100 + Math.floor(i / 5) * 10;
      cands.push({
        key: 'k' + i,
        options: [0, 30, -30].map((dx) => ({
          box: { x0: x + dx - 45, x1: x + dx + 45, y0: y - 18, y1: y },
          x: x + dx,
          y: y - 4,
          anchor: 'middle' as const,
        })),
      });
    }
    cands.push({
      key: 'wide',
      options: [{ box: { x0: 500, x1: 900, y0: 0, y1: 16 }, x: 500, y: 12, anchor: 'start' }],
    });
    const chosen = placeLabels(cands, 72, 640);
    expect(chosen.has('wide')).toBe(false);
    const boxes = [...chosen.values()].map((o) => o.box);
    expect(boxes.length).toBeGreaterThan(5);
    for (const b of boxes) {
      expect(b.x0).toBeGreaterThanOrEqual(72);
      expect(b.x1).toBeLessThanOrEqual(640);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true);
      }
  });

  it('a long note wraps into lines that fit', () => {
    const w = (s: string) => s.length * 7;
    const lines = wrapText('Cancel of g1 releases the frozen 30 and records the barrier', 140, w);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(w(l)).toBeLessThanOrEqual(140);
    expect(lines.join(' ')).toBe('Cancel of g1 releases the frozen 30 and records the barrier');
  });
});

describe('laneHeading', () => {
  // A stand-in for the canvas: a Chinese character 1 em wide, any other 0.6 em.
  const measure = (s: string, px: number) => [...s].reduce((w, c) => w + px * (/[\u4e00-\u9fff]/.test(c) ? 1 : 0.6), 0);

  it('shows the name at the lane size when it fits two lines', () => {
    expect(laneHeading('Participant P1', 'P1', 90, 13, measure)).toEqual({
      text: 'Participant P1',
      px: 13,
      cjk: false,
    });
  });

  it('breaks a Chinese name between its characters rather than show the English id', () => {
    // 支付服务 is 52 px at 13 px: one unbreakable word in a 41-px lane, so the heading read "pay" in Chinese.
    expect(laneHeading('支付服务', 'pay', 41, 13, measure)).toEqual({ text: '支付服务', px: 13, cjk: true });
    // Whole words where they fit: "Bob 的账户服务" breaks at its space; 库存 stays on one line.
    expect(laneHeading('Bob 的账户服务', 'bob', 80, 13, measure)).toEqual({
      text: 'Bob 的账户服务',
      px: 13,
      cjk: false,
    });
    expect(laneHeading('库存', 'stock', 41, 13, measure)).toEqual({ text: '库存', px: 13, cjk: false });
  });

  it('falls back to the id: 1.15× the lane size when it fits, else as large as fits, never below the lane size', () => {
    // A short id gets the larger size.
    expect(laneHeading('Coordinator standby', 'C2', 40, 13, measure)).toEqual({ text: 'C2', px: 15, cjk: false });
    // "ledger" is 54 px at 15 px, 46.8 at 13: in a 48-px lane it was cut ("ledge"); now it is drawn at 13.
    const h = laneHeading('Ledger service', 'ledger', 48, 13, measure);
    expect(h).toEqual({ text: 'ledger', px: 13, cjk: false });
    expect(measure(h.text, h.px)).toBeLessThanOrEqual(48);
    // Never smaller than the lane size (presentation mode keeps every text at least 20 px on screen): when nothing
    // fits, the narrower of name and id.
    expect(laneHeading('Procurement', 'procure', 30, 13, measure)).toEqual({ text: 'procure', px: 13, cjk: false });
    expect(laneHeading('Orders', 'orders', 30, 13, measure)).toEqual({ text: 'Orders', px: 13, cjk: false });
    // (the canvas measures a capital wider: the id must be narrower by a fifth to be chosen)
    const caps = (s: string, px: number) => measure(s, px) + (/^[A-Z]/.test(s) ? 2 : 0);
    expect(laneHeading('Ledger', 'ledger', 30, 13, caps)).toEqual({ text: 'Ledger', px: 13, cjk: false });
    expect(laneHeading('DDMQ', 'broker', 30, 13, measure)).toEqual({ text: 'DDMQ', px: 13, cjk: false });
    // A Chinese name is cut less than an id when broken between characters.
    expect(laneHeading('事务管理器', 'coordinator', 12, 13, measure)).toEqual({
      text: '事务管理器',
      px: 13,
      cjk: true,
    });
  });
});
