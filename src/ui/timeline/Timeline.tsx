/**
 * The timeline: ⏮ ◀ ▶/⏸ ▶| ⏭, speed, "compress idle gaps", a scrubber (role=slider) with markers — faults ⚡,
 * invariant breaks ● (red), decisions ◆ — and the cursor's virtual time and event k / n. Clicking a marker moves
 * the cursor just after that event.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { TraceIndex } from '../../engine';
import { useRun } from '../../store/run';
import { SPEEDS, useUi, type TimelineAxis } from '../../store/ui';
import { formatTime } from '../theme';
import { invariantMarks, type InvMark } from '../panels/traceViews';
import { cursorToFrac, eventFrac, fracToCursor } from './axis';
import { useFastT } from '../hooks/useFastT';
import { NARROW } from '../shell/layout';

/** Traces longer than this get their markers and window bands a moment after they are shown (useLater). */
const LATER_EVENTS = 50_000;
const NONE: never[] = [];

/**
 * `derive(ix, axis)`, memoized; for a long trace computed in a task of its own after the trace is on screen (the
 * markers of a million-event run take tens of ms, and the render that shows a new trace is long enough). Null until
 * then.
 */
function useLater<T>(ix: TraceIndex, axis: TimelineAxis, derive: (ix: TraceIndex, axis: TimelineAxis) => T): T | null {
  const later = ix.events.length > LATER_EVENTS;
  const now = useMemo(() => (later ? null : derive(ix, axis)), [later, ix, axis, derive]);
  const [done, setDone] = useState<{ ix: TraceIndex; axis: TimelineAxis; value: T } | null>(null);
  useEffect(() => {
    if (!later) return;
    const timer = setTimeout(() => setDone({ ix, axis, value: derive(ix, axis) }), 0);
    return () => clearTimeout(timer);
  }, [later, ix, axis, derive]);
  if (!later) return now;
  return done && done.ix === ix && done.axis === axis ? done.value : null;
}

type MarkerKind = 'fault' | 'break' | 'decision';
interface Marker {
  kind: MarkerKind;
  seq: number;
  frac: number;
  /** i18n key + params for its accessible name. */
  label: string;
  params: Record<string, string | number>;
}

const GLYPH: Record<MarkerKind, string> = { fault: '⚡', break: '●', decision: '◆' };
const COLOR: Record<MarkerKind, string> = { fault: 'text-amber-700', break: 'text-red-700', decision: 'text-sky-800' };
/** Marker rows, top to bottom. */
const ROW: Record<MarkerKind, number> = { fault: 0, break: 1, decision: 2 };

function collectMarkers(ix: TraceIndex, axis: TimelineAxis): Marker[] {
  const out: Marker[] = [];
  // Faults and decisions only (the index lists them), in seq order: not a walk of every event of a long trace.
  const fault = ix.kindSeqs.fault;
  const note = ix.noteSeqs.decision;
  for (let i = 0, j = 0; i < fault.length || j < note.length;) {
    const ev = ix.events[j >= note.length || (i < fault.length && fault[i] < note[j]) ? fault[i++] : note[j++]];
    if (ev.kind === 'fault')
      out.push({
        kind: 'fault',
        seq: ev.seq,
        frac: 0,
        label: 'timeline.marker.fault',
        params: { id: ev.faultId, node: ev.node },
      });
    else if (ev.kind === 'note' && ev.tag === 'decision')
      out.push({
        kind: 'decision',
        seq: ev.seq,
        frac: 0,
        label: 'timeline.marker.decision',
        params: { node: ev.node, key: ev.key },
      });
  }
  // A break never repaired is an alarm (●) where it began; one that closed again is drawn as a window (Windows).
  for (const b of invariantMarks(ix.result.invariants)) {
    if (b.kind !== 'alarm' || b.fromSeq < 0 || b.fromSeq >= ix.events.length) continue;
    out.push({ kind: 'break', seq: b.fromSeq, frac: 0, label: 'timeline.marker.break', params: { inv: b.id } });
  }
  for (const m of out) m.frac = eventFrac(ix, m.seq, axis);
  // Thin out markers closer than ~0.25 % of the width in the same row (100,000-event traces).
  out.sort((a, b) => a.frac - b.frac);
  const last: Record<MarkerKind, number> = { fault: -1, break: -1, decision: -1 };
  return out.filter((m) => {
    if (m.frac - last[m.kind] < 0.0025) return false;
    last[m.kind] = m.frac;
    return true;
  });
}

/**
 * Markers nearer than this (px) share one button: each button is at least 24 × 24 px (WCAG 2.5.8 touch targets) and
 * at most about 50 px wide (three glyphs and a count), so buttons this far apart never overlap.
 */
const CLUSTER_PX = 40;

/** A marker button names at most this many of its markers (then "and N more"). */
const NAMED_MARKERS = 3;
const NAME_FIRST: Record<MarkerKind, number> = { break: 0, fault: 1, decision: 2 };

/** Markers grouped left to right, so that no two marker buttons overlap on a track `width` px wide. */
export function clusterMarkers<M extends { frac: number }>(markers: readonly M[], width: number): M[][] {
  const out: M[][] = [];
  let lastX = -Infinity;
  for (const m of markers) {
    const x = m.frac * width;
    const cur = out[out.length - 1];
    if (cur && x - lastX < CLUSTER_PX) cur.push(m);
    else {
      out.push([m]);
      lastX = x;
    }
  }
  return out;
}

const Markers = memo(function Markers({ ix, axis }: { ix: TraceIndex; axis: TimelineAxis }) {
  const { t } = useFastT();
  const markers = useLater(ix, axis, collectMarkers) ?? NONE;
  const seekPos = useRun((s) => s.seekPos);
  const setPlaying = useRun((s) => s.setPlaying);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const nameOf = (m: Marker) => {
    const ev = ix.events[m.seq];
    return t(m.label, {
      ...m.params,
      time: formatTime(ev.t),
      inv: t(`inv.${m.params.inv}`),
      note: m.params.key ? t(String(m.params.key), ev.kind === 'note' ? ev.params : undefined) : '',
    });
  };
  return (
    // The layer lets clicks through to the scrubber and the invariant windows; only its markers take them.
    <div ref={box} className="pointer-events-none absolute inset-0">
      {clusterMarkers(markers, width).map((group) => {
        const m = group[0];
        // A group names a few markers — breaks first, then faults, then decisions — and says how many more
        // (thousands of decisions share a few groups in a long run).
        const named = [...group]
          .sort((a, b) => NAME_FIRST[a.kind] - NAME_FIRST[b.kind])
          .slice(0, NAMED_MARKERS)
          .map(nameOf);
        if (group.length > NAMED_MARKERS) named.push(t('timeline.marker.more', { n: group.length - NAMED_MARKERS }));
        const name = named.join('; ');
        const kinds = [...new Set(group.map((g) => g.kind))].sort((a, b) => ROW[a] - ROW[b]);
        return (
          <button
            key={`${m.kind}:${m.seq}`}
            type="button"
            className="marker pointer-events-auto absolute top-2 flex h-6 min-w-6 -translate-x-1/2 items-center justify-center leading-none"
            style={{ left: `${m.frac * 100}%` }}
            aria-label={name}
            title={name}
            onClick={(e) => {
              e.stopPropagation();
              setPlaying(false);
              seekPos(m.seq + 1);
            }}
            onPointerDown={(e) => e.stopPropagation()}
          >
            {kinds.map((k) => (
              <span key={k} aria-hidden="true" className={COLOR[k]}>
                {GLYPH[k]}
              </span>
            ))}
            {group.length > kinds.length && (
              <span aria-hidden="true" className="text-[14px] leading-none font-bold text-slate-700">
                {group.length}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
});

/** Where an invariant change lies on the scrubber: just after its event, or at its instant between events. */
function markFrac(ix: TraceIndex, seq: number, time: number, axis: TimelineAxis): number {
  const ev = ix.events[seq];
  if (ev && ev.t === time) return eventFrac(ix, seq, axis);
  return cursorToFrac(ix, seq, time, axis);
}

/** A closed window of inconsistency on the scrubber: where it begins and ends (fractions of the track). */
export interface WindowMark {
  id: string;
  fromSeq: number;
  from: number;
  to: number;
  a: number;
  b: number;
}

/** The narrowest a window is drawn (px): a 24 px touch target (WCAG 2.5.8), as `.inv-window`'s min-width. */
const WINDOW_MIN_PX = 24;
/** Windows closer than this (px) share one band. */
const WINDOW_GAP_PX = 4;

/**
 * Windows merged into bands that never overlap on a track `width` px wide (each drawn at least WINDOW_MIN_PX wide):
 * a run of thousands of transactions has a window per transaction, and one button each made the timeline tens of
 * thousands of elements — seconds to build and a repaint of all of them on every seek. Sorted by start.
 */
export function windowBands<W extends { a: number; b: number }>(wins: readonly W[], width: number): W[][] {
  const sorted = [...wins].sort((x, y) => x.a - y.a);
  const out: W[][] = [];
  const px = Math.max(1, width);
  let end = -Infinity;
  for (const w of sorted) {
    const cur = out[out.length - 1];
    if (cur && (w.a - end) * px < WINDOW_GAP_PX) cur.push(w);
    else {
      out.push([w]);
      end = -Infinity;
    }
    end = Math.max(end, w.b, out[out.length - 1][0].a + WINDOW_MIN_PX / px);
  }
  return out;
}

/** The closed windows of inconsistency of a run, placed on the scrubber. */
function windowMarks(ix: TraceIndex, axis: TimelineAxis): WindowMark[] {
  return invariantMarks(ix.result.invariants)
    .filter((m): m is InvMark & { to: number } => m.kind === 'window')
    .map((w) => ({
      id: w.id,
      fromSeq: w.fromSeq,
      from: w.from,
      to: w.to,
      a: markFrac(ix, w.fromSeq, w.from, axis),
      b: markFrac(ix, w.toSeq ?? ix.events.length, w.to, axis),
    }));
}

/** A band names each of its windows while they are few; beyond that, per invariant: how many, and from when to when. */
const NAMED_WINDOWS = 3;

/**
 * Windows of inconsistency that closed again (e.g. "consistent now" while COMMIT messages are in flight): a band
 * from where it broke to where it held again, amber, on the row of the break marks — a window, not an alarm.
 * Windows nearer than a few px share one band (windowBands).
 */
const Windows = memo(function Windows({ ix, axis }: { ix: TraceIndex; axis: TimelineAxis }) {
  const { t } = useFastT();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const wins = useLater(ix, axis, windowMarks) ?? NONE;
  const bands = useMemo(() => windowBands(wins, width), [wins, width]);
  const nameOf = (band: WindowMark[]) => {
    if (band.length <= NAMED_WINDOWS)
      return band
        .map((w) =>
          t('timeline.marker.window', { inv: t(`inv.${w.id}`), from: formatTime(w.from), to: formatTime(w.to) }),
        )
        .join('; ');
    const byInv = new Map<string, WindowMark[]>();
    for (const w of band) {
      const list = byInv.get(w.id);
      if (list) list.push(w);
      else byInv.set(w.id, [w]);
    }
    return [...byInv]
      .map(([id, ws]) =>
        ws.length === 1
          ? t('timeline.marker.window', { inv: t(`inv.${id}`), from: formatTime(ws[0].from), to: formatTime(ws[0].to) })
          : t('timeline.marker.windows', {
              inv: t(`inv.${id}`),
              n: ws.length,
              from: formatTime(ws[0].from),
              to: formatTime(Math.max(...ws.map((w) => w.to))),
            }),
      )
      .join('; ');
  };
  return (
    <div ref={box} className="pointer-events-none absolute inset-0">
      {bands.map((band) => {
        const first = band[0];
        const a = first.a;
        const b = Math.max(...band.map((w) => w.b));
        const name = nameOf(band);
        return (
          <button
            key={`${first.id}:${first.fromSeq}`}
            type="button"
            className="inv-window pointer-events-auto absolute"
            style={{ left: `${a * 100}%`, width: `max(24px, ${(b - a) * 100}%)`, top: `${ROW.break * 13 - 24}px` }}
            aria-label={name}
            title={name}
            onClick={(e) => {
              e.stopPropagation();
              const lab = useRun.getState();
              lab.setPlaying(false);
              const ev = ix.events[first.fromSeq];
              if (ev && ev.t === first.from) lab.seekPos(first.fromSeq + 1);
              else lab.seekTime(first.from);
            }}
            onPointerDown={(e) => e.stopPropagation()}
          />
        );
      })}
    </div>
  );
});

function Scrubber() {
  const { t } = useFastT();
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const axis = useUi((s) => s.axis);
  const track = useRef<HTMLDivElement>(null);
  const n = index.events.length;
  const frac = cursorToFrac(index, cursor.pos, cursor.t, axis);

  const seekAt = (clientX: number) => {
    const el = track.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const c = fracToCursor(index, (clientX - r.left) / Math.max(1, r.width), axis);
    const lab = useRun.getState();
    if ('pos' in c) lab.seekCursor(c.pos, c.t);
    else lab.seekTime(c.t);
  };

  return (
    <div className={'relative min-w-0 flex-1 px-2 ' + NARROW.scrubber}>
      <div className="relative h-[40px]" aria-hidden={false}>
        <Windows ix={index} axis={axis} />
        <Markers ix={index} axis={axis} />
      </div>
      <div
        ref={track}
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.scrubber')}
        aria-valuemin={0}
        aria-valuemax={n}
        aria-valuenow={cursor.pos}
        aria-valuetext={t('timeline.valuetext', { k: cursor.pos, n, time: formatTime(cursor.t) })}
        className="scrubber relative h-5 cursor-pointer touch-none rounded-full bg-slate-200 outline-offset-2"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          useRun.getState().setPlaying(false);
          seekAt(e.clientX);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) seekAt(e.clientX);
        }}
      >
        <div className="absolute inset-y-0 left-0 rounded-full bg-sky-700/70" style={{ width: `${frac * 100}%` }} />
        <div
          className="absolute top-1/2 h-7 w-7 -translate-x-1/2 -translate-y-1/2 rounded-full border-[3px] border-white bg-sky-800 shadow"
          style={{ left: `${frac * 100}%` }}
        />
      </div>
    </div>
  );
}

/** The longest time label of a run ending at `end` (monospace: the most characters is the widest). */
function widestTime(end: number): string {
  const cands = [end, Math.min(end, 999), Math.min(end, 59_999), Math.min(end, 3_599_999)].map(formatTime);
  return cands.reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * A text that keeps the width of its widest value (drawn invisibly in the same grid cell, as CSS content, so it is
 * in no text content or accessible name). The clock changes on every seek ("event 9 / 1050027" → "event 500000 /
 * …"): if its width followed, the scrubber beside it would resize, and every marker and window band with it.
 */
function Steady({ text, widest }: { text: string; widest: string }) {
  return (
    <span
      data-widest={widest}
      className="inline-grid justify-items-end before:invisible before:col-start-1 before:row-start-1 before:content-[attr(data-widest)]"
    >
      <span className="col-start-1 row-start-1">{text}</span>
    </span>
  );
}

/** The cursor's virtual time and event k / n. */
function Clock() {
  const { t } = useFastT();
  const cursor = useRun((s) => s.cursor);
  const n = useRun((s) => s.index.events.length);
  const endTime = useRun((s) => s.index.endTime);
  return (
    <>
      <output
        aria-label={t('timeline.now')}
        className="font-mono text-[17px] font-bold whitespace-nowrap text-slate-950 tabular-nums"
      >
        <Steady text={`t = ${formatTime(cursor.t)}`} widest={`t = ${widestTime(endTime)}`} />
      </output>
      <div className="font-mono text-[14px] whitespace-nowrap text-slate-700 tabular-nums">
        <Steady
          text={`${t('timeline.eventOf', { k: cursor.pos, n })} · ${formatTime(endTime)}`}
          widest={`${t('timeline.eventOf', { k: n, n })} · ${formatTime(endTime)}`}
        />
      </div>
    </>
  );
}

/** Transport icons as SVG (emoji media glyphs are missing from many projector PCs' fonts). */
function Icon({ name }: { name: 'start' | 'back' | 'play' | 'pause' | 'forward' | 'end' }) {
  const p: Record<typeof name, React.ReactNode> = {
    start: (
      <>
        <rect x="2" y="4" width="2.5" height="12" />
        <path d="M11 4 L4 10 L11 16 Z M18 4 L11 10 L18 16 Z" />
      </>
    ),
    back: <path d="M14 4 L5 10 L14 16 Z" />,
    play: <path d="M6 3 L17 10 L6 17 Z" />,
    pause: (
      <>
        <rect x="5" y="4" width="3.5" height="12" />
        <rect x="11.5" y="4" width="3.5" height="12" />
      </>
    ),
    forward: (
      <>
        <path d="M4 4 L13 10 L4 16 Z" />
        <rect x="14" y="4" width="2.5" height="12" />
      </>
    ),
    end: (
      <>
        <path d="M2 4 L9 10 L2 16 Z M9 4 L16 10 L9 16 Z" />
        <rect x="15.5" y="4" width="2.5" height="12" />
      </>
    ),
  };
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
      {p[name]}
    </svg>
  );
}

function speedLabel(v: number) {
  return `${v}×`;
}

export function Timeline() {
  const { t } = useFastT();
  const playing = useRun((s) => s.playing);
  const speed = useRun((s) => s.speed);
  // Only what the buttons need, so a seek or a playback frame re-renders the scrubber and the clock, not this.
  const atStart = useRun((s) => s.cursor.pos === 0);
  const atEnd = useRun((s) => s.cursor.pos >= s.index.events.length);
  const compress = useUi((s) => s.compressIdle);
  const axis = useUi((s) => s.axis);
  const lab = useRun.getState;
  const btn =
    'flex h-10 w-10 items-center justify-center rounded-md border border-slate-400 bg-white text-[18px] text-slate-900 hover:bg-slate-100 disabled:opacity-40';
  const speeds: number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number])
    ? [...SPEEDS]
    : [...SPEEDS, speed].sort((a, b) => a - b);
  return (
    <section
      aria-label={t('timeline.title')}
      className={
        'flex shrink-0 items-end gap-3 border-y border-slate-300 bg-slate-50 px-3 pt-0.5 pb-2 ' + NARROW.timeline
      }
    >
      <div className="flex items-center gap-1" role="group" aria-label={t('timeline.transport')}>
        <button
          type="button"
          className={btn}
          aria-label={t('timeline.start')}
          title={t('timeline.start') + ' (Home)'}
          onClick={() => {
            lab().setPlaying(false);
            lab().seekPos(0);
          }}
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          className={btn}
          aria-label={t('timeline.back')}
          title={t('timeline.back') + ' (←)'}
          onClick={() => lab().stepBy(-1)}
          disabled={atStart}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className={btn + ' w-12 bg-sky-800! text-white! hover:bg-sky-900!'}
          aria-label={playing ? t('timeline.pause') : t('timeline.play')}
          title={(playing ? t('timeline.pause') : t('timeline.play')) + ' (Space)'}
          onClick={() => lab().setPlaying(!playing)}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className={btn}
          aria-label={t('timeline.forward')}
          title={t('timeline.forward') + ' (→)'}
          onClick={() => lab().stepBy(1)}
          disabled={atEnd}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className={btn}
          aria-label={t('timeline.end')}
          title={t('timeline.end') + ' (End)'}
          onClick={() => {
            lab().setPlaying(false);
            lab().seekTime(lab().index.endTime);
          }}
        >
          <Icon name="end" />
        </button>
      </div>
      <div className="flex flex-col gap-0.5">
        <label className="flex items-center gap-1.5 text-[14px] font-semibold text-slate-700">
          {t('timeline.speed')}
          <select
            value={speed}
            onChange={(e) => lab().setSpeed(Number(e.target.value))}
            className="rounded border border-slate-400 bg-white px-1 py-0.5 font-mono text-[15px] text-slate-900"
          >
            {speeds.map((v) => (
              <option key={v} value={v}>
                {speedLabel(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-[14px] text-slate-800" title={t('timeline.compress.desc')}>
          <input
            type="checkbox"
            checked={compress}
            onChange={(e) => useUi.getState().setCompressIdle(e.target.checked)}
            className="h-4 w-4"
          />
          {t('timeline.compress')}
        </label>
      </div>
      <Scrubber />
      <div className="flex flex-col items-end gap-0.5">
        <Clock />
        <button
          type="button"
          className="text-[14px] text-sky-900 underline"
          onClick={() => useUi.getState().setAxis(axis === 'events' ? 'time' : 'events')}
          aria-label={t('timeline.axisToggle', { axis: t(`timeline.axis.${axis}`) })}
        >
          {t(`timeline.axis.${axis}`)}
        </button>
      </div>
    </section>
  );
}
