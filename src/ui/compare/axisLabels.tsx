/**
 * Pattern names under a bar chart, every one of them: Recharts' category axis skips ticks whose labels would
 * overlap (at 1280 px some patterns had no name), so the axis shows every tick (`interval={0}`) and this tick wraps
 * a name onto up to three lines within its band, or, in a half-width chart, tilts it. Value axes get a light tick
 * (valueTick) that does not measure its label.
 */
import type { ReactElement } from 'react';
import { HAS_CJK, textWidth as measureText } from '../panels/measure';

const FONT = 14;
const TEXT = '#0f172a';

/** Text width in px at `size` in the page's font (src/ui/panels/measure.ts). */
export const textWidth = (s: string, size = FONT): number => measureText(s, size, 400);

/** Break a label into lines no wider than `max` px (at spaces, '/' or '-', or, in CJK text, between characters). */
export function wrapLabel(s: string, max: number, size = FONT): string[] {
  const words = HAS_CJK.test(s) ? [...s] : s.split(/(?<=[\s/-])/);
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

/** The x axis height each way: three wrapped lines, or a tilted name. */
export const WRAPPED_AXIS_H = 8 + 3 * (FONT + 3);
export const TILTED_AXIS_H = 118;

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  /** The axis' width (Recharts) and how many ticks it has. */
  width?: number | string;
  visibleTicksCount?: number;
}

/** A category tick: the name wrapped within its band (`tilt`: at −40°, from the tick). */
export function PatternTick({ tilt, ...p }: TickProps & { tilt?: boolean }) {
  const x = Number(p.x ?? 0);
  const y = Number(p.y ?? 0);
  const label = String(p.payload?.value ?? '');
  if (tilt)
    return (
      <text fontSize={13} fill={TEXT} textAnchor="end" transform={`translate(${x + 4},${y + 10}) rotate(-40)`}>
        {label}
      </text>
    );
  const band = Number(p.width ?? 0) / Math.max(1, p.visibleTicksCount ?? 1);
  const lines = wrapLabel(label, Math.max(30, band - 6));
  return (
    <text fontSize={FONT} fill={TEXT} textAnchor="middle" x={x} y={y}>
      {lines.slice(0, 3).map((line, k) => (
        <tspan key={k} x={x} dy={k ? FONT + 3 : FONT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface ValueTickProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  visibleTicksCount?: number;
  payload?: { value?: unknown };
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: string;
  tickFormatter?: (v: never, i: number) => string;
  className?: string;
}

/** Recharts' Text shifts a label by its cap height (0.71 em) from the anchor: down from the top, half of it at the middle. */
const DY: Record<string, string> = { start: '0.71em', middle: '0.355em', end: '0' };

const valueTicks = new Map<string, (p: ValueTickProps) => ReactElement>();

/**
 * A value axis' tick (numbers, with `unit` appended, through the axis' tickFormatter) as one plain SVG text, placed as
 * Recharts' default tick places it. The default tick is Recharts' Text, which measures its words in the DOM
 * (getBoundingClientRect) at every redraw, because the axis gives it a width: a quarter of a chart's update while a
 * sweep streams in. One function per unit and margin, so the axis' props stay the same from one update to the next.
 * `room`: the px right of a horizontal axis' end (the chart's right margin), where a last label centred on the end
 * spills.
 */
export function valueTick(unit = '', room = 0): (p: ValueTickProps) => ReactElement {
  const k = unit + '\u0000' + room;
  let tick = valueTicks.get(k);
  if (!tick) {
    tick = (p: ValueTickProps) => {
      const v = p.payload?.value;
      const text = (p.tickFormatter ? p.tickFormatter(v as never, p.index ?? 0) : String(v ?? '')) + unit;
      // The last tick of a horizontal axis sits on the plot's right edge (a 'dataMax' domain ends there): centred
      // there, a label wider than twice the margin ("120.2 s" in 16 px) was cut by the chart's edge, so it ends at
      // the tick instead; one that fits stays centred like the others.
      const last =
        p.textAnchor === 'middle' &&
        !!p.index &&
        p.index === (p.visibleTicksCount ?? 0) - 1 &&
        textWidth(text) / 2 > room;
      return (
        <text
          className={p.className}
          x={p.x}
          y={p.y}
          dy={DY[p.verticalAnchor ?? 'end'] ?? '0'}
          textAnchor={last ? 'end' : p.textAnchor}
          fontSize={FONT}
          fill={TEXT}
        >
          {text}
        </text>
      );
    };
    valueTicks.set(k, tick);
  }
  return tick;
}

/** How much room a row tick needs for `labels` (the widest one's longest line, at most two lines of `max` px). */
export function rowTickWidth(labels: readonly string[], max = 190): number {
  let w = 60;
  for (const l of labels) for (const line of wrapLabel(l, max)) w = Math.max(w, textWidth(line));
  return Math.ceil(w) + 14;
}

/** A category tick on a y axis (a horizontal bar chart's rows): the name right-aligned, on up to two lines. */
export function RowTick(p: TickProps) {
  const x = Number(p.x ?? 0);
  const y = Number(p.y ?? 0);
  const lines = wrapLabel(String(p.payload?.value ?? ''), Math.max(40, Number(p.width ?? 0) - 14)).slice(0, 2);
  return (
    <text fontSize={FONT} fill={TEXT} textAnchor="end" x={x - 4} y={y}>
      {lines.map((line, k) => (
        <tspan key={k} x={x - 4} dy={k ? FONT + 2 : lines.length > 1 ? -2 : FONT * 0.35}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
