/** Straight border-to-border link geometry between two fixed-size node boxes (flow coordinates). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the line from box a's centre towards point b leaves a's rectangle. */
export function borderPoint(a: Box, b: { x: number; y: number }) {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  const dx = b.x - cx;
  const dy = b.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx !== 0 ? a.w / 2 / Math.abs(dx) : Infinity;
  const sy = dy !== 0 ? a.h / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** The SVG path of the link from box a to box b, and its end points. */
export function linkPath(a: Box, b: Box) {
  const s = borderPoint(a, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  const e = borderPoint(b, { x: a.x + a.w / 2, y: a.y + a.h / 2 });
  return { d: `M ${s.x},${s.y} L ${e.x},${e.y}`, s, e };
}
