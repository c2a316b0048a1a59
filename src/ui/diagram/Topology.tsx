/**
 * The topology view (React Flow 12): services as custom nodes showing their state at the cursor, links as custom
 * edges carrying message tokens. Not draggable; fits the pane (and refits on resize). Right-click or ⋯ on a node
 * or a link opens the fault menu; hover/click links it with every other view.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Controls,
  ReactFlow,
  ViewportPortal,
  getViewportForBounds,
  Position,
  useReactFlow,
  useStoreApi,
  type Edge,
  type EdgeTypes,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useDiagram } from './source';
import { useUi } from '../../store/ui';
import { useTour } from '../../store/tour';
import { ChipIcon, DiskIcon, ServiceNode, type ServiceNodeType } from './ServiceNode';
import { MessageEdge, type MessageEdgeType } from './MessageEdge';
import { MenuContext, type MenuTarget } from './menu';
import { pairsOf } from './derive';
import { markFirstScreenDrawn, useDiagramStages } from '../shell/firstScreen';
import { COMPACT_NODE, layoutScales, NODE_H, NODE_W, routeLinks, type Pt } from './geometry';
import { useFastT } from '../hooks/useFastT';

// The fault menu opens on right-click / ⋯: its code loads on first use.
const FaultMenu = lazy(() => import('./FaultMenu').then((m) => ({ default: m.FaultMenu })));

const FULL_NODE = { w: NODE_W, h: NODE_H };
const nodeTypes: NodeTypes = { service: ServiceNode };
const edgeTypes: EdgeTypes = { message: MessageEdge };

/**
 * Room around the fitted diagram: 3 % each side, and on the left a gutter for the zoom buttons (React Flow's
 * Controls at bottom-left: 15 px margin + 26 px buttons), so they never sit on a card's rows. Mini diagrams have no
 * buttons. (fitBounds takes a number only; getViewportForBounds takes per-side padding with units.)
 */
type Padding = Parameters<typeof getViewportForBounds>[5];
const PADDING: Padding = { top: 0.03, right: 0.03, bottom: 0.03, left: '48px' };
const COMPACT_PADDING: Padding = 0.03;

/** One side of a padding in pixels of a pane `size` long: a fraction of it, or "N px" (the forms used here). */
function sidePx(p: Padding, side: 'top' | 'left', size: number): number {
  const v = typeof p === 'object' ? p[side] : p;
  return typeof v === 'number' ? v * size : typeof v === 'string' && v.endsWith('px') ? parseFloat(v) : 0;
}

/** Refit when the pane changes size (window resize, projector, panels): the cards and the links routed under them. */
function FitOnResize({
  target,
  bounds,
  padding,
}: {
  target: React.RefObject<HTMLDivElement | null>;
  bounds: { x: number; y: number; width: number; height: number };
  padding: Padding;
}) {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  const latest = useRef({ bounds, padding });
  latest.current = { bounds, padding };
  const fit = useCallback(() => {
    const { width, height, minZoom, maxZoom, transform } = store.getState();
    if (!width || !height) return;
    const { bounds: b, padding: p } = latest.current;
    const v = getViewportForBounds(b, width, height, minZoom, maxZoom, p);
    // Too big for the pane at the smallest zoom allowed (presentation mode keeps its text large): shown from its top
    // (and left) edge, not centred, so the first row's titles and the cards' left side are in view, not cut.
    if (b.height * v.zoom > height) v.y = Math.round(sidePx(p, 'top', height)) - b.y * v.zoom;
    if (b.width * v.zoom > width) v.x = Math.round(sidePx(p, 'left', width)) - b.x * v.zoom;
    // Already there (the mount's fit and the observer's first report ask twice): setting the same viewport would
    // still re-render every subscriber of React Flow's transform. [issue 15: Lighthouse, total blocking time]
    const [x, y, zoom] = transform;
    if (Math.abs(v.x - x) < 0.5 && Math.abs(v.y - y) < 0.5 && Math.abs(v.zoom - zoom) < 1e-4) return;
    void setViewport(v);
  }, [setViewport, store]);
  useEffect(() => {
    const raf = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(raf);
  }, [fit, bounds, padding]);
  useEffect(() => {
    const el = target.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let raf = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(fit);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [fit, target]);
  return null;
}

/**
 * `compact`: a read-only mini diagram (inside a DiagramSource provider: the Compare view's side by side), named
 * `label`: no title row, zoom buttons, menus or selection.
 */
/**
 * The messages in flight: a chunk of its own, loaded with the links (useDiagramStages' last step), since the first
 * screen needs none to respond. [issue 15: initial JS ≤ 200 kB]
 */
const TokenLayer = lazy(() => import('./TokenLayer').then((m) => ({ default: m.TokenLayer })));

/** React Flow's frame before the cards and links come (useDiagramStages). */
const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];

export default function Topology({ compact = false, label }: { compact?: boolean; label?: string } = {}) {
  const { t } = useFastT();
  // The page's first diagram is drawn a frame after the rest of the first screen, its cards a frame after React
  // Flow's own frame, its links a frame after the cards (shell/firstScreen.ts).
  const { flow: flowReady, cards: cardsReady, links: linksReady } = useDiagramStages(!compact);
  useEffect(() => {
    if (linksReady && !compact) markFirstScreenDrawn();
  }, [linksReady, compact]);
  const topo = useDiagram((s) => s.result.topology);
  const index = useDiagram((s) => s.index);
  const select = useDiagram((s) => s.select);
  const setHover = useDiagram((s) => s.setHover);
  const [menu, setMenu] = useState<MenuTarget | null>(null);

  const pane = useRef<HTMLDivElement>(null);
  const [paneSize, setPaneSize] = useState({ w: 640, h: 360 });
  useEffect(() => {
    const el = pane.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => {
      const w = Math.round(e.contentRect.width / 40) * 40;
      const h = Math.round(e.contentRect.height / 40) * 40;
      setPaneSize((old) => (old.w === w && old.h === h ? old : { w, h }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const pairs = pairsOf(index, topo);
  const size = compact ? COMPACT_NODE : FULL_NODE;
  const nodes: ServiceNodeType[] = useMemo(() => {
    const at = new Map(topo.nodes.map((n, i) => [n.id, i]));
    const links = pairs.flatMap((p) => {
      const i = at.get(p.a);
      const j = at.get(p.b);
      return i === undefined || j === undefined ? [] : [[i, j] as const];
    });
    const { sx, sy } = layoutScales(topo.nodes, paneSize.w, paneSize.h, links, size);
    return topo.nodes.map((n) => ({
      id: n.id,
      type: 'service' as const,
      position: { x: Math.round(n.x * sx), y: Math.round(n.y * sy) },
      width: size.w,
      height: size.h,
      // Where the handles are (the card's top and bottom middle, ServiceNode), so React Flow draws the links in the
      // same commit as the cards instead of after it has measured every card's handles (a second render that
      // created every edge's DOM in one more long task). [issue 15: Lighthouse, total blocking time]
      handles: [
        { type: 'target' as const, position: Position.Top, x: size.w / 2, y: 0 },
        { type: 'source' as const, position: Position.Bottom, x: size.w / 2, y: size.h },
      ],
      data: { topo: n },
      // Set on each node and link as well as on <ReactFlow>: React Flow copies its props into its store in an effect
      // after the first render, so cards and links were first drawn with its defaults (selectable, draggable) and
      // then every one had its class changed in one more commit (a 100-200 ms task in Lighthouse's trace, which
      // records a stack for each style invalidation). [issue 15: Lighthouse, total blocking time]
      selectable: false,
      draggable: false,
      connectable: false,
      ariaLabel: t(n.label),
    }));
  }, [topo, t, paneSize, pairs, size]);
  const boxes = useMemo(
    () =>
      nodes.map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        w: size.w,
        h: size.h,
        label: t(n.data.topo.label),
      })),
    [nodes, t, size],
  );
  // Each link's drawn path: straight, or around the cards where a straight line would pass under one.
  const routes = useMemo(() => routeLinks(boxes, pairs), [boxes, pairs]);
  const bounds = useMemo(() => {
    const pts: Pt[] = boxes.flatMap((b) => [
      { x: b.x, y: b.y },
      { x: b.x + b.w, y: b.y + b.h },
    ]);
    for (const r of routes.values()) pts.push(...r);
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y + 14 };
  }, [boxes, routes]);
  const edges: MessageEdgeType[] = useMemo(() => {
    const label = (id: string) => t(topo.nodes.find((n) => n.id === id)?.label ?? id);
    return pairs.map((p) => ({
      id: p.id,
      source: p.a,
      target: p.b,
      type: 'message' as const,
      data: {
        a: p.a,
        b: p.b,
        declared: p.declared,
        aLabel: label(p.a),
        bLabel: label(p.b),
        points: routes.get(p.id),
      },
      focusable: false,
      selectable: false, // see the nodes above
    }));
  }, [pairs, topo, t, routes]);

  // Refit (remount) when the set of nodes changes: another pattern or a node-count parameter.
  // In presentation mode the diagram never shrinks its 14 px card and token text below what the back of a room
  // reads (16 px at 1280 px wide, 20 px from 1600 px): it stays that large and can be dragged to see the rest.
  // During a tour the caption (≥ 28 px) carries the words and takes part of the height, so the diagram may go a
  // fifth smaller (16 px at 1920, 13 px at 1280) to show every card whole instead of cutting the top row.
  const present = useUi((s) => s.present) && !compact;
  const touring = useTour((s) => s.tour !== null);
  const minZoom = present ? (window.innerWidth >= 1600 ? 20 / 14 : 16 / 14) * (touring ? 0.8 : 1) + 0.01 : 0.2;
  const layoutKey = topo.nodes.map((n) => `${n.id}@${n.x},${n.y}`).join(';') + (present ? `|present@${minZoom}` : '');
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <MenuContext.Provider value={setMenu}>
      <section
        className="flex h-full w-full flex-col"
        {...(compact ? { 'aria-label': label } : { 'aria-labelledby': 'topology-title' })}
      >
        {!compact && (
          <div className="flex h-9 shrink-0 items-center gap-3 border-b border-slate-200 px-2 text-[14px] text-slate-800">
            <h2 id="topology-title" className="text-[16px] font-bold text-slate-950">
              {t('diagram.title')}
            </h2>
            <span className="flex items-center gap-1">
              <span className="inline-flex items-center rounded border border-slate-500 bg-white px-0.5 text-slate-700">
                <DiskIcon />
              </span>
              {t('diagram.legendDisk')}
            </span>
            <span className="flex items-center gap-1">
              <span className="inline-flex items-center rounded border border-dashed border-slate-600 px-0.5 text-slate-700">
                <ChipIcon />
              </span>
              {t('diagram.legendMemory')}
            </span>
          </div>
        )}
        <div
          ref={pane}
          className="topology min-h-0 w-full flex-1"
          onKeyDown={
            compact
              ? undefined
              : (e) => {
                  // Keyboard users: Enter selects the focused node; the context-menu key or Shift+F10 opens its fault menu.
                  const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
                  const id = el?.dataset.id;
                  if (!el || !id || e.target !== el) return;
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    select({ kind: 'node', node: id });
                  } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
                    e.preventDefault();
                    const r = el.getBoundingClientRect();
                    setMenu({ kind: 'node', node: id, x: r.left + 8, y: r.top + 24, opener: el });
                  }
                }
          }
        >
          {flowReady && (
            <ReactFlow<Node, Edge>
              key={layoutKey}
              nodes={cardsReady ? (nodes as Node[]) : NO_NODES}
              edges={linksReady ? (edges as Edge[]) : NO_EDGES}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              fitView
              fitViewOptions={{ padding: compact ? COMPACT_PADDING : PADDING }}
              minZoom={minZoom}
              maxZoom={Math.max(1.6, minZoom)}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              zoomOnScroll={false}
              zoomOnDoubleClick={false}
              panOnScroll={false}
              preventScrolling={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              panActivationKeyCode={null}
              zoomActivationKeyCode={null}
              {...(compact
                ? { panOnDrag: false, nodesFocusable: false, edgesFocusable: false, zoomOnPinch: false }
                : {
                    onNodeClick: (_: unknown, n: Node) => select({ kind: 'node', node: n.id }),
                    onNodeMouseEnter: (_: unknown, n: Node) => setHover({ kind: 'node', node: n.id }),
                    onNodeMouseLeave: () => setHover(null),
                    onPaneClick: () => {
                      setMenu(null);
                      select(null);
                    },
                    onNodeContextMenu: (e: React.MouseEvent, n: Node) => {
                      e.preventDefault();
                      setMenu({ kind: 'node', node: n.id, x: e.clientX, y: e.clientY });
                    },
                    onEdgeContextMenu: (e: React.MouseEvent, edge: Edge) => {
                      e.preventDefault();
                      setMenu({ kind: 'edge', a: edge.source, b: edge.target, x: e.clientX, y: e.clientY });
                    },
                  })}
              onPaneContextMenu={(e) => e.preventDefault()}
              proOptions={{ hideAttribution: compact }}
            >
              {!compact && <Controls showInteractive={false} position="bottom-left" />}
              <FitOnResize target={pane} bounds={bounds} padding={compact ? COMPACT_PADDING : PADDING} />
              {linksReady && (
                <ViewportPortal>
                  <Suspense fallback={null}>
                    <TokenLayer boxes={boxes} routes={routes} />
                  </Suspense>
                </ViewportPortal>
              )}
            </ReactFlow>
          )}
          {menu && !compact && (
            <Suspense fallback={null}>
              <FaultMenu target={menu} onClose={closeMenu} />
            </Suspense>
          )}
        </div>
      </section>
    </MenuContext.Provider>
  );
}
