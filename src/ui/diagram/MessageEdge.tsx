/**
 * A link between two services: a straight path border to border, or the route around the cards that Topology
 * computed (geometry.routeLinks) — a custom edge, no built-in dash animation —
 * dashed when the pattern did not declare it (messages still travelled there). Its ⋯ button (shown on hover or
 * keyboard focus) opens the message-fault menu; the tokens themselves are drawn above the nodes by TokenLayer.
 */
import { memo, useContext, useState } from 'react';
import { EdgeLabelRenderer, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import { useCompactDiagram, useDiagram } from './source';
import { pairId, pairOfSelection } from './derive';
import { linkPath, pointAlong, polylineD, polylineLength, type Box, type Pt } from './geometry';
import { MenuContext } from './menu';
import { useFastT } from '../hooks/useFastT';
import { useAfterDiagramDrawn } from '../shell/firstScreen';

export type MessageEdgeData = {
  a: string;
  b: string;
  declared: boolean;
  aLabel: string;
  bLabel: string;
  /** The routed path from a's border to b's border (geometry.routeLinks); absent: the straight link. */
  points?: Pt[];
};
export type MessageEdgeType = Edge<MessageEdgeData, 'message'>;

function box(n: InternalNode): Box {
  return {
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    w: n.measured.width ?? n.width ?? 0,
    h: n.measured.height ?? n.height ?? 0,
  };
}

function MessageEdgeImpl({ id, source, target, data }: EdgeProps<MessageEdgeType>) {
  const { t } = useFastT();
  const openMenu = useContext(MenuContext);
  const sn = useInternalNode(source);
  const tn = useInternalNode(target);
  const [pointerOn, setPointerOn] = useState(false);
  const pid = pairId(source, target);
  const compact = useCompactDiagram();
  // The ⋯ button is shown on hover or focus only: it comes just after the diagram (shell/firstScreen.ts).
  const menuButton = useAfterDiagramDrawn() && !compact;
  const hot = useDiagram(
    (s) => pairOfSelection(s.selection, s.index) === pid || pairOfSelection(s.hover, s.index) === pid,
  );

  if (!sn || !tn || !data) return null;
  const straight = data.points ? null : linkPath(box(sn), box(tn));
  const pts = data.points ?? [straight!.s, straight!.e];
  const d = polylineD(pts);
  const { x: mx, y: my } = pointAlong(pts, polylineLength(pts) / 2);
  const edgeName = t('diagram.edgeName', { a: data.aLabel, b: data.bLabel });

  return (
    <g
      className={'msg-edge' + (hot ? ' is-hot' : '')}
      data-edge={id}
      onPointerEnter={() => setPointerOn(true)}
      onPointerLeave={() => setPointerOn(false)}
    >
      <path d={d} fill="none" stroke="transparent" strokeWidth={22} />
      <path
        d={d}
        fill="none"
        stroke={hot ? '#0369a1' : data.declared ? '#475569' : '#94a3b8'}
        strokeWidth={hot ? 4 : 2.5}
        strokeDasharray={data.declared ? undefined : '6 6'}
        strokeLinecap="round"
      />
      {menuButton && (
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
      )}
    </g>
  );
}

export const MessageEdge = memo(MessageEdgeImpl);
