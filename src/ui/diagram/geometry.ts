/** Node box size and link geometry of the topology diagram (flow coordinates). */

/** Node box size in flow px (fixed, so a pattern's layout can be scaled to keep nodes apart). */
export const NODE_W = 176;
export const NODE_H = 160;

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

/** Room between node boxes (flow px): enough for a message token to be seen between two neighbours. */
const GAP_X = 32;
const GAP_Y = 30;

/**
 * Scale the pattern's layout (x and y separately) so that no two node boxes overlap and the whole picture is as
 * large as possible in a pane of the given size. Two nodes are apart when their x distance or their y distance
 * exceeds the box plus a gap. Tries each critical x scale and takes the smallest y scale it then needs.
 */
export function layoutScales(
  pts: readonly { x: number; y: number }[],
  paneW: number,
  paneH: number,
): { sx: number; sy: number } {
  if (pts.length < 2 || paneW <= 0 || paneH <= 0) return { sx: 1, sy: 1 };
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const spanX = Math.max(...xs) - Math.min(...xs);
  const spanY = Math.max(...ys) - Math.min(...ys);
  const pairs: { dx: number; dy: number }[] = [];
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++)
      pairs.push({ dx: Math.abs(pts[i].x - pts[j].x), dy: Math.abs(pts[i].y - pts[j].y) });
  const cands = new Set<number>([0.25]);
  for (const p of pairs) if (p.dx > 0) cands.add((NODE_W + GAP_X) / p.dx);
  let best = { sx: 1, sy: 1, zoom: -1 };
  for (const raw of cands) {
    const sx = Math.min(4, Math.max(0.25, raw));
    let sy = sx / 2;
    let ok = true;
    for (const p of pairs) {
      if (p.dx * sx >= NODE_W + GAP_X - 1e-6) continue;
      if (p.dy === 0) {
        ok = false;
        break;
      }
      sy = Math.max(sy, (NODE_H + GAP_Y) / p.dy);
    }
    if (!ok) continue;
    const zoom = Math.min(paneW / (spanX * sx + NODE_W), paneH / (spanY * sy + NODE_H));
    if (zoom > best.zoom + 1e-9) best = { sx, sy, zoom };
  }
  return { sx: best.sx, sy: best.sy };
}
