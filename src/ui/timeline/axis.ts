/**
 * Scrubber geometry. Two axes:
 * - 'events': every event gets the same width, and the time between two events is interpolated linearly inside
 *   its slot (idle gaps take no more room than busy moments; dragging still glides through virtual time);
 * - 'time': linear virtual time.
 * Both map a cursor (pos, t) to a fraction 0…1 and back.
 */
import type { TraceIndex } from '../../engine';
import type { TimelineAxis } from '../../store/ui';

export function cursorToFrac(ix: TraceIndex, pos: number, t: number, axis: TimelineAxis): number {
  const n = ix.events.length;
  if (axis === 'time') return ix.endTime > 0 ? Math.min(1, t / ix.endTime) : 0;
  if (n === 0) return 0;
  if (pos >= n) return 1;
  const prev = pos === 0 ? 0 : ix.events[pos - 1].t;
  const next = ix.events[pos].t;
  const frac = next > prev ? Math.max(0, Math.min(1, (t - prev) / (next - prev))) : 0;
  return (pos + frac) / n;
}

/** Where a cursor at fraction f lies: pos and t. */
export function fracToCursor(
  ix: TraceIndex,
  f: number,
  axis: TimelineAxis,
): { pos: number; t: number } | { t: number } {
  const x = Math.max(0, Math.min(1, f));
  if (axis === 'time') return { t: x * ix.endTime };
  const n = ix.events.length;
  const u = x * n;
  const pos = Math.min(n, Math.floor(u));
  if (pos >= n) return { pos: n, t: ix.endTime };
  const prev = pos === 0 ? 0 : ix.events[pos - 1].t;
  const next = ix.events[pos].t;
  return { pos, t: prev + (u - pos) * (next - prev) };
}

/** Fraction of the event with this seq (the cursor just after it). */
export function eventFrac(ix: TraceIndex, seq: number, axis: TimelineAxis): number {
  const n = ix.events.length;
  if (axis === 'time') return ix.endTime > 0 ? ix.events[seq].t / ix.endTime : 0;
  return n ? (seq + 1) / n : 0;
}
