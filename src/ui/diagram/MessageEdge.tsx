/**
 * A link between two services, drawn as a straight path border to border (custom edge: no built-in dash
 * animation). Messages in flight at the cursor ride on it as labelled tokens placed with
 * SVGPathElement.getPointAtLength at their progress, computed from the cursor's virtual time only.
 * A → B tokens run on one side of the line, B → A on the other; doomed messages (dropped on arrival) are
 * dashed red with ✕, network duplicates carry ⧉. With prefers-reduced-motion tokens jump (0 or 1).
 */
import { memo, useContext, useLayoutEffect, useRef, useState } from 'react';
import { EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../store/lab';
import { messageColor } from '../theme';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { inFlight, pairOfSelection, sendSeqOf, textOn } from './derive';
import { MenuContext } from './menu';

export type MessageEdgeData = { a: string; b: string; declared: boolean; aLabel: string; bLabel: string };
export type MessageEdgeType = Edge<MessageEdgeData, 'message'>;

const TOKEN_FONT = 14;
const CHAR_W = 8.6; // monospace advance at 14 px
const SIDE = 13; // px between the line and a token's centre

function center(n: InternalNode) {
  const w = n.measured.width ?? 0;
  const h = n.measured.height ?? 0;
  return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2, w, h };
}

/** Where the line from a's centre towards b leaves a's rectangle. */
function borderPoint(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number }) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return { x: a.x, y: a.y };
  const sx = dx !== 0 ? a.w / 2 / Math.abs(dx) : Infinity;
  const sy = dy !== 0 ? a.h / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: a.x + dx * s, y: a.y + dy * s };
}

function MessageEdgeImpl({ id, source, target, data }: EdgeProps<MessageEdgeType>) {
  const { t } = useTranslation();
  const openMenu = useContext(MenuContext);
  const reduced = useReducedMotion();
  const sn = useInternalNode(source);
  const tn = useInternalNode(target);
  const pathRef = useRef<SVGPathElement>(null);
  const [pointerOn, setPointerOn] = useState(false);
  const tokensRef = useRef<SVGGElement>(null);
  const index = useLab((s) => s.index);
  const cursor = useLab((s) => s.cursor);
  const hot = useLab((s) => {
    const p = `${source < target ? source : target}|${source < target ? target : source}`;
    return pairOfSelection(s.selection, s.index) === p || pairOfSelection(s.hover, s.index) === p;
  });
  const selSeq = useLab((s) => sendSeqOf(s.selection, s.index));
  const hoverSeq = useLab((s) => sendSeqOf(s.hover, s.index));
  const select = useLab((s) => s.select);
  const setHover = useLab((s) => s.setHover);

  const tokens = inFlight(index, cursor).filter(
    (m) => (m.from === source && m.to === target) || (m.from === target && m.to === source),
  );

  // Place tokens on the real path after each commit (the path's d is only current then).
  useLayoutEffect(() => {
    const path = pathRef.current;
    const g = tokensRef.current;
    if (!path || !g) return;
    const len = path.getTotalLength();
    const p0 = path.getPointAtLength(0);
    const p1 = path.getPointAtLength(len);
    const dx = p1.x - p0.x;
    const dy = p1.y - p0.y;
    const norm = Math.hypot(dx, dy) || 1;
    const nx = -dy / norm;
    const ny = dx / norm;
    for (const el of Array.from(g.children) as SVGGElement[]) {
      const raw = Number(el.dataset.progress);
      const forward = el.dataset.forward === '1';
      const p = reduced ? (raw < 0.5 ? 0 : 1) : raw;
      const along = forward ? p : 1 - p;
      const pt = path.getPointAtLength(len * along);
      const side = forward ? SIDE : -SIDE;
      el.setAttribute('transform', `translate(${pt.x + nx * side},${pt.y + ny * side})`);
    }
  });

  if (!sn || !tn || !data) return null;
  const sc = center(sn);
  const tc = center(tn);
  const s = borderPoint(sc, tc);
  const e = borderPoint(tc, sc);
  const d = `M ${s.x},${s.y} L ${e.x},${e.y}`;
  const mx = (s.x + e.x) / 2;
  const my = (s.y + e.y) / 2;
  const edgeName = t('diagram.edgeName', { a: data.aLabel, b: data.bLabel });

  return (
    <g
      className={'msg-edge' + (hot ? ' is-hot' : '')}
      data-edge={id}
      onPointerEnter={() => setPointerOn(true)}
      onPointerLeave={() => setPointerOn(false)}
    >
      <path d={d} className="msg-edge-hit" fill="none" stroke="transparent" strokeWidth={22} />
      <path
        ref={pathRef}
        d={d}
        fill="none"
        stroke={hot ? '#0369a1' : data.declared ? '#475569' : '#94a3b8'}
        strokeWidth={hot ? 4 : 2.5}
        strokeDasharray={data.declared ? undefined : '6 6'}
        strokeLinecap="round"
      />
      <g ref={tokensRef}>
        {tokens.map((m) => {
          const label = `${m.doomed ? '✕ ' : ''}${m.copy > 0 ? '⧉ ' : ''}${m.msg.type}`;
          const w = label.length * CHAR_W + 16;
          const h = TOKEN_FONT + 10;
          const fill = messageColor(m.msg.type);
          const isSel = selSeq === m.sendSeq;
          const isHover = hoverSeq === m.sendSeq;
          return (
            <g
              key={`${m.sendSeq}:${m.copy}`}
              data-progress={m.progress}
              data-forward={m.from === source ? '1' : '0'}
              className="msg-token"
              style={{ pointerEvents: 'all', cursor: 'pointer' }}
              onClick={(ev) => {
                ev.stopPropagation();
                select({ kind: 'message', sendSeq: m.sendSeq });
              }}
              onPointerEnter={() => setHover({ kind: 'message', sendSeq: m.sendSeq })}
              onPointerLeave={() => setHover(null)}
            >
              <title>
                {t(m.doomed ? 'diagram.tokenDoomed' : 'diagram.token', {
                  type: m.msg.type,
                  from: m.from,
                  to: m.to,
                })}
              </title>
              <rect
                x={-w / 2}
                y={-h / 2}
                width={w}
                height={h}
                rx={h / 2}
                fill={m.doomed ? '#ffffff' : fill}
                stroke={m.doomed ? '#b91c1c' : isSel || isHover ? '#0c4a6e' : '#ffffff'}
                strokeWidth={isSel || isHover || m.doomed ? 3 : 1.5}
                strokeDasharray={m.doomed ? '4 3' : undefined}
              />
              <text
                textAnchor="middle"
                dominantBaseline="central"
                fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
                fontSize={TOKEN_FONT}
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
      <EdgeLabelRenderer>
        <button
          type="button"
          className={'edge-menu-btn nodrag nopan' + (pointerOn || hot ? ' is-visible' : '')}
          style={{ transform: `translate(-50%, -50%) translate(${mx}px, ${my}px)` }}
          aria-label={t('diagram.edgeMenu', { edge: edgeName })}
          aria-haspopup="menu"
          onClick={(ev) => {
            const r = ev.currentTarget.getBoundingClientRect();
            openMenu({ kind: 'edge', a: data.a, b: data.b, x: r.left, y: r.bottom + 2, opener: ev.currentTarget });
          }}
        >
          ⋯
        </button>
      </EdgeLabelRenderer>
    </g>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
