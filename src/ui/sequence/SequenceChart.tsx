/**
 * Message-sequence (space-time) chart: one lifeline per topology node, time flowing down, an arrow per message copy.
 * Drawn from (trace, cursor) only. Virtualized: the SVG is as tall as the viewport (sticky inside a spacer as tall
 * as the whole run) and only the events and arrows crossing the visible window are drawn.
 */
import {
  startTransition,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useRun, type Selection } from '../../store/run';
import type { TraceEvent, TraceIndex } from '../../engine';
import { msgOfRow, rowKeysOf } from '../diagram/derive';
import { FUTURE_LABEL, formatTime, messageColor, messageLabelColor, toneColor } from '../theme';
import { describeEvent } from '../panels/describe';
import { usePanelText } from '../panels/common';
import { textWidth as measureText, wrapText } from '../panels/measure';
import { useSeqModel } from './useSeqModel';
import { Segmented } from '../shell/Segmented';
import {
  cursorU,
  defaultScale,
  medianGap,
  placeLabels,
  type LabelCand,
  seekTarget,
  segsOf,
  stepTicks,
  timeTicks,
  laneHeading,
  splitAt,
  tickStep,
  visibleEvents,
  visibleSegments,
  type AxisMode,
  type SeqSegment,
} from './layout';

/** The time gutter fits the widest time label the run can show ("12 h 05 m" is wider than "310 ms"), bold 13 px. */
const gutterFor = (endTime: number) => Math.max(72, Math.ceil(textWidth(formatTime(endTime), 13, 700)) + 20);
const PAD_TOP = 14;
const PAD_BOTTOM = 40;
const ROW = 26;
const LOST_PX = 12;
const FUTURE_OPACITY = 0.22;
/** Drawn beyond the visible window above and below: enough for a smooth scroll, small enough that a far seek
 * builds few SVG elements. */
const MARGIN_PX = 120;

const textWidth = (text: string, px: number, weight = 600) => measureText(text, px, weight);

/** Index of the first segment whose message was sent after seq `seq` (segments are in send order). */
function firstSegAfter(segs: readonly SeqSegment[], seq: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].sendSeq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Highlight {
  sends: Set<number>;
  lanes: Set<number>;
  seqs: Set<number>;
  faults: Set<string>;
  /** Table-row selections: the ids (msg.tx / msg.mid) whose messages are highlighted. */
  rows: ReadonlySet<string>[];
  /** Lanes whose heading is marked (a tour step's nodes) without marking every arrow on them. */
  heads: Set<number>;
}

function highlightOf(sels: (Selection | null)[], index: TraceIndex, laneOf: Map<string, number>): Highlight {
  const events = index.events;
  const h: Highlight = {
    sends: new Set(),
    lanes: new Set(),
    seqs: new Set(),
    faults: new Set(),
    rows: [],
    heads: new Set(),
  };
  for (const s of sels) {
    if (!s) continue;
    if (s.kind === 'row') {
      const keys = rowKeysOf(s, index);
      if (keys) h.rows.push(keys);
    } else if (s.kind === 'message') h.sends.add(s.sendSeq);
    else if (s.kind === 'node') {
      const l = laneOf.get(s.node);
      if (l !== undefined) h.lanes.add(l);
    } else if (s.kind === 'fault') h.faults.add(s.id);
    else if (s.kind === 'group') {
      for (const seq of s.sends) h.sends.add(seq);
      for (const n of s.nodes) {
        const l = laneOf.get(n);
        if (l !== undefined) h.heads.add(l);
      }
    } else if (s.kind === 'event') {
      h.seqs.add(s.seq);
      const ev = events[s.seq];
      if (ev?.kind === 'send') h.sends.add(ev.seq);
      if (ev?.kind === 'deliver' || ev?.kind === 'drop') h.sends.add(ev.sendSeq);
    }
  }
  return h;
}

export function SequenceChart() {
  const { t, name } = usePanelText();
  const tf = t;
  const index = useRun((s) => s.index);
  const cursor = useRun((s) => s.cursor);
  const selection = useRun((s) => s.selection);
  const hover = useRun((s) => s.hover);
  const playing = useRun((s) => s.playing);
  const stats = useRun((s) => s.result.stats);
  const seekPos = useRun((s) => s.seekPos);
  const seekTime = useRun((s) => s.seekTime);
  const select = useRun((s) => s.select);
  const setHover = useRun((s) => s.setHover);

  const [mode, setMode] = useState<AxisMode>('order');
  const [zoom, setZoom] = useState(1);
  const [follow, setFollow] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  // The scroll area's size, null until it has been measured (see the effect below).
  const [measured, setMeasured] = useState<{ w: number; h: number } | null>(null);
  const size = measured ?? { w: 600, h: 300 };
  const scrollRef = useRef<HTMLDivElement>(null);
  const progTarget = useRef<number | null>(null);
  // Keyboard: one arrow is in the tab order (roving tabindex); ↑/↓ (←/→) move between messages.
  const svgRef = useRef<SVGSVGElement>(null);
  const [focusSend, setFocusSend] = useState<number | null>(null);
  const [focusedSend, setFocusedSend] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const events = index.events;
  const lanes = index.nodeIds;
  // A long trace is laid out in slices (useSeqModel); until then the model is empty and a progress line shows.
  const { model, building } = useSeqModel(events, lanes, mode, index.endTime);

  // The chart is drawn once its area has been measured: the first commit is the frame (toolbar, empty header row
  // and scroll area), its size comes with the resize observer's first report (made after the browser's own layout of
  // that frame), and the chart is drawn in a transition (rendered in slices). Drawn at a guessed size first, the
  // whole chart was drawn again at the real size in one more commit, outside any transition (a 35-75 ms task in
  // Lighthouse's trace). Read in this effect instead, the size forced the style and layout of the new pane inside the
  // script (a 30 ms task in Lighthouse's trace, which records a script stack for each element laid out).
  // [issue 15: Lighthouse, total blocking time]
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let last: { w: number; h: number } | null = null;
    const ro = new ResizeObserver(() => {
      if (last !== null && el.clientWidth === last.w && el.clientHeight === last.h) return;
      const first = last === null;
      last = { w: el.clientWidth, h: el.clientHeight };
      const next = last;
      if (first) startTransition(() => setMeasured(next));
      else setMeasured(next);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const gap = useMemo(() => (mode === 'time' ? medianGap(model.evU) : 0), [model, mode]);
  const scale = defaultScale(mode, model.uMax, size.h, ROW, gap) * (mode === 'time' ? zoom : 1);
  const totalH = PAD_TOP + model.uMax * scale + PAD_BOTTOM;
  const yOf = (u: number) => PAD_TOP + u * scale;
  const nLanes = Math.max(1, lanes.length);
  const GUTTER = gutterFor(index.endTime);
  const laneW = Math.max(40, (size.w - GUTTER - 12) / nLanes);
  const xOf = (lane: number) => GUTTER + (lane + 0.5) * laneW;
  // Lane headers: as large as the lane allows; a name too long for two lines shows the node's id (laneHeading).
  const headPx = laneW < 100 ? 13 : laneW < 150 ? 14 : 16;

  const cu = cursorU(mode, cursor, events);
  const cy = yOf(cu);

  // ---- follow the cursor
  const prevPlaying = useRef(playing);
  const prevPos = useRef(cursor.pos);
  useEffect(() => {
    const rising = playing && !prevPlaying.current;
    const jumped = !playing && prevPos.current !== cursor.pos;
    prevPlaying.current = playing;
    prevPos.current = cursor.pos;
    if ((rising || jumped) && !follow) setFollow(true);
  }, [playing, cursor.pos, follow]);

  // Follow the cursor without touching the DOM's layout: the view height comes from the ResizeObserver and the
  // scroll offset from our own state, so a seek never forces a synchronous layout. When the cursor leaves the
  // comfortable band the offset is adjusted during render (no second commit); the scroll container's native
  // offset catches up after the frame is drawn (see the effect below), when layout is clean and the write is cheap.
  // A tour step (a group selection): its messages are on screen together with the cursor, as far as both fit.
  let groupU: number | null = null;
  if (selection?.kind === 'group') {
    for (const seq of selection.sends)
      for (const i of segsOf(model, seq)) groupU = Math.min(groupU ?? Infinity, model.segUA[i]);
  }
  if (follow && groupU !== null && !playing) {
    const h = size.h;
    const lo = Math.max(0, cy - 0.85 * h);
    const hi = Math.max(lo, yOf(groupU) - 0.1 * h);
    const target = Math.round(Math.min(Math.max(0, totalH - h), Math.max(lo, Math.min(hi, scrollTop))));
    if (Math.abs(target - scrollTop) > 1) setScrollTop(target);
  } else if (follow) {
    const h = size.h;
    if (cy < scrollTop + 0.1 * h || cy > scrollTop + 0.85 * h) {
      const maxTop = Math.max(0, totalH - h);
      const target = Math.min(maxTop, Math.max(0, Math.round(cy - (playing ? 0.7 : 0.5) * h)));
      if (target !== scrollTop) setScrollTop(target);
    }
  }
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let timer = 0;
    const raf = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        if (Math.abs(el.scrollTop - scrollTop) > 1) {
          progTarget.current = scrollTop;
          el.scrollTop = scrollTop;
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [scrollTop]);

  useEffect(() => {
    const n = pendingFocus.current;
    if (n === null) return;
    const el = svgRef.current?.querySelector<SVGGElement>(`[data-send="${n}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const st = el.scrollTop;
    // The echo of our own programmatic scroll (sub-pixel rounding) is not a new position: no second render.
    if (Math.abs(st - scrollTop) >= 1) setScrollTop(st);
    if (progTarget.current !== null && Math.abs(progTarget.current - st) <= 2) {
      progTarget.current = null;
      return;
    }
    progTarget.current = null;
    // A shorter trace (another scenario) makes the browser clamp the offset: that is not the user scrolling away.
    const clamped = st < scrollTop - 1 && st >= el.scrollHeight - el.clientHeight - 1;
    if (!clamped && (cy < st || cy > st + size.h)) setFollow(false);
  };

  const zoomBy = (f: number) => {
    const el = scrollRef.current;
    const next = Math.max(0.05, Math.min(2000, zoom * f));
    setZoom(next);
    if (el) {
      // keep the cursor where it is on screen
      const off = cy - el.scrollTop;
      const ncy = PAD_TOP + cu * (scale / zoom) * next;
      progTarget.current = Math.max(0, Math.round(ncy - off));
      requestAnimationFrame(() => {
        el.scrollTop = progTarget.current ?? el.scrollTop;
      });
    }
  };

  const toolbar = (
    <div className="flex items-center gap-2 border-b border-slate-200 px-2 py-1 whitespace-nowrap">
      <h2 className="shrink-0 font-semibold">{t('panels.seq.title')}</h2>
      <Segmented
        label={t('panels.seq.axis')}
        options={(['time', 'order'] as const).map((m) => ({ value: m, label: t('panels.seq.axis.' + m) }))}
        value={mode}
        onChange={(m) => {
          setMode(m);
          setFollow(true);
        }}
        buttonClass="px-2 py-0.5"
      />
      {mode === 'time' && (
        <div className="flex shrink-0 gap-1">
          <button
            type="button"
            className="rounded border border-slate-300 px-2 hover:bg-slate-100"
            aria-label={t('panels.seq.zoomOut')}
            title={t('panels.seq.zoomOut')}
            onClick={() => zoomBy(1 / 1.6)}
          >
            −
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 hover:bg-slate-100"
            aria-label={t('panels.seq.zoomIn')}
            title={t('panels.seq.zoomIn')}
            onClick={() => zoomBy(1.6)}
          >
            +
          </button>
        </div>
      )}
      {!follow && (
        <button
          type="button"
          className="shrink-0 rounded border border-sky-700 px-2 text-sky-800 hover:bg-sky-50"
          onClick={() => setFollow(true)}
        >
          {t('panels.seq.follow')}
        </button>
      )}
      <span className="ml-auto flex min-w-0 items-center gap-2 overflow-hidden text-slate-700" aria-hidden="true">
        <span>
          <b className="text-red-700">✕</b> {t('panels.seq.legend.lost')}
        </span>
        <span className="inline-flex items-center gap-0.5">
          <svg width="15" height="15" viewBox="0 0 15 15">
            <rect x={0.75} y={0.75} width={9} height={9} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
            <rect x={5.25} y={5.25} width={9} height={9} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
          </svg>
          {t('panels.seq.legend.dup')}
        </span>
        <span>
          <b className="text-violet-700">◆</b> {t('panels.seq.legend.decision')}
        </span>
        <span>
          <b className="text-orange-700">⚡</b> {t('panels.seq.legend.fault')}
        </span>
        <span>
          <b>▮</b> {t('panels.seq.legend.down')}
        </span>
      </span>
    </div>
  );
  const section = (children: ReactNode) => (
    <section
      className="flex h-full min-h-0 flex-col bg-white text-sm text-slate-900"
      aria-label={t('panels.seq.title')}
    >
      {toolbar}
      {children}
    </section>
  );
  if (!measured)
    return section(
      <>
        <div className="relative h-11 shrink-0 border-b border-slate-200 bg-slate-50" aria-hidden="true" />
        <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto" onScroll={onScroll} />
      </>,
    );

  // ---- visible window
  const viewH = size.h;
  const uTop = (scrollTop - MARGIN_PX - PAD_TOP) / scale;
  const uBottom = (scrollTop + viewH + MARGIN_PX - PAD_TOP) / scale;
  const [evLo, evHi] = visibleEvents(model, uTop, uBottom);
  const segIdx = visibleSegments(model, uTop, uBottom, LOST_PX / scale);
  // A tour step's messages are drawn (highlighted) even when they lie outside the window: a step names a handful,
  // and the ones that do not fit beside the cursor are still there to scroll to, already marked.
  if (selection?.kind === 'group') {
    const have = new Set(segIdx);
    for (const seq of selection.sends) for (const i of segsOf(model, seq)) if (!have.has(i)) segIdx.push(i);
  }
  const hl = highlightOf([selection, hover], index, model.laneOf);
  const anyHl = hl.sends.size + hl.lanes.size + hl.seqs.size + hl.faults.size + hl.rows.length > 0;
  /** Whether the message sent at `sendSeq` is highlighted (selected itself, or one of a selected row's). */
  const sendHl = (sendSeq: number) => {
    if (hl.sends.has(sendSeq)) return true;
    if (!hl.rows.length) return false;
    const ev = events[sendSeq];
    return ev?.kind === 'send' && hl.rows.some((k) => msgOfRow(ev.msg, k));
  };

  const onBackgroundClick = (e: MouseEvent<SVGRectElement>) => {
    const rect = (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
    const y = e.clientY - rect.top + scrollTop;
    const target = seekTarget(mode, (y - PAD_TOP) / scale, events.length, index.endTime);
    if ('t' in target) seekTime(target.t);
    else seekPos(target.pos);
  };

  const segTarget = (s: SeqSegment) => (s.arrSeq !== null ? s.arrSeq + 1 : s.sendSeq + 1);

  // ---- draw
  const yTop = scrollTop - MARGIN_PX;
  const yBottom = scrollTop + viewH + MARGIN_PX;
  // Time labels: each distinct at the precision it shows, none under the cursor badge.
  let ticks: { y: number; label: string }[];
  if (mode === 'time') {
    const step = tickStep(scale, 56);
    const first = Math.max(0, Math.ceil(uTop / step) * step);
    ticks = stepTicks(first, Math.min(uBottom, model.uMax), step, yOf).filter((k) => Math.abs(k.y - cy) >= 19);
  } else {
    const cands: { y: number; t: number }[] = [];
    for (let i = evLo; i < evHi; i++) {
      if (i > 0 && events[i - 1].t === events[i].t) continue;
      cands.push({ y: yOf(model.evU[i]), t: events[i].t });
    }
    ticks = timeTicks(cands, cy);
  }

  // Every label of the window in one collision set (message types and event notes), measured, never overlapping.
  const noteOf = (ev: TraceEvent): string | null => {
    if (mode !== 'order') return null;
    if (ev.kind === 'note') return ev.tag && ev.tag !== 'info' ? describeEvent(tf, ev, name) : null;
    if (ev.kind === 'fault') return describeEvent(tf, ev, name);
    return null;
  };
  const segCands: LabelCand[] = [];
  const hlCands: LabelCand[] = [];
  for (const i of segIdx) {
    const s = model.segs[i];
    const xA = xOf(s.from);
    const xB = xOf(s.to);
    const yA = yOf(s.uA);
    const lost = s.fate === 'lost';
    const w = textWidth(s.type, 14) + 4;
    const options: LabelCand['options'] = [];
    if (lost) {
      const mx = xA + (xB - xA) * 0.3;
      const my = yA + LOST_PX;
      const right = xB >= xA;
      const x = right ? mx + 12 : mx - 12;
      const x0 = right ? x : x - w;
      options.push({ box: { x0, x1: x0 + w, y0: my - 18, y1: my }, x, y: my - 4, anchor: right ? 'start' : 'end' });
    } else {
      const yB = yOf(s.uB);
      // Above the arrow at its middle, else at a third or two thirds of it, else just below its middle.
      for (const f of [0.5, 0.32, 0.68]) {
        const mx = xA + (xB - xA) * f;
        const my = yA + (yB - yA) * f;
        options.push({
          box: { x0: mx - w / 2, x1: mx + w / 2, y0: my - 18, y1: my },
          x: mx,
          y: my - 4,
          anchor: 'middle',
        });
      }
      const mx = (xA + xB) / 2;
      const my = (yA + yB) / 2;
      options.push({
        box: { x0: mx - w / 2, x1: mx + w / 2, y0: my + 2, y1: my + 20 },
        x: mx,
        y: my + 16,
        anchor: 'middle',
      });
    }
    (sendHl(s.sendSeq) ? hlCands : segCands).push({ key: 's' + i, options });
  }
  const noteCands: LabelCand[] = [];
  for (let i = evLo; i < evHi; i++) {
    const ev = events[i];
    const text = noteOf(ev);
    if (!text) continue;
    const lane = model.laneOf.get(ev.node);
    const x = lane === undefined ? GUTTER - 10 : xOf(lane);
    const y = yOf(model.evU[i]);
    const w = textWidth(text, 13, 400) + 2;
    const options: LabelCand['options'] = [
      { box: { x0: x + 12, x1: x + 12 + w, y0: y - 9, y1: y + 7 }, x: x + 12, y: y + 4, anchor: 'start' },
      { box: { x0: x - 12 - w, x1: x - 12, y0: y - 9, y1: y + 7 }, x: x - 12, y: y + 4, anchor: 'end' },
    ];
    // Too long for either side: wrap on the wider side, in lines of 15 px.
    const roomR = size.w - 4 - (x + 12);
    const roomL = x - 12 - GUTTER;
    const room = Math.max(roomR, roomL);
    if (room > 60) {
      const lines = wrapText(text, room, (t) => textWidth(t, 13, 400));
      const lw = Math.max(...lines.map((l) => textWidth(l, 13, 400))) + 2;
      const h = lines.length * 15;
      if (roomR >= roomL)
        options.push({
          box: { x0: x + 12, x1: x + 12 + lw, y0: y - 9, y1: y - 9 + h },
          x: x + 12,
          y: y + 4,
          anchor: 'start',
          lines,
        });
      else
        options.push({
          box: { x0: x - 12 - lw, x1: x - 12, y0: y - 9, y1: y - 9 + h },
          x: x - 12,
          y: y + 4,
          anchor: 'end',
          lines,
        });
    }
    noteCands.push({ key: 'e' + ev.seq, options });
  }
  const chosen = placeLabels([...hlCands, ...noteCands, ...segCands], GUTTER, size.w - 2);

  const visibleSends = new Set(segIdx.map((i) => model.segs[i].sendSeq));
  const selSend = selection?.kind === 'message' ? selection.sendSeq : null;
  const rover =
    [focusSend, selSend].find((x): x is number => x !== null && visibleSends.has(x)) ??
    (segIdx.length ? model.segs[segIdx.find((i) => model.segs[i].uA >= cu) ?? segIdx[0]].sendSeq : null);
  const onArrowKey = (e: KeyboardEvent<SVGGElement>, s: SeqSegment) => {
    // Segments are in send order (every send has one at least): the neighbours of a message are found by binary
    // search, not by a list of every message (hundreds of thousands in a long trace).
    const segs = model.segs;
    let next: number | undefined;
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = segs[firstSegAfter(segs, s.sendSeq)]?.sendSeq;
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = segs[firstSegAfter(segs, s.sendSeq - 1) - 1]?.sendSeq;
    else if (e.key === 'Home') next = segs[0]?.sendSeq;
    else if (e.key === 'End') next = segs[segs.length - 1]?.sendSeq;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      select({ kind: 'message', sendSeq: s.sendSeq });
      seekPos(segTarget(s));
      return;
    } else return;
    // The chart's own keys: playback does not also step.
    e.preventDefault();
    e.stopPropagation();
    if (next === undefined) return;
    setFocusSend(next);
    select({ kind: 'message', sendSeq: next });
    pendingFocus.current = next;
    const seg = model.segs[segsOf(model, next)[0]];
    const y = yOf(seg.uA);
    const y2 = yOf(seg.uB);
    if (y < scrollTop + 30 || y2 > scrollTop + viewH - 30) {
      setFollow(false);
      setScrollTop(Math.max(0, Math.min(totalH - viewH, Math.round((y + y2) / 2 - viewH / 2))));
    }
  };
  const segEls = segIdx.map((i) => {
    const s = model.segs[i];
    const color = messageColor(s.type);
    const xA = xOf(s.from);
    const xB = xOf(s.to);
    const yA = yOf(s.uA);
    const lost = s.fate === 'lost';
    const xEnd = lost ? xA + (xB - xA) * 0.3 : s.fate === 'drop' ? xB - Math.sign(xB - xA) * 6 : xB;
    const yEnd = lost ? yA + LOST_PX : yOf(s.uB);
    const pastA = s.sendSeq < cursor.pos;
    const pastB = s.arrSeq !== null ? s.arrSeq < cursor.pos : pastA && s.tB <= cursor.t && !lost ? true : lost && pastA;
    const uEnd = lost ? s.uA + LOST_PX / scale : s.uB;
    const split = !pastA ? xA : pastB ? xEnd : splitAt(xA, s.uA, xEnd, uEnd, cu);
    const ySplit = !pastA ? yA : pastB ? yEnd : Math.min(yEnd, Math.max(yA, cy));
    const isHl = sendHl(s.sendSeq) || hl.lanes.has(s.from) || hl.lanes.has(s.to);
    const dim = anyHl && !isHl ? 0.45 : 1;
    const width = isHl ? 3.5 : 2;
    const dx = xEnd - xA;
    const dy = yEnd - yA;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const head = `${xEnd},${yEnd} ${xEnd - 9 * ux + 4.5 * uy},${yEnd - 9 * uy - 4.5 * ux} ${xEnd - 9 * ux - 4.5 * uy},${yEnd - 9 * uy + 4.5 * ux}`;
    const endOpacity = pastB ? 1 : FUTURE_OPACITY;
    const from = name(model.lanes[s.from]);
    const to = name(model.lanes[s.to]);
    const title =
      s.fate === 'lost'
        ? t('panels.seq.tip.lost', { type: s.type, from, to, reason: t('panels.reason.' + (s.reason ?? 'loss')) })
        : s.fate === 'drop'
          ? t('panels.seq.tip.drop', { type: s.type, from, to, reason: t('panels.reason.' + (s.reason ?? 'loss')) })
          : t('panels.seq.tip.msg', { type: s.type, from, to, sent: formatTime(s.tA), at: formatTime(s.tB) });
    const label = chosen.get('s' + i);
    const labelPast = lost ? pastA : (s.uA + uEnd) / 2 <= cu && pastA;
    return (
      <g
        key={`s${s.sendSeq}:${s.copy}`}
        opacity={dim}
        style={{ cursor: 'pointer', outline: 'none' }}
        role="button"
        aria-label={title}
        data-send={s.copy === 0 ? s.sendSeq : undefined}
        data-hl={isHl ? '' : undefined}
        tabIndex={s.copy === 0 && s.sendSeq === rover ? 0 : -1}
        onKeyDown={(e) => onArrowKey(e, s)}
        onFocus={() => setFocusedSend(s.sendSeq)}
        onBlur={() => setFocusedSend((f) => (f === s.sendSeq ? null : f))}
        onMouseEnter={() => setHover({ kind: 'message', sendSeq: s.sendSeq })}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          e.stopPropagation();
          select({ kind: 'message', sendSeq: s.sendSeq });
          seekPos(segTarget(s));
        }}
      >
        <title>{title}</title>
        {focusedSend === s.sendSeq && (
          <line x1={xA} y1={yA} x2={xEnd} y2={yEnd} stroke="#0369a1" strokeWidth={12} strokeLinecap="round" />
        )}
        {isHl && <line x1={xA} y1={yA} x2={xEnd} y2={yEnd} stroke="#fde047" strokeWidth={9} strokeLinecap="round" />}
        {pastA && <line x1={xA} y1={yA} x2={split} y2={ySplit} stroke={color} strokeWidth={width} />}
        {!pastB && (
          <line
            x1={split}
            y1={ySplit}
            x2={xEnd}
            y2={yEnd}
            stroke={color}
            strokeWidth={width}
            opacity={FUTURE_OPACITY}
            strokeDasharray={s.fate === 'pending' ? '4 4' : undefined}
          />
        )}
        {pastA && !pastB && <circle cx={split} cy={ySplit} r={4.5} fill={color} stroke="#fff" strokeWidth={1.5} />}
        {s.fate === 'deliver' || s.fate === 'pending' ? (
          <polygon points={head} fill={color} opacity={endOpacity} />
        ) : (
          <text
            x={xEnd}
            y={yEnd + 5}
            textAnchor="middle"
            fontSize={16}
            fontWeight={700}
            fill="#b91c1c"
            opacity={endOpacity}
          >
            ✕
          </text>
        )}
        {s.copy > 0 && (
          <g
            transform={`translate(${xEnd + (xB >= xA ? -26 : 10)}, ${yEnd - 16})`}
            opacity={endOpacity}
            aria-hidden="true"
          >
            <rect x={0} y={0} width={9} height={9} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
            <rect x={5} y={5} width={9} height={9} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
          </g>
        )}
        {label && (
          <rect
            x={label.box.x0}
            y={label.box.y0 - 3}
            width={label.box.x1 - label.box.x0}
            height={label.box.y1 - label.box.y0 + 6}
            fill="transparent"
          />
        )}
        {label && (
          <text
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            fontSize={14}
            fontWeight={600}
            fill={labelPast ? messageLabelColor(s.type) : FUTURE_LABEL}
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {s.type}
          </text>
        )}
        <line x1={xA} y1={yA} x2={xEnd} y2={yEnd} stroke="transparent" strokeWidth={24} />
      </g>
    );
  });

  const markerEls: ReactNode[] = [];
  for (let i = evLo; i < evHi; i++) {
    const ev = events[i];
    if (ev.kind === 'send' || ev.kind === 'deliver' || ev.kind === 'drop' || ev.kind === 'start') continue;
    const lane = model.laneOf.get(ev.node);
    const x = lane === undefined ? GUTTER - 10 : xOf(lane);
    const y = yOf(model.evU[i]);
    const past = ev.seq < cursor.pos;
    const isHl = hl.seqs.has(ev.seq) || (ev.kind === 'fault' && hl.faults.has(ev.faultId));
    let glyph = '';
    let color = '#334155';
    let size = 13;
    let label: string | null = null;
    if (ev.kind === 'note') {
      if (ev.tag === 'decision') {
        glyph = '◆';
        color = '#6d28d9';
        size = 15;
      } else if (ev.tag === 'block' || ev.tag === 'warn') {
        glyph = '▲';
        color = '#b45309';
      } else glyph = '•';
      if (mode === 'order' && ev.tag && ev.tag !== 'info') label = describeEvent(tf, ev, name);
    } else if (ev.kind === 'fault') {
      glyph = '⚡';
      color = '#c2410c';
      size = 16;
      if (mode === 'order') label = describeEvent(tf, ev, name);
    } else if (ev.kind === 'crash') {
      glyph = '✕';
      color = toneColor.crashed;
      size = 16;
    } else if (ev.kind === 'recover') {
      glyph = '↺';
      color = '#047857';
      size = 16;
    } else if (ev.kind === 'timer') {
      glyph = '◷';
      color = '#475569';
    } else if (ev.kind === 'request') {
      glyph = '▶';
      color = '#0f172a';
    }
    const note = label ? chosen.get('e' + ev.seq) : undefined;
    markerEls.push(
      <g
        key={`e${ev.seq}`}
        opacity={past ? 1 : FUTURE_OPACITY + 0.1}
        style={{ cursor: 'pointer' }}
        onMouseEnter={() => setHover({ kind: 'event', seq: ev.seq })}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          e.stopPropagation();
          select(ev.kind === 'fault' ? { kind: 'fault', id: ev.faultId } : { kind: 'event', seq: ev.seq });
          seekPos(ev.seq + 1);
        }}
      >
        <title>{`${formatTime(ev.t)} · ${name(ev.node)} · ${describeEvent(tf, ev, name)}`}</title>
        {isHl && <circle cx={x} cy={y} r={11} fill="#fde047" />}
        <text
          x={x}
          y={y + size * 0.35}
          textAnchor="middle"
          fontSize={size}
          fill={color}
          stroke="#fff"
          strokeWidth={2}
          paintOrder="stroke"
        >
          {glyph}
        </text>
        {note && (
          <text
            x={note.x}
            y={note.y}
            textAnchor={note.anchor}
            fontSize={13}
            fill="#334155"
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {note.lines
              ? note.lines.map((l, k) => (
                  <tspan key={k} x={note.x} dy={k ? 15 : 0}>
                    {l}
                  </tspan>
                ))
              : label}
          </text>
        )}
      </g>,
    );
  }

  const barEls = model.bars.map((b) => {
    const y0 = yOf(b.uA);
    const uEnd = b.uB ?? model.uMax;
    const y1 = yOf(uEnd);
    if (y1 < yTop || y0 > yBottom) return null;
    const x = xOf(b.lane);
    const yc = Math.min(y1, Math.max(y0, cy));
    return (
      <g key={`b${b.crashSeq}`}>
        <title>{t('panels.seq.down', { node: name(model.lanes[b.lane]) })}</title>
        <rect x={x - 5} y={y0} width={10} height={Math.max(0, yc - y0)} fill={toneColor.crashed} rx={2} />
        <rect
          x={x - 5}
          y={yc}
          width={10}
          height={Math.max(0, y1 - yc)}
          fill={toneColor.crashed}
          opacity={FUTURE_OPACITY}
          rx={2}
        />
      </g>
    );
  });

  const summary = t('panels.seq.summary', {
    nodes: lanes.length,
    msgs: stats.messagesSent,
    dropped: stats.messagesDropped,
    time: formatTime(cursor.t),
  });

  return section(
    <>
      <div className="relative h-11 shrink-0 border-b border-slate-200 bg-slate-50" aria-hidden="true">
        {lanes.map((id, i) => {
          const isHl = hl.lanes.has(i) || hl.heads.has(i);
          // The heading's box is laneW - 4 wide with 4 px of padding each side.
          const head = laneHeading(name(id), id, laneW - 12, headPx, textWidth);
          return (
            <button
              type="button"
              tabIndex={-1}
              key={id}
              className={`absolute top-0.5 line-clamp-2 h-10 overflow-hidden rounded px-1 text-center leading-tight font-semibold text-balance ${head.cjk ? 'break-normal' : 'break-keep'} ${isHl ? 'bg-yellow-200' : 'hover:bg-slate-200'}`}
              style={{ left: xOf(i) - laneW / 2 + 2, width: laneW - 4, fontSize: head.px }}
              title={name(id)}
              onMouseEnter={() => setHover({ kind: 'node', node: id })}
              onMouseLeave={() => setHover(null)}
              onClick={() => select({ kind: 'node', node: id })}
            >
              {head.text}
            </button>
          );
        })}
      </div>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto" onScroll={onScroll}>
        {building !== null && (
          <p
            role="status"
            data-seq-building=""
            className="absolute top-6 left-1/2 z-10 -translate-x-1/2 rounded border border-slate-300 bg-white px-3 py-1 text-slate-800 shadow"
          >
            {t('panels.seq.building', { pct: Math.floor(building * 100) })}
          </p>
        )}
        <div style={{ height: totalH, position: 'relative' }}>
          <svg
            ref={svgRef}
            role="group"
            aria-label={summary}
            width={size.w}
            height={viewH}
            style={{ position: 'sticky', top: 0, display: 'block' }}
          >
            <g transform={`translate(0, ${-scrollTop})`}>
              <rect
                x={0}
                y={yTop}
                width={size.w}
                height={yBottom - yTop}
                fill="transparent"
                style={{ cursor: 'crosshair' }}
                onClick={onBackgroundClick}
              />
              {ticks.map((tk, i) => (
                <g key={i} pointerEvents="none">
                  <line x1={GUTTER - 6} x2={size.w} y1={tk.y} y2={tk.y} stroke="#f1f5f9" />
                  <text x={GUTTER - 8} y={tk.y + 4} textAnchor="end" fontSize={13} fill="#475569">
                    {tk.label}
                  </text>
                </g>
              ))}
              {lanes.map((id, i) => (
                <line
                  key={id}
                  x1={xOf(i)}
                  x2={xOf(i)}
                  y1={Math.max(0, yTop)}
                  y2={Math.min(totalH, yBottom)}
                  stroke={hl.lanes.has(i) ? '#0f172a' : '#94a3b8'}
                  strokeWidth={hl.lanes.has(i) ? 2.5 : 1}
                  strokeDasharray={hl.lanes.has(i) ? undefined : '3 4'}
                  pointerEvents="none"
                />
              ))}
              {barEls}
              {segEls}
              {markerEls}
              <g pointerEvents="none">
                <line x1={GUTTER - 4} x2={size.w} y1={cy} y2={cy} stroke="#0f172a" strokeWidth={2} />
                <rect x={2} y={cy - 10} width={GUTTER - 6} height={20} rx={4} fill="#0f172a" />
                <text x={GUTTER / 2 - 1} y={cy + 5} textAnchor="middle" fontSize={13} fill="#fff" fontWeight={700}>
                  {formatTime(cursor.t)}
                </text>
              </g>
            </g>
          </svg>
        </div>
      </div>
    </>,
  );
}
