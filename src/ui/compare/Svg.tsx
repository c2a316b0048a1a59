/**
 * The Compare view's chart drawing: plain SVG from React, no chart library. A Recharts 3 chart took 50–500 ms of
 * main-thread CPU to draw or update (its store, selectors and measuring passes, in layout effects that commit
 * synchronously), so a sweep streaming results into eight of them kept the page in long tasks however the redraws
 * were spread; these draw in a millisecond or two, with the same figures. Each chart is one <svg class="chart-surface">
 * that holds its axes, marks and legend (so the SVG / PNG download is that element as it is), every mark has a
 * <title> with its exact value (the hover tooltip), and the card's "Numbers" table has them all.
 *
 * Projector-readable: 14 px text in slate-900 (labels wrap or tilt so that every pattern's name shows, never
 * skipped), Okabe–Ito hues, lines that also differ by dash.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export const TEXT = '#0f172a';
const AXIS = '#334155';
const GRID = '#cbd5e1';
const FONT = 14;

/** The width of the element (ResizeObserver), 0 until it is laid out. */
export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(Math.floor(el.getBoundingClientRect().width));
    const ro = new ResizeObserver((es) => {
      const next = Math.floor(es[0].contentRect.width);
      setW((prev) => (prev === next ? prev : next));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

let ctx: CanvasRenderingContext2D | null | undefined;
let family = '';
const widths = new Map<string, number>();
/** Text width in px at `size` in the page's font (canvas measureText, cached; an estimate without a canvas). */
export function textWidth(s: string, size = FONT): number {
  const k = size + '\u0000' + s;
  let w = widths.get(k);
  if (w !== undefined) return w;
  if (ctx === undefined) {
    try {
      ctx = document.createElement('canvas').getContext('2d');
      family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    } catch {
      ctx = null;
    }
  }
  if (ctx) {
    ctx.font = `${size}px ${family}`;
    w = ctx.measureText(s).width;
  } else w = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0);
  widths.set(k, w);
  return w;
}

/** "Nice" ticks over [lo, hi] (1, 2, 2.5, 5 × 10^k steps), about `count` of them, spanning the range. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const from = Math.floor(lo / step) * step;
  const to = Math.ceil(hi / step) * step;
  const out: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) out.push(+v.toPrecision(12));
  return out;
}

/** Break a label into lines no wider than `max` px (at word or, for CJK text, character boundaries). */
export function wrapLabel(s: string, max: number, size = FONT): string[] {
  const words = /[\u2e80-\u9fff]/.test(s) ? [...s] : s.split(/(?<=[\s/-])/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && textWidth((line + w).trimEnd(), size) > max) {
      lines.push(line.trimEnd());
      line = w.trimStart();
    } else line += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface Series {
  key: string;
  name: string;
  color: string;
  dash?: string;
  /** Its bars take no clicks (the chart's onClick is for the others). */
  noClick?: boolean;
}

export interface LegendItem {
  name: string;
  color: string;
  /** A line swatch (with its dash) instead of a square. */
  line?: boolean;
  dash?: string;
}

/** The legend's rows (items laid out left to right, wrapping at the width), centred. */
function legendLayout(items: readonly LegendItem[], width: number) {
  const rows: { x: number; item: LegendItem }[][] = [[]];
  const rowW: number[] = [0];
  for (const item of items) {
    const w = 22 + textWidth(item.name) + 16;
    if (rowW[rowW.length - 1] + w > width && rows[rows.length - 1].length) {
      rows.push([]);
      rowW.push(0);
    }
    rows[rows.length - 1].push({ x: rowW[rowW.length - 1], item });
    rowW[rowW.length - 1] += w;
  }
  return { rows, rowW, height: rows.length * 22 + 4 };
}

function Legend({ items, width, y }: { items: readonly LegendItem[]; width: number; y: number }) {
  const { rows, rowW } = legendLayout(items, width);
  return (
    <g className="chart-legend">
      {rows.map((row, r) => {
        const x0 = Math.max(0, (width - rowW[r]) / 2);
        return row.map(({ x, item }) => (
          <g key={item.name} transform={`translate(${x0 + x},${y + r * 22 + 4})`}>
            {item.line ? (
              <line
                x1={0}
                x2={16}
                y1={8}
                y2={8}
                stroke={item.color}
                strokeWidth={3}
                strokeDasharray={item.dash || undefined}
              />
            ) : (
              <rect width={14} height={14} y={1} fill={item.color} />
            )}
            <text x={22} y={13} fontSize={FONT} fill={TEXT}>
              {item.name}
            </text>
          </g>
        ));
      })}
    </g>
  );
}

export interface YAxisSpec {
  /** Fixed domain; otherwise [min(0, data), max(data)] rounded to nice ticks. */
  domain?: [number, number];
  ticks?: number[];
  unit?: string;
  format?: (v: number) => string;
  width?: number;
}

function yScale(spec: YAxisSpec, values: readonly number[], top: number, bottom: number) {
  let ticks: number[];
  if (spec.ticks) ticks = spec.ticks;
  else {
    let lo = 0;
    let hi = 0;
    for (const v of values)
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    if (spec.domain) [lo, hi] = spec.domain;
    ticks = niceTicks(lo, hi);
  }
  const lo = spec.domain?.[0] ?? ticks[0];
  const hi = spec.domain?.[1] ?? ticks[ticks.length - 1];
  const span = hi - lo || 1;
  const at = (v: number) => bottom - ((Math.min(hi, Math.max(lo, v)) - lo) / span) * (bottom - top);
  const label = (v: number) => (spec.format ? spec.format(v) : `${+v.toPrecision(6)}${spec.unit ?? ''}`);
  return { ticks, at, label };
}

/** The y axis: tick labels right-aligned left of the plot, and the horizontal grid lines. */
function YAxisG({
  y,
  ticks,
  x0,
  x1,
}: {
  y: { at: (v: number) => number; label: (v: number) => string };
  ticks: number[];
  x0: number;
  x1: number;
}) {
  return (
    <g className="chart-y-axis">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x0} x2={x1} y1={y.at(v)} y2={y.at(v)} stroke={GRID} strokeDasharray="3 3" />
          <line x1={x0 - 6} x2={x0} y1={y.at(v)} y2={y.at(v)} stroke={AXIS} />
          <text x={x0 - 9} y={y.at(v) + 5} fontSize={FONT} fill={TEXT} textAnchor="end">
            {y.label(v)}
          </text>
        </g>
      ))}
      <line x1={x0} x2={x0} y1={y.at(ticks[0])} y2={y.at(ticks[ticks.length - 1])} stroke={AXIS} />
    </g>
  );
}

/** How the category labels fit their band: wrapped lines when wide enough, else tilted (every label drawn). */
function categoryLabels(labels: readonly string[], band: number) {
  const size = band < 56 ? 13 : FONT;
  const wrapped = labels.map((l) => wrapLabel(l, Math.max(24, band - 6), size));
  const fits = wrapped.every((ls, i) => ls.length <= 3 && ls.every((s) => textWidth(s, size) <= band - 2) && labels[i]);
  if (fits) {
    const lines = Math.max(1, ...wrapped.map((l) => l.length));
    return { size, tilt: false as const, wrapped, height: 8 + lines * (size + 3) };
  }
  const longest = Math.max(0, ...labels.map((l) => textWidth(l, size)));
  // Tilted 40°: the label's height is its length × sin 40° (plus a line).
  return { size, tilt: true as const, wrapped, height: 12 + Math.min(150, longest * 0.643 + size) };
}

/** The common frame of a chart: size, margins, legend; `children` draws the plot given its box. */
export function Frame({
  width,
  height,
  legend,
  xAxisHeight,
  yWidth,
  children,
}: {
  width: number;
  height: number;
  legend: readonly LegendItem[];
  xAxisHeight: number;
  yWidth: number;
  /** The plot area: [left, top, right, bottom]. */
  children: (box: { x0: number; y0: number; x1: number; y1: number }) => ReactNode;
}) {
  const lg = legendLayout(legend, width);
  const total = height + xAxisHeight + lg.height;
  const box = { x0: yWidth, y0: 10, x1: Math.max(yWidth + 10, width - 16), y1: height };
  return (
    <svg
      className="chart-surface"
      width={width}
      height={total}
      viewBox={`0 0 ${width} ${total}`}
      aria-hidden="true"
      style={{ display: 'block', overflow: 'visible' }}
    >
      {children(box)}
      <Legend items={legend} width={width} y={height + xAxisHeight} />
    </svg>
  );
}

/** A block as wide as its parent, drawing `children(width)` once it is laid out. */
export function Sized({ children }: { children: (width: number) => ReactNode }) {
  const [ref, w] = useWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="min-w-0">
      {w > 0 && children(w)}
    </div>
  );
}

export type Row = Record<string, unknown> & { label: string };

/**
 * Bars over categories (the patterns): grouped, or stacked with `stack`. A null value draws no bar. `onClick` gets
 * the clicked bar's row.
 */
export function BarPlot({
  rows,
  series,
  y: ySpec,
  stack,
  height,
  onClick,
  width,
  valueText,
}: {
  rows: readonly Row[];
  series: readonly Series[];
  y: YAxisSpec;
  stack?: boolean;
  height: number;
  width: number;
  onClick?: (row: Row, series: Series) => void;
  /** The tooltip of a bar ("p50: 120.5 ms"). */
  valueText?: (v: number, s: Series) => string;
}) {
  const yWidth = ySpec.width ?? 64;
  const plotW = Math.max(10, width - yWidth - 16);
  const band = plotW / Math.max(1, rows.length);
  const cats = categoryLabels(
    rows.map((r) => r.label),
    band,
  );
  const num = (r: Row, k: string) => {
    const v = r[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const values: number[] = [];
  for (const r of rows) {
    if (stack) values.push(series.reduce((s, se) => s + (num(r, se.key) ?? 0), 0));
    else for (const se of series) values.push(num(r, se.key) ?? 0);
  }
  const text = valueText ?? ((v: number, s: Series) => `${s.name}: ${v}${ySpec.unit ?? ''}`);
  return (
    <Frame
      width={width}
      height={height}
      legend={series.map((s) => ({ name: s.name, color: s.color }))}
      xAxisHeight={cats.height}
      yWidth={yWidth}
    >
      {({ x0, y0, x1, y1 }) => {
        const y = yScale(ySpec, values, y0, y1);
        const zero = y.at(Math.max(y.ticks[0], 0));
        const inner = band * 0.8;
        const gap = series.length > 1 && !stack ? Math.min(4, inner / series.length / 4) : 0;
        const bw = stack ? inner : (inner - gap * (series.length - 1)) / Math.max(1, series.length);
        return (
          <>
            <YAxisG y={y} ticks={y.ticks} x0={x0} x1={x1} />
            <line x1={x0} x2={x1} y1={y1} y2={y1} stroke={AXIS} />
            {rows.map((r, i) => {
              const bx = x0 + i * band + band * 0.1;
              let base = 0;
              return (
                <g key={r.label} className="chart-bars">
                  {series.map((s, j) => {
                    const v = num(r, s.key);
                    if (v === null) return null;
                    let top: number;
                    let bottom: number;
                    let x = bx;
                    if (stack) {
                      bottom = y.at(base);
                      base += v;
                      top = y.at(base);
                    } else {
                      x = bx + j * (bw + gap);
                      top = y.at(Math.max(0, v));
                      bottom = y.at(Math.min(0, v));
                    }
                    const h = Math.max(0, bottom - top);
                    if (v !== 0 && h < 0.5) top = bottom - 0.5;
                    return (
                      <rect
                        key={s.key}
                        className="chart-bar"
                        x={x}
                        y={top}
                        width={Math.max(1, bw)}
                        height={Math.max(0, bottom - top)}
                        fill={s.color}
                        stroke={stack ? '#fff' : undefined}
                        cursor={onClick && !s.noClick ? 'pointer' : undefined}
                        onClick={onClick && !s.noClick ? () => onClick(r, s) : undefined}
                      >
                        <title>{`${r.label} — ${text(v, s)}`}</title>
                      </rect>
                    );
                  })}
                </g>
              );
            })}
            {zero < y1 && <line x1={x0} x2={x1} y1={zero} y2={zero} stroke={AXIS} />}
            <g className="chart-x-axis">
              {rows.map((r, i) => {
                const cx = x0 + (i + 0.5) * band;
                if (cats.tilt)
                  return (
                    <text
                      key={r.label}
                      fontSize={cats.size}
                      fill={TEXT}
                      textAnchor="end"
                      transform={`translate(${cx + 4},${y1 + 14}) rotate(-40)`}
                    >
                      {r.label}
                    </text>
                  );
                return (
                  <text key={r.label} fontSize={cats.size} fill={TEXT} textAnchor="middle" x={cx} y={y1 + 4}>
                    {cats.wrapped[i].map((line, k) => (
                      <tspan key={k} x={cx} dy={cats.size + 3}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                );
              })}
            </g>
          </>
        );
      }}
    </Frame>
  );
}

export interface LineSeries extends Series {
  points: readonly { x: number; y: number | null }[];
  /** 95 % band per point ([lo, hi]), drawn as a shaded area. */
  bands?: readonly ([number, number] | null)[];
  step?: boolean;
  dots?: boolean;
}

/**
 * Lines over a numeric x axis: steps (a CDF) or straight segments with dots (a sweep), each optionally with a shaded
 * band. `xTicks` fixes the x ticks (the swept values); `onColumn` makes each x value's column clickable.
 */
export function LinePlot({
  series,
  width,
  height,
  y: ySpec,
  xDomain,
  xTicks,
  xFormat,
  onColumn,
  valueText,
}: {
  series: readonly LineSeries[];
  width: number;
  height: number;
  y: YAxisSpec;
  xDomain?: [number, number];
  xTicks?: number[];
  xFormat: (v: number) => string;
  onColumn?: (i: number) => void;
  valueText?: (s: LineSeries, x: number, y: number) => string;
}) {
  const yWidth = ySpec.width ?? 64;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys: number[] = [];
  for (const s of series) {
    for (const p of s.points) if (p.y !== null) ys.push(p.y);
    for (const b of s.bands ?? []) if (b) ys.push(b[0], b[1]);
  }
  const lo = xDomain?.[0] ?? Math.min(...xs);
  const hi0 = xDomain?.[1] ?? Math.max(...xs);
  const ticks = xTicks ?? niceTicks(lo, hi0, Math.max(2, Math.min(8, Math.floor((width - yWidth) / 90))));
  const hi = xTicks ? hi0 : Math.max(hi0, ticks[ticks.length - 1]);
  const text = valueText ?? ((s: LineSeries, x: number, v: number) => `${s.name}: ${xFormat(x)} → ${v}`);
  return (
    <Frame
      width={width}
      height={height}
      legend={series.map((s) => ({ name: s.name, color: s.color, line: true, dash: s.dash }))}
      xAxisHeight={28}
      yWidth={yWidth}
    >
      {({ x0, y0, x1, y1 }) => {
        const y = yScale(ySpec, ys, y0, y1);
        const span = hi - lo || 1;
        const xAt = (v: number) => x0 + ((v - lo) / span) * (x1 - x0);
        const shown = ticks.filter((v) => v >= lo && v <= hi);
        return (
          <>
            <YAxisG y={y} ticks={y.ticks} x0={x0} x1={x1} />
            <g className="chart-x-axis">
              <line x1={x0} x2={x1} y1={y1} y2={y1} stroke={AXIS} />
              {shown.map((v) => (
                <g key={v}>
                  <line x1={xAt(v)} x2={xAt(v)} y1={y1} y2={y1 + 6} stroke={AXIS} />
                  <text x={xAt(v)} y={y1 + 22} fontSize={FONT} fill={TEXT} textAnchor="middle">
                    {xFormat(v)}
                  </text>
                </g>
              ))}
            </g>
            {onColumn &&
              ticks.map((v, i) => {
                const left = i ? (xAt(ticks[i - 1]) + xAt(v)) / 2 : x0;
                const right = i + 1 < ticks.length ? (xAt(v) + xAt(ticks[i + 1])) / 2 : x1;
                return (
                  <rect
                    key={v}
                    className="chart-column"
                    x={left}
                    y={y0}
                    width={Math.max(1, right - left)}
                    height={y1 - y0}
                    fill="transparent"
                    cursor="pointer"
                    onClick={() => onColumn(i)}
                  >
                    <title>{xFormat(v)}</title>
                  </rect>
                );
              })}
            {series.map((s) => {
              if (!s.bands) return null;
              // One shaded polygon per run of consecutive points with a band.
              const parts: string[] = [];
              let run: { x: number; b: [number, number] }[] = [];
              const close = () => {
                if (run.length > 1)
                  parts.push(
                    run.map((p) => `${xAt(p.x)},${y.at(p.b[1])}`).join(' ') +
                      ' ' +
                      [...run]
                        .reverse()
                        .map((p) => `${xAt(p.x)},${y.at(p.b[0])}`)
                        .join(' '),
                  );
                run = [];
              };
              s.points.forEach((p, i) => {
                const b = s.bands?.[i];
                if (b) run.push({ x: p.x, b });
                else close();
              });
              close();
              return parts.map((pts, k) => (
                <polygon
                  key={s.key + ':band' + k}
                  points={pts}
                  fill={s.color}
                  fillOpacity={0.18}
                  stroke="none"
                  pointerEvents="none"
                />
              ));
            })}
            {series.map((s) => {
              let d = '';
              let prev: { x: number; y: number } | null = null;
              for (const p of s.points) {
                if (p.y === null) {
                  prev = null;
                  continue;
                }
                const px = xAt(p.x);
                const py = y.at(p.y);
                if (!prev) d += `M${px},${py}`;
                else if (s.step) d += `H${px}V${py}`;
                else d += `L${px},${py}`;
                prev = { x: px, y: py };
              }
              return (
                <g key={s.key}>
                  <path
                    className="chart-line"
                    pointerEvents="none"
                    d={d}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={3}
                    strokeDasharray={s.dash || undefined}
                  />
                  {s.dots &&
                    s.points.map((p) =>
                      p.y === null ? null : (
                        <circle
                          key={p.x}
                          cx={xAt(p.x)}
                          cy={y.at(p.y)}
                          r={5}
                          fill="#fff"
                          stroke={s.color}
                          strokeWidth={2}
                          cursor={onColumn ? 'pointer' : undefined}
                          onClick={onColumn && (() => onColumn(ticks.indexOf(p.x)))}
                        >
                          <title>{text(s, p.x, p.y)}</title>
                        </circle>
                      ),
                    )}
                </g>
              );
            })}
          </>
        );
      }}
    </Frame>
  );
}
