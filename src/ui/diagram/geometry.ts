/** Node box size and link geometry of the topology diagram (flow coordinates). */

/** Node box size in flow px (fixed, so a pattern's layout can be scaled to keep nodes apart). */
export const NODE_W = 176;
export const NODE_H = 160;
/** A compact (mini, read-only) diagram's smaller cards: a name and a status word in large type. */
export const COMPACT_NODE = { w: 172, h: 104 };

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
 * exceeds the box plus a gap. Tries each critical x scale and takes the smallest y scale it then needs; with
 * `links` (pairs of indices into pts), it also stretches y until every straight link between nodes of different
 * rows clears the other boxes (links within a row that are blocked are drawn around, see routeLinks), if some
 * stretch up to 3× does.
 */
export function layoutScales(
  pts: readonly { x: number; y: number }[],
  paneW: number,
  paneH: number,
  links: readonly (readonly [number, number])[] = [],
  size: { w: number; h: number } = { w: NODE_W, h: NODE_H },
): { sx: number; sy: number } {
  const NODE_W = size.w;
  const NODE_H = size.h;
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
  const cross = links.filter(([i, j]) => pts[i].y !== pts[j].y);
  const clear = (sx: number, sy: number) => {
    if (!cross.length) return true;
    const boxes = pts.map((p) => ({ x: p.x * sx, y: p.y * sy, w: NODE_W, h: NODE_H }));
    return cross.every(([i, j]) => {
      const { s, e } = linkPath(boxes[i], boxes[j]);
      return boxes.every((b, k) => k === i || k === j || !segmentHitsBox(s, e, b, LINK_PAD));
    });
  };
  let best = { sx: 1, sy: 1, zoom: -1, clear: false };
  for (const raw of cands) {
    const sx = Math.min(4, Math.max(0.25, raw));
    let sy0 = sx / 2;
    let ok = true;
    for (const p of pairs) {
      if (p.dx * sx >= NODE_W + GAP_X - 1e-6) continue;
      if (p.dy === 0) {
        ok = false;
        break;
      }
      sy0 = Math.max(sy0, (NODE_H + GAP_Y) / p.dy);
    }
    if (!ok) continue;
    for (let k = 0; k <= 16; k++) {
      const sy = sy0 * (1 + k / 8);
      const isClear = clear(sx, sy);
      const zoom = Math.min(paneW / (spanX * sx + NODE_W), paneH / (spanY * sy + NODE_H));
      if ((isClear && !best.clear) || (isClear === best.clear && zoom > best.zoom + 1e-9))
        best = { sx, sy, zoom, clear: isClear };
      if (isClear) break;
    }
  }
  return { sx: best.sx, sy: best.sy };
}

export interface Pt {
  x: number;
  y: number;
}

/** Room (flow px) a link keeps from a box it passes. */
export const LINK_PAD = 6;

/** Whether the segment p–q passes through box b grown by `pad` on every side (Liang–Barsky clipping). */
export function segmentHitsBox(p: Pt, q: Pt, b: Box, pad = 0): boolean {
  const x0 = b.x - pad;
  const x1 = b.x + b.w + pad;
  const y0 = b.y - pad;
  const y1 = b.y + b.h + pad;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p.x - x0],
    [dx, x1 - p.x],
    [-dy, p.y - y0],
    [dy, y1 - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false;
    } else {
      const r = qq / pp;
      if (pp < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 >= t1) return false;
    }
  }
  return t1 - t0 > 1e-9;
}

/** Space between the lanes of links drawn around the cards: a token (24 px) fits between two. */
export const LANE_GAP = 28;

/**
 * The drawn path of every link, as points from a's border to b's border: the straight line where it clears every
 * other card, else (links between cards of one row, e.g. participant ↔ participant) a route around the cards —
 * out of a's bottom, along a lane of its own below the lowest card, into b's bottom; or, where a card below is in
 * the way, the same above the highest card. Each routed link gets its own lane (shorter spans nearer the cards)
 * and its own attachment point on each card, ordered so nested routes do not overlap.
 */
export function routeLinks(
  boxes: readonly (Box & { id: string })[],
  links: readonly { id: string; a: string; b: string }[],
): Map<string, Pt[]> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const out = new Map<string, Pt[]>();
  type Around = { id: string; a: Box & { id: string }; b: Box & { id: string }; side: 'below' | 'above' };
  const around: Around[] = [];
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const cx = (b: Box) => b.x + b.w / 2;
  const clearOf = (pts: Pt[], a: Box, b: Box) =>
    pts.every(
      (p, i) => i === 0 || boxes.every((x) => x === a || x === b || !segmentHitsBox(pts[i - 1], p, x, LINK_PAD)),
    );
  // The legs of a route at a card's centre line (attachments move by less than half a card, lanes only outward).
  const leg = (a: Box, b: Box, side: 'below' | 'above') => {
    const y = side === 'below' ? bottom + LANE_GAP : top - LANE_GAP;
    const ya = side === 'below' ? a.y + a.h : a.y;
    const yb = side === 'below' ? b.y + b.h : b.y;
    return [
      { x: cx(a), y: ya },
      { x: cx(a), y },
      { x: cx(b), y },
      { x: cx(b), y: yb },
    ];
  };
  for (const l of links) {
    const a = byId.get(l.a);
    const b = byId.get(l.b);
    if (!a || !b) continue;
    const { s, e } = linkPath(a, b);
    if (clearOf([s, e], a, b)) out.set(l.id, [s, e]);
    else
      around.push({
        id: l.id,
        a,
        b,
        side: clearOf(leg(a, b, 'below'), a, b) || !clearOf(leg(a, b, 'above'), a, b) ? 'below' : 'above',
      });
  }
  if (!around.length) return out;
  // Lanes per side: shortest spans first, each on the first lane where it overlaps no other route.
  around.sort((p, q) => Math.abs(cx(p.a) - cx(p.b)) - Math.abs(cx(q.a) - cx(q.b)) || (p.id < q.id ? -1 : 1));
  const lanes = { below: [] as [number, number][][], above: [] as [number, number][][] };
  const laneOf = new Map<string, number>();
  for (const r of around) {
    const lo = Math.min(cx(r.a), cx(r.b)) - 1;
    const hi = Math.max(cx(r.a), cx(r.b)) + 1;
    const ls = lanes[r.side];
    let k = 0;
    while (ls[k]?.some(([x0, x1]) => lo < x1 && hi > x0)) k++;
    (ls[k] ??= []).push([lo, hi]);
    laneOf.set(r.id, k);
  }
  // Attachment points on each card's bottom (top) edge, ordered by where the other end lies (far left … far right).
  const attach = new Map<string, number>();
  for (const box of boxes)
    for (const side of ['below', 'above'] as const) {
      const ends = around
        .filter((r) => r.side === side && (r.a === box || r.b === box))
        .map((r) => ({ id: r.id, other: r.a === box ? r.b : r.a }))
        .sort((p, q) => cx(p.other) - cx(q.other));
      ends.forEach((e, i) => attach.set(`${e.id}@${box.id}`, box.x + (box.w * (i + 1)) / (ends.length + 1)));
    }
  for (const r of around) {
    const below = r.side === 'below';
    const y = below ? bottom + LANE_GAP * (laneOf.get(r.id)! + 1) : top - LANE_GAP * (laneOf.get(r.id)! + 1);
    const xa = attach.get(`${r.id}@${r.a.id}`)!;
    const xb = attach.get(`${r.id}@${r.b.id}`)!;
    out.set(r.id, [
      { x: xa, y: below ? r.a.y + r.a.h : r.a.y },
      { x: xa, y },
      { x: xb, y },
      { x: xb, y: below ? r.b.y + r.b.h : r.b.y },
    ]);
  }
  return out;
}

/** SVG path data of a polyline. */
export function polylineD(pts: readonly Pt[]): string {
  return pts.map((p, i) => `${i ? 'L' : 'M'} ${p.x},${p.y}`).join(' ');
}

/** Length of a polyline. */
export function polylineLength(pts: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < pts.length; i++) len += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  return len;
}

/** The point at arc length `d` along a polyline, with the unit normal (left of the direction of travel). */
export function pointAlong(pts: readonly Pt[], d: number): { x: number; y: number; nx: number; ny: number } {
  let left = Math.max(0, d);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    if (left <= len || i === pts.length - 1) {
      const f = Math.min(1, left / len);
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f, nx: -(b.y - a.y) / len, ny: (b.x - a.x) / len };
    }
    left -= len;
  }
  const p = pts[0] ?? { x: 0, y: 0 };
  return { x: p.x, y: p.y, nx: 0, ny: 0 };
}
