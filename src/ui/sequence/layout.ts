/**
 * Pure layout and virtualization math of the message-sequence chart. Everything is expressed in an abstract vertical
 * coordinate `u` (linear mode: virtual ms; order mode: event rows), so zooming only changes the px-per-u factor and
 * the model is built once per trace and mode. Visible ranges are found by binary search, so a 100,000-event trace
 * scrolls and seeks within a frame.
 */
import type { Cursor } from '../../engine';
import { fitsTwoLines, HAS_CJK } from '../panels/measure';
import type { DropReason, FaultAction, NodeId, TraceEvent } from '../../engine';

export type AxisMode = 'time' | 'order';

/** One planned delivery of a send (two for a duplicate), or the stub of a message lost at send. */
export interface SeqSegment {
  sendSeq: number;
  from: number;
  to: number;
  type: string;
  /** Copy index (0 = first; ≥ 1 = network or fault duplicate). */
  copy: number;
  /** deliver: arrived; drop: dropped on arrival; lost: dropped at send; pending: still travelling at the end. */
  fate: 'deliver' | 'drop' | 'lost' | 'pending';
  reason?: DropReason;
  /** seq of the arrival event (deliver/drop), if any. */
  arrSeq: number | null;
  uA: number;
  uB: number;
  /** Times of send and (planned) arrival. */
  tA: number;
  tB: number;
}

export interface DownBar {
  lane: number;
  uA: number;
  /** null: down until the end of the run. */
  uB: number | null;
  crashSeq: number;
}

export interface SeqModel {
  mode: AxisMode;
  lanes: NodeId[];
  laneOf: Map<NodeId, number>;
  /** u of each event (ascending with seq). */
  evU: Float64Array;
  /** Segments sorted by uA. */
  segs: SeqSegment[];
  segUA: Float64Array;
  /** Threshold above which a segment is "long" and checked linearly. */
  longSpan: number;
  longSegs: number[];
  /** Largest uB in each block of LONG_BLOCK long segments (visibleSegments skips the blocks that end above it). */
  longBlockMax: Float64Array;
  bars: DownBar[];
  /** Largest u (end of the chart). */
  uMax: number;
  /**
   * sendSeq → index of its first segment (-1: not a send); a send's segments follow each other (segsOf). A typed
   * array, not a map of hundreds of thousands of lists: less for the garbage collector to walk on every seek.
   */
  firstSeg: Int32Array;
}

/** Indices of the segments of the message sent at `sendSeq` (one per copy; none for an unknown seq). */
export function segsOf(m: SeqModel, sendSeq: number): number[] {
  const out: number[] = [];
  const first = m.firstSeg[sendSeq];
  if (first === undefined || first < 0) return out;
  for (let i = first; i < m.segs.length && m.segs[i].sendSeq === sendSeq; i++) out.push(i);
  return out;
}

/** Long segments are grouped in blocks of this many for visibleSegments. */
const LONG_BLOCK = 64;
/** At most this many spans are sorted to find the "long" threshold (the 95th percentile). */
const SPAN_SAMPLE = 20_000;

/** Lower bound: first index i with arr[i] >= x. */
export function lowerBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Upper bound: first index i with arr[i] > x. */
export function upperBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** u of an event in a mode. Order mode: the centre of its row. */
export function eventU(mode: AxisMode, ev: TraceEvent): number {
  return mode === 'time' ? ev.t : ev.seq + 0.5;
}

export function buildSeqModel(
  events: readonly TraceEvent[],
  lanes: NodeId[],
  mode: AxisMode,
  endTime: number,
): SeqModel {
  const b = new SeqModelBuilder(events, lanes, mode, endTime);
  b.step(Infinity);
  return b.finish();
}

/**
 * buildSeqModel in pieces, so the chart can lay out a long trace (a million events) in slices between frames
 * instead of one long main-thread task: `step(n)` goes through about n more events (true when all are done), then
 * `finish()`. One forward pass: a send makes its segments (pending), an arrival fills its send's next segment —
 * arrivals happen in deliverAt order, so the k-th arrival is the copy with the k-th deliverAt.
 */
export class SeqModelBuilder {
  private readonly laneOf = new Map<NodeId, number>();
  private readonly evU: Float64Array;
  private readonly segs: SeqSegment[] = [];
  private readonly firstSeg: Int32Array;
  /** Arrivals seen per send (which copy the next one is). */
  private readonly arrived: Uint16Array;
  private readonly bars: DownBar[] = [];
  private readonly open = new Map<number, DownBar>();
  private pending = 0;
  /** Events gone through. */
  done = 0;

  constructor(
    private readonly events: readonly TraceEvent[],
    private readonly lanes: NodeId[],
    private readonly mode: AxisMode,
    private readonly endTime: number,
  ) {
    lanes.forEach((id, i) => this.laneOf.set(id, i));
    this.evU = new Float64Array(events.length);
    this.firstSeg = new Int32Array(events.length).fill(-1);
    this.arrived = new Uint16Array(events.length);
  }

  get total(): number {
    return this.events.length;
  }

  step(n: number): boolean {
    if (this.phase === 'done') return true;
    if (this.phase !== 'events') {
      if (!this.stepSegs(n)) return false;
      this.phase = 'done';
      return true;
    }
    const { events, evU, mode, laneOf, segs, firstSeg, arrived } = this;
    const end = Math.min(events.length, this.done + n);
    for (let e = this.done; e < end; e++) {
      const ev = events[e];
      const uA = eventU(mode, ev);
      evU[e] = uA;
      switch (ev.kind) {
        case 'send': {
          const from = laneOf.get(ev.node) ?? 0;
          const to = laneOf.get(ev.to) ?? 0;
          const type = ev.msg.type;
          firstSeg[ev.seq] = segs.length;
          const copies = ev.copies;
          if (copies.length === 0) {
            segs.push({
              sendSeq: ev.seq,
              from,
              to,
              type,
              copy: 0,
              fate: 'lost',
              reason: ev.lost,
              arrSeq: null,
              uA,
              uB: uA,
              tA: ev.t,
              tB: ev.t,
            });
            break;
          }
          const due =
            copies.length === 1 ? [copies[0].deliverAt] : copies.map((c) => c.deliverAt).sort((a, b) => a - b);
          for (let i = 0; i < due.length; i++) {
            // uB of a copy that never arrives is set in finish() (order mode needs every event's time).
            segs.push({
              sendSeq: ev.seq,
              from,
              to,
              type,
              copy: i,
              fate: 'pending',
              reason: undefined,
              arrSeq: null,
              uA,
              uB: uA,
              tA: ev.t,
              tB: due[i],
            });
            this.pending++;
          }
          break;
        }
        case 'deliver':
        case 'drop': {
          const first = firstSeg[ev.sendSeq];
          const k = arrived[ev.sendSeq]++;
          if (first === undefined || first < 0) break;
          const s = segs[first + k] as SeqSegment | undefined;
          if (!s || s.sendSeq !== ev.sendSeq || s.fate !== 'pending') break;
          const dropped = ev.kind === 'drop';
          s.fate = dropped ? 'drop' : 'deliver';
          s.reason = dropped ? ev.reason : undefined;
          s.arrSeq = ev.seq;
          s.uB = uA;
          s.tB = ev.t;
          this.pending--;
          break;
        }
        case 'crash': {
          const lane = laneOf.get(ev.node);
          if (lane === undefined || this.open.has(lane)) break;
          const b: DownBar = { lane, uA, uB: null, crashSeq: ev.seq };
          this.open.set(lane, b);
          this.bars.push(b);
          break;
        }
        case 'recover':
        case 'fault': {
          if (ev.kind === 'fault' && !('recover' in ev.action)) break;
          const lane = laneOf.get(ev.node);
          const b = lane === undefined ? undefined : this.open.get(lane);
          if (b && lane !== undefined) {
            b.uB = uA;
            this.open.delete(lane);
          }
          break;
        }
      }
    }
    this.done = end;
    if (end < events.length) return false;
    this.phase = 'spans';
    return false;
  }

  /**
   * After the events, the segments are gone through twice more, also in steps (a million-event trace has hundreds
   * of thousands): (1) the planned end of the copies that never arrived, each segment's uA, and a sample of the
   * spans; (2) once the "long" threshold is known from the sample, the long segments and their blocks.
   */
  private phase: 'events' | 'spans' | 'long' | 'done' = 'events';
  private segDone = 0;
  private segUA: Float64Array = new Float64Array(0);
  private sample: number[] = [];
  private sampleEvery = 1;
  private longSpan = 0;
  private readonly longSegs: number[] = [];
  private times: Float64Array | null = null;

  /** 0 … 1: how far the layout is (the events take most of the time). */
  get progress(): number {
    const segs = Math.max(1, this.segs.length);
    if (this.phase === 'events') return 0.9 * (this.done / Math.max(1, this.events.length));
    if (this.phase === 'spans') return 0.9 + 0.05 * (this.segDone / segs);
    if (this.phase === 'long') return 0.95 + 0.05 * (this.segDone / segs);
    return 1;
  }

  private uOfTime(t: number): number {
    if (this.mode === 'time') return t;
    const { events } = this;
    if (!this.times) {
      const n = events.length;
      this.times = new Float64Array(n);
      for (let i = 0; i < n; i++) this.times[i] = events[i].t;
    }
    return upperBound(this.times, t);
  }

  /** Steps over segments, `n` at most; true when all are done. */
  private stepSegs(n: number): boolean {
    const { segs } = this;
    const end = Math.min(segs.length, this.segDone + n);
    if (this.phase === 'spans') {
      if (this.segDone === 0) {
        this.segUA = new Float64Array(segs.length);
        // A bounded sample of the spans (every k-th): the threshold is only a matter of speed, not of what is found.
        this.sampleEvery = Math.max(1, Math.ceil(segs.length / SPAN_SAMPLE));
      }
      for (let i = this.segDone; i < end; i++) {
        const s = segs[i];
        if (s.fate === 'pending') s.uB = Math.max(s.uA, this.uOfTime(s.tB));
        this.segUA[i] = s.uA;
        if (i % this.sampleEvery === 0) this.sample.push(s.uB - s.uA);
      }
      this.segDone = end;
      if (end < segs.length) return false;
      const spans = Float64Array.from(this.sample).sort();
      this.longSpan = spans.length ? Math.max(spans[Math.floor(spans.length * 0.95)], 1e-9) : 0;
      this.phase = 'long';
      this.segDone = 0;
      return false;
    }
    const longSpan = this.longSpan;
    for (let i = this.segDone; i < end; i++) if (segs[i].uB - segs[i].uA > longSpan) this.longSegs.push(i);
    this.segDone = end;
    return end >= segs.length;
  }

  finish(): SeqModel {
    while (!this.step(Infinity)) {
      /* a caller that finishes early gets the rest done now */
    }
    const { events, mode, segs, longSegs } = this;
    const n = events.length;
    const uMax = mode === 'time' ? Math.max(this.endTime, n ? events[n - 1].t : 0) : n;
    const longBlockMax = new Float64Array(Math.ceil(longSegs.length / LONG_BLOCK)).fill(-Infinity);
    for (let j = 0; j < longSegs.length; j++) {
      const b = (j / LONG_BLOCK) | 0;
      longBlockMax[b] = Math.max(longBlockMax[b], segs[longSegs[j]].uB);
    }
    return {
      mode,
      lanes: this.lanes,
      laneOf: this.laneOf,
      evU: this.evU,
      segs,
      // sends are in seq order, so segs are sorted by uA already
      segUA: this.segUA,
      longSpan: this.longSpan,
      longSegs,
      longBlockMax,
      bars: this.bars,
      uMax,
      firstSeg: this.firstSeg,
    };
  }
}

/** Event indices [lo, hi) whose u lies in [uTop, uBottom]. */
export function visibleEvents(m: SeqModel, uTop: number, uBottom: number): [number, number] {
  return [lowerBound(m.evU, uTop), upperBound(m.evU, uBottom)];
}

/** Segment indices crossing [uTop, uBottom], ascending. `lostPadU`: the stub length of lost messages in u. */
export function visibleSegments(m: SeqModel, uTop: number, uBottom: number, lostPadU = 0): number[] {
  const out: number[] = [];
  const hi = upperBound(m.segUA, uBottom);
  const lo = lowerBound(m.segUA, uTop - m.longSpan - lostPadU);
  for (let i = lo; i < hi; i++) {
    const s = m.segs[i];
    const end = s.fate === 'lost' ? s.uB + lostPadU : s.uB;
    if (end >= uTop && s.uB - s.uA <= m.longSpan) out.push(i);
  }
  // Long segments: a block whose largest uB is above the window has none crossing it, so a seek looks at one number
  // per LONG_BLOCK long segments (a million-event trace has tens of thousands of them).
  const long = m.longSegs;
  for (let b = 0; b * LONG_BLOCK < long.length; b++) {
    if (long[b * LONG_BLOCK] >= hi) break;
    if (m.longBlockMax[b] < uTop) continue;
    const end = Math.min(long.length, (b + 1) * LONG_BLOCK);
    for (let j = b * LONG_BLOCK; j < end; j++) {
      const i = long[j];
      if (i >= hi) break;
      if (m.segs[i].uB >= uTop) out.push(i);
    }
  }
  out.sort((a, b) => a - b);
  return out;
}

/** u of the cursor. Order mode: the boundary after `pos` events, advancing into the next gap as time passes. */
export function cursorU(mode: AxisMode, cur: Cursor, events: readonly TraceEvent[]): number {
  if (mode === 'time') return cur.t;
  const pos = cur.pos;
  if (pos <= 0 || pos >= events.length) return pos;
  const t0 = events[pos - 1].t;
  const t1 = events[pos].t;
  const frac = t1 > t0 ? Math.min(1, Math.max(0, (cur.t - t0) / (t1 - t0))) : 0;
  return pos + 0.8 * frac;
}

/** Where a click at u lands: a time (time mode) or a pos (order mode). */
export function seekTarget(
  mode: AxisMode,
  u: number,
  nEvents: number,
  endTime: number,
): { t: number } | { pos: number } {
  if (mode === 'time') return { t: Math.max(0, Math.min(endTime, u)) };
  return { pos: Math.max(0, Math.min(nEvents, Math.round(u))) };
}

/**
 * Default px per u. Order mode: a fixed row. Time mode: enough that typical gaps between distinct event times get a
 * few pixels (`medianGap`), at least the whole run in two screens, at most `maxScreens` screens tall.
 */
export function defaultScale(
  mode: AxisMode,
  uMax: number,
  viewportPx: number,
  rowPx: number,
  medianGap = 0,
  maxScreens = 30,
): number {
  if (mode === 'order') return rowPx;
  if (uMax <= 0) return 1;
  const fit = (viewportPx * 2) / uMax;
  const cap = (viewportPx * maxScreens) / uMax;
  const want = medianGap > 0 ? rowPx / medianGap : fit;
  return Math.max(1e-6, fit, Math.min(cap, want));
}

/** Median of the positive gaps between consecutive distinct event times. */
export function medianGap(times: ArrayLike<number>): number {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const g = times[i] - times[i - 1];
    if (g > 0) gaps.push(g);
  }
  if (!gaps.length) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Greedy label placement: true if `b` overlaps none of `placed` (then it is added). */
export function placeLabel(placed: Box[], b: Box): boolean {
  for (const p of placed) if (b.x0 < p.x1 && b.x1 > p.x0 && b.y0 < p.y1 && b.y1 > p.y0) return false;
  placed.push(b);
  return true;
}

const NICE = [1, 2, 5];
/** A tick step (in u) so that ticks are at least `minPx` apart. */
export function tickStep(scale: number, minPx: number): number {
  const raw = minPx / scale;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of NICE) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** The point where a segment crosses the horizontal line at u (clamped to the segment). */
export function splitAt(xA: number, uA: number, xB: number, uB: number, u: number): number {
  if (uB <= uA) return u >= uA ? xB : xA;
  const f = Math.min(1, Math.max(0, (u - uA) / (uB - uA)));
  return xA + (xB - xA) * f;
}

/** A short label for a fault action, used for markers. */
export function faultGlyph(a: FaultAction): string {
  if ('crash' in a) return '⚡';
  if ('recover' in a) return '↺';
  if ('partition' in a) return '⚡';
  if ('heal' in a) return '↺';
  return '⚡';
}

/** A virtual time at a given number of decimals of its unit: "13.2 s" → "13.214 s"; ms get decimals too. */
export function timeAt(ms: number, decimals: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${ms.toFixed(Math.max(0, decimals - 3))} ms`;
  if (a < 60_000) return `${(ms / 1000).toFixed(decimals)} s`;
  return formatTimeShort(ms);
}

function formatTimeShort(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60_000);
  const s = (Math.abs(ms) % 60_000) / 1000;
  return `${ms < 0 ? '-' : ''}${m} m ${s.toFixed(1).padStart(4, '0')} s`;
}

/** Default precision of a time label, as formatTime: ms whole, seconds with 2 decimals below 10 s, else 1. */
function baseDecimals(ms: number): number {
  const a = Math.abs(ms);
  return a < 1000 ? 3 : a < 10_000 ? 2 : 1;
}

export interface Tick {
  y: number;
  label: string;
}

/**
 * Time labels of the chart's gutter. Every label differs from its neighbours at the precision it is shown with:
 * where two would read the same ("13.2 s" twice) the column gets more digits (up to whole ms), and a tick that still
 * repeats, sits closer than `minGapPx` to the previous one, or would be hidden under the cursor badge (within
 * `badgeHalfPx` of `cursorY`) is left out.
 */
export function timeTicks(
  cands: readonly { y: number; t: number }[],
  cursorY: number,
  minGapPx = 18,
  badgeHalfPx = 19,
): Tick[] {
  const kept: { y: number; t: number }[] = [];
  for (const c of cands) {
    if (Math.abs(c.y - cursorY) < badgeHalfPx) continue;
    const prev = kept[kept.length - 1];
    if (prev && (c.y - prev.y < minGapPx || c.t === prev.t)) continue;
    kept.push(c);
  }
  // One precision for the whole column: the fewest extra digits (up to whole ms) at which neighbours differ.
  const labelsAt = (extra: number) => kept.map((k) => timeAt(k.t, Math.min(3, baseDecimals(k.t) + extra)));
  let labels = labelsAt(0);
  for (let extra = 1; extra <= 2 && labels.some((l, i) => i > 0 && l === labels[i - 1]); extra++)
    labels = labelsAt(extra);
  const out: Tick[] = [];
  labels.forEach((label, i) => {
    if (out.length && out[out.length - 1].label === label) return;
    out.push({ y: kept[i].y, label });
  });
  return out;
}

/** Time-mode ticks every `step` ms from `first`: labelled with the digits the step needs (20 ms steps: "13.22 s"). */
export function stepTicks(
  first: number,
  last: number,
  step: number,
  yOf: (u: number) => number,
): { y: number; t: number; label: string }[] {
  const out: { y: number; t: number; label: string }[] = [];
  for (let u = first; u <= last + 1e-9; u += step) {
    const t = Math.round(u * 1000) / 1000;
    const a = Math.abs(t);
    let dec = baseDecimals(t);
    if (a >= 1000 && a < 60_000) while (dec < 3 && Math.abs(step / 1000 - +(step / 1000).toFixed(dec)) > 1e-9) dec++;
    out.push({ y: yOf(t), t, label: timeAt(t, dec) });
  }
  return out;
}

/** A label to place: its candidate boxes in order of preference (each with the text's anchor point). */
export interface LabelCand {
  key: string;
  options: { box: Box; x: number; y: number; anchor: 'start' | 'middle' | 'end'; lines?: string[] }[];
}

/**
 * Greedy placement of every label of the chart in one collision set: each label takes its first candidate box that
 * lies within [x0, x1] and overlaps no label placed before it; a label with no such box is not drawn (its message
 * or event keeps its tooltip, the inspector and the event log). Returns the chosen option per key.
 */
export function placeLabels(
  cands: readonly LabelCand[],
  x0: number,
  x1: number,
  placed: Box[] = [],
): Map<string, LabelCand['options'][number]> {
  const out = new Map<string, LabelCand['options'][number]>();
  for (const c of cands)
    for (const o of c.options) {
      if (o.box.x0 < x0 || o.box.x1 > x1) continue;
      if (placeLabel(placed, o.box)) {
        out.set(c.key, o);
        break;
      }
    }
  return out;
}

/**
 * A lane's heading, at the lane's size `px` or larger, never smaller (presentation mode's texts are at least 20 px at
 * 1920×1080): its node's name in at most two lines, its words whole; else a Chinese name broken between characters
 * (`cjk`: the heading lets them break, balanced: 支付 / 服务 — it read "pay" before); else the node id (P1, TM,
 * ledger) on one line, at 1.15× `px` or as large as fits down to `px` (before it was always 1.15×, and wider ids were
 * cut: "broke", "ledge"); when nothing fits, the one of the two that is cut less, at `px` (the name in the tooltip).
 * `measure(text, px)` is the heading's text width.
 */
export function laneHeading(
  name: string,
  id: string,
  width: number,
  px: number,
  measure: (s: string, px: number) => number,
): { text: string; px: number; cjk: boolean } {
  const m = (s: string) => measure(s, px);
  if (fitsTwoLines(name, width, m)) return { text: name, px, cjk: false };
  if (HAS_CJK.test(name) && fitsTwoLines(name, width, m, true)) return { text: name, px, cjk: true };
  for (let p = Math.round(px * 1.15); p >= px; p--) if (measure(id, p) <= width) return { text: id, px: p, cjk: false };
  // Nothing fits: the id when it is cut clearly less than the name (its widest word): by a fifth; else the name (the
  // id "orders" for "Orders" is narrower only by its capital).
  const cjk = HAS_CJK.test(name);
  const widest = Math.max(...name.split(/\s+/).map((w) => (cjk ? Math.max(...[...w].map(m)) : m(w))));
  return measure(id, px) <= 0.8 * widest ? { text: id, px, cjk: false } : { text: name, px, cjk };
}
