/**
 * Issue 13 item 7: the 2PC diagram is not a tangle. For every participant count the pattern allows, and for the
 * diagram pane's shapes at 1280×720, 1920×1080 and 1024×768, no drawn link segment passes under a card other than
 * its two ends, and no two links run along the same line.
 */
import { describe, expect, it } from 'vitest';
import { getPattern, patterns } from '../../patterns/registry';
import type { PatternDef } from '../../engine/pattern';
import { defaultParams } from '../../engine/simulator';
import { layoutScales, NODE_H, NODE_W, routeLinks, segmentHitsBox, type Pt } from './geometry';

const twopc = getPattern('2pc')!;
// Diagram panes (flow area inside the topology panel) at 1280×720, 1920×1080, 1024×768, and presentation-like.
const PANES: [number, number][] = [
  [680, 320],
  [1000, 440],
  [560, 360],
  [1240, 600],
];

function layout(pattern: PatternDef, params: Record<string, unknown>, paneW: number, paneH: number) {
  const topo = pattern.topology({ ...defaultParams(pattern), ...params } as ReturnType<typeof defaultParams>);
  const index = new Map(topo.nodes.map((n, i) => [n.id, i]));
  const seen = new Map<string, { id: string; a: string; b: string }>();
  for (const e of topo.edges) {
    const id = [e.from, e.to].sort().join('|');
    if (!seen.has(id)) seen.set(id, { id, a: e.from, b: e.to });
  }
  const links = [...seen.values()];
  const { sx, sy } = layoutScales(
    topo.nodes,
    paneW,
    paneH,
    links.map((l) => [index.get(l.a)!, index.get(l.b)!] as const),
  );
  const boxes = topo.nodes.map((n) => ({
    id: n.id,
    x: Math.round(n.x * sx),
    y: Math.round(n.y * sy),
    w: NODE_W,
    h: NODE_H,
  }));
  return { boxes, links, routes: routeLinks(boxes, links) };
}

function check({ boxes, links, routes }: ReturnType<typeof layout>) {
  const bad: string[] = [];
  for (const l of links) {
    const pts = routes.get(l.id);
    expect(pts, l.id).toBeDefined();
    for (let i = 1; i < pts!.length; i++)
      for (const b of boxes) {
        if (b.id === l.a || b.id === l.b) continue;
        if (segmentHitsBox(pts![i - 1], pts![i], b, 2)) bad.push(`${l.id} under ${b.id}`);
      }
  }
  expect(bad).toEqual([]);
  // No two routes share a stretch of line (collinear overlap), so each link can be seen and hovered alone.
  const segs: { id: string; p: Pt; q: Pt }[] = [];
  for (const [id, pts] of routes) for (let i = 1; i < pts.length; i++) segs.push({ id, p: pts[i - 1], q: pts[i] });
  const overlaps: string[] = [];
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i];
      const t = segs[j];
      if (s.id === t.id) continue;
      const horiz = s.p.y === s.q.y && t.p.y === t.q.y && Math.abs(s.p.y - t.p.y) < 1;
      const vert = s.p.x === s.q.x && t.p.x === t.q.x && Math.abs(s.p.x - t.p.x) < 1;
      const [a0, a1] = horiz ? [s.p.x, s.q.x].sort((x, y) => x - y) : [s.p.y, s.q.y].sort((x, y) => x - y);
      const [b0, b1] = horiz ? [t.p.x, t.q.x].sort((x, y) => x - y) : [t.p.y, t.q.y].sort((x, y) => x - y);
      if ((horiz || vert) && Math.min(a1, b1) - Math.max(a0, b0) > 1) overlaps.push(`${s.id} / ${t.id}`);
    }
  expect(overlaps).toEqual([]);
}

describe('2PC topology: no link passes under a card', () => {
  for (let n = 2; n <= 5; n++)
    for (const [w, h] of PANES)
      it(`${n} participants, pane ${w}×${h}`, () => {
        check(layout(twopc, { participants: n }, w, h));
      });
});

describe('every pattern (default parameters): no link passes under a card', () => {
  for (const p of patterns) for (const [w, h] of PANES) it(`${p.id}, pane ${w}×${h}`, () => check(layout(p, {}, w, h)));
});
