/**
 * Message tokens, drawn above the nodes (in React Flow's viewport portal) so a token is never hidden under a
 * service box. For every message in flight at the cursor (inFlightAt), a labelled token sits on its link's path at
 * its progress (linear along the link's drawn path) — computed from the cursor's virtual time, never by a
 * CSS/SMIL animation. A → B tokens run on one side of a straight line and B → A on the other (on a route under the
 * cards they sit on its lane); a token never covers the cards at its ends — it leaves after the sender's border and
 * stops before the receiver's, so titles and ⋯ buttons stay visible. Doomed messages (dropped on arrival) are
 * dashed red with ✕, network duplicates carry ⧉. With prefers-reduced-motion tokens jump (0 or 1).
 */
import { memo } from 'react';
import type { InFlight } from '../../engine';
import { useCompactDiagram, useDiagram } from './source';
import { messageColor } from '../theme';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { groupSendsOf, inFlight, msgOfRow, pairId, rowKeysOf, sendSeqOf, textOn } from './derive';
import { linkPath, pointAlong, polylineLength, type Box, type Pt } from './geometry';
import { useFastT } from '../hooks/useFastT';

const TOKEN_FONT = 14;
const CHAR_W = 8.6; // monospace advance at 14 px
const SIDE = 13; // px between the line and a token's centre
/** Compact (mini) diagrams are drawn small: their tokens are this much larger in flow px, to stay readable. */
const COMPACT_SCALE = 1.7;
const TITLE_H = 26; // a card's title row (with its ⋯ button), kept clear of passing tokens

function PairTokens({
  a,
  b,
  route,
  others,
  tokens,
  labelOf,
}: {
  a: Box & { id: string };
  b: Box & { id: string };
  /** The drawn path, from the border of `route.from` to the other card's; absent: the straight link a–b. */
  route?: { from: string; pts: Pt[] };
  /** The other cards, whose titles and ⋯ buttons a token must leave visible. */
  others: readonly Box[];
  tokens: InFlight[];
  labelOf: (id: string) => string;
}) {
  const { t } = useFastT();
  const reduced = useReducedMotion();
  const selSeq = useDiagram((s) => sendSeqOf(s.selection, s.index));
  const hoverSeq = useDiagram((s) => sendSeqOf(s.hover, s.index));
  const selRow = useDiagram((s) => rowKeysOf(s.selection, s.index));
  const hoverRow = useDiagram((s) => rowKeysOf(s.hover, s.index));
  const groupSends = useDiagram((s) => groupSendsOf(s.selection));
  const select = useDiagram((s) => s.select);
  const setHover = useDiagram((s) => s.setHover);
  const compact = useCompactDiagram();
  const k = compact ? COMPACT_SCALE : 1;
  // The link is a polyline border to border: a token's place is plain arithmetic (no SVG geometry calls, nothing
  // that could touch layout). It only changes with the layout, not with the cursor.
  const straight = !route || route.pts.length === 2;
  const pts = route
    ? route.from === a.id
      ? route.pts
      : [...route.pts].reverse()
    : [linkPath(a, b).s, linkPath(a, b).e];
  const len = polylineLength(pts);
  /** Token centre at progress `raw` (0 … 1) from its sender; A → B on one side of the line, B → A on the other. */
  const place = (raw: number, forward: boolean, w: number, h: number) => {
    const p = reduced ? (raw < 0.5 ? 0 : 1) : raw;
    const f = forward ? p : 1 - p;
    // Keep the whole token off both end cards: its half extent along the first / last stretch of the path.
    const ext = (q0: Pt, q1: Pt) => {
      const l = Math.hypot(q1.x - q0.x, q1.y - q0.y) || 1;
      return (Math.abs(q1.x - q0.x) / l) * (w / 2) + (Math.abs(q1.y - q0.y) / l) * (h / 2) + 4;
    };
    /** Whether a token centred at (x, y) overlaps another card's top `depth` px (its title row, or all of it). */
    const onOther = (x: number, y: number, depth: (o: Box) => number) =>
      others.some((o) => x - w / 2 < o.x + o.w && x + w / 2 > o.x && y - h / 2 < o.y + depth(o) && y + h / 2 > o.y - 2);
    const m0 = ext(pts[0], pts[1]);
    const m1 = ext(pts[pts.length - 2], pts[pts.length - 1]);
    if (len <= m0 + m1 && straight) {
      // Longer than the gap between its cards (mini diagrams draw neighbours close): beside the pair instead of on
      // both — above a level link (below when it comes back), right of an upright one (left) — or on the other side
      // when a third card is there; on the link only if both sides are taken.
      const mid = pointAlong(pts, len / 2);
      const level = Math.abs(pts[1].x - pts[0].x) >= Math.abs(pts[1].y - pts[0].y);
      const before = level
        ? { x: mid.x, y: Math.min(a.y, b.y) - h / 2 - 4 }
        : { x: Math.max(a.x + a.w, b.x + b.w) + w / 2 + 4, y: mid.y };
      const after = level
        ? { x: mid.x, y: Math.max(a.y + a.h, b.y + b.h) + h / 2 + 4 }
        : { x: Math.min(a.x, b.x) - w / 2 - 4, y: mid.y };
      for (const q of forward ? [before, after] : [after, before])
        if (!onOther(q.x, q.y, (o) => o.h)) return `translate(${q.x},${q.y})`;
    }
    const d = len > m0 + m1 ? m0 + f * (len - m0 - m1) : len / 2;
    const at = pointAlong(pts, d);
    const side = straight ? (forward ? SIDE * k : -SIDE * k) : 0;
    // A token passing near another card flips to the line's other side (or onto it) rather than cover its title.
    const covers = (x: number, y: number) => onOther(x, y, () => TITLE_H);
    for (const k of [side, -side, 0]) {
      const x = at.x + at.nx * k;
      const y = at.y + at.ny * k;
      if (!covers(x, y) || k === 0) return `translate(${x},${y})`;
    }
    return `translate(${at.x},${at.y})`;
  };

  return (
    <g>
      <g>
        {tokens.map((m) => {
          // ⧉ (duplicate) is drawn as two squares: the glyph is missing from many projector PCs' fonts.
          const dup = m.copy > 0;
          const label = `${m.doomed ? '✕ ' : ''}${m.msg.type}`;
          const iconW = dup ? 16 * k : 0;
          const w = (label.length * CHAR_W + 16) * k + iconW;
          const h = (TOKEN_FONT + 10) * k;
          const fill = messageColor(m.msg.type);
          const strong =
            selSeq === m.sendSeq ||
            hoverSeq === m.sendSeq ||
            msgOfRow(m.msg, selRow) ||
            msgOfRow(m.msg, hoverRow) ||
            !!groupSends?.includes(m.sendSeq);
          const desc = t(m.doomed ? 'diagram.tokenDoomed' : 'diagram.token', {
            type: (dup ? '⧉ ' : '') + m.msg.type,
            from: labelOf(m.from),
            to: labelOf(m.to),
          });
          return (
            <g
              key={`${m.sendSeq}:${m.copy}`}
              transform={place(m.progress, m.from === a.id, w, h)}
              data-progress={m.progress}
              data-msg={m.sendSeq}
              role={compact ? 'img' : 'button'}
              aria-label={desc}
              className="msg-token"
              style={compact ? undefined : { pointerEvents: 'all', cursor: 'pointer' }}
              onClick={
                compact
                  ? undefined
                  : (ev) => {
                      ev.stopPropagation();
                      select({ kind: 'message', sendSeq: m.sendSeq });
                    }
              }
              onPointerEnter={compact ? undefined : () => setHover({ kind: 'message', sendSeq: m.sendSeq })}
              onPointerLeave={compact ? undefined : () => setHover(null)}
            >
              <title>{desc}</title>
              <rect
                x={-w / 2}
                y={-h / 2}
                width={w}
                height={h}
                rx={h / 2}
                fill={m.doomed ? '#ffffff' : fill}
                stroke={m.doomed ? '#b91c1c' : strong ? '#0c4a6e' : '#ffffff'}
                strokeWidth={strong || m.doomed ? 3 : 1.5}
                strokeDasharray={m.doomed ? '4 3' : undefined}
              />
              {dup && (
                <g
                  transform={`translate(${-w / 2 + 7 * k},${-6 * k}) scale(${k})`}
                  fill="none"
                  stroke={m.doomed ? '#b91c1c' : textOn(fill)}
                  strokeWidth={1.6}
                >
                  <rect x={0} y={3} width={8} height={8} />
                  <rect x={4} y={0} width={8} height={8} />
                </g>
              )}
              <text
                x={iconW / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"
                fontSize={TOKEN_FONT * k}
                fontWeight={700}
                fill={m.doomed ? '#b91c1c' : textOn(fill)}
                textDecoration={m.doomed ? 'line-through' : undefined}
              >
                {label}
              </text>
            </g>
          );
        })}
      </g>
    </g>
  );
}

const inside = (p: Pt, b: Box) => p.x >= b.x - 1 && p.x <= b.x + b.w + 1 && p.y >= b.y - 1 && p.y <= b.y + b.h + 1;

function TokenLayerImpl({
  boxes,
  routes,
}: {
  boxes: (Box & { id: string; label: string })[];
  /** Drawn link paths by pair id (geometry.routeLinks), each from its pair's first node. */
  routes?: Map<string, Pt[]>;
}) {
  const { t } = useFastT();
  const index = useDiagram((s) => s.index);
  const cursor = useDiagram((s) => s.cursor);
  const flying = inFlight(index, cursor);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const groups = new Map<string, InFlight[]>();
  for (const m of flying) {
    if (m.from === m.to || !byId.has(m.from) || !byId.has(m.to)) continue;
    const id = pairId(m.from, m.to);
    const list = groups.get(id) ?? [];
    list.push(m);
    groups.set(id, list);
  }
  const labelOf = (id: string) => byId.get(id)?.label ?? id;
  return (
    <svg
      className="token-layer"
      width={1}
      height={1}
      style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }}
      aria-label={t('diagram.tokens')}
      role="group"
    >
      {[...groups].map(([id, tokens]) => {
        const [x, y] = id.split('|');
        const a = byId.get(x)!;
        const b = byId.get(y)!;
        const pts = routes?.get(id);
        // A route starts on the border of the card it leaves: find which of the pair that is.
        const from = pts && inside(pts[0], a) ? a.id : b.id;
        const route = pts ? { from, pts } : undefined;
        return (
          <PairTokens
            key={id}
            a={a}
            b={b}
            route={route}
            others={boxes.filter((o) => o !== a && o !== b)}
            tokens={tokens}
            labelOf={labelOf}
          />
        );
      })}
    </svg>
  );
}

export const TokenLayer = memo(TokenLayerImpl);
