/**
 * The diagram and the sequence chart as images, with html-to-image pinned at 1.11.11 (later releases drop React
 * Flow's edges: xyflow/xyflow#5194, bubkoo/html-to-image#496; TOOLCHAIN.md). Loaded with the Export menu's first
 * use, never on the first screen.
 *
 * The diagram follows React Flow 12's documented image export ("Download Image" example): fit the nodes' bounds
 * (getNodesBounds) into a fixed-size image (getViewportForBounds) and render `.react-flow__viewport` with that
 * transform, so the image holds the whole diagram — every node, edge, arrowhead and the message tokens in flight
 * at the cursor — whatever the pan and zoom on screen. The sequence chart is rendered as shown (its lane headers and
 * the window of the run on screen) at 2×.
 */
import { getNodesBounds, getViewportForBounds, type Node, type Rect } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/** The diagram's image size: a 1080p slide. */
export const DIAGRAM_SIZE = { width: 1920, height: 1080 } as const;
/** The sequence chart's PNG: its on-screen size at this scale. */
export const SEQUENCE_PIXEL_RATIO = 2;
const BACKGROUND = '#ffffff';

/** The ⋯ buttons that open fault menus are controls, not content: left out of the image. */
const content = (n: HTMLElement) => !(n.nodeType === 1 && n.matches?.('button[aria-haspopup="menu"]'));

export type ImageFormat = 'png' | 'svg';

/** The nodes as React Flow knows them, read from the DOM (flow coordinates: translate(); size: offset*). */
function domNodes(root: ParentNode): Node[] {
  return [...root.querySelectorAll<HTMLElement>('.react-flow__node')].map((el, i) => {
    const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
    return {
      id: el.dataset.id ?? String(i),
      position: { x: m ? Number(m[1]) : 0, y: m ? Number(m[2]) : 0 },
      data: {},
      measured: { width: el.offsetWidth, height: el.offsetHeight },
    };
  });
}

/** Nodes' bounds, grown to hold the edges' paths (a curved edge can bow out beyond its nodes). */
function diagramBounds(viewport: HTMLElement): Rect {
  const b = getNodesBounds(domNodes(viewport));
  let x0 = b.x;
  let y0 = b.y;
  let x1 = b.x + b.width;
  let y1 = b.y + b.height;
  for (const p of viewport.querySelectorAll<SVGPathElement>('.react-flow__edge path')) {
    const r = p.getBBox();
    if (!r.width && !r.height) continue;
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function svgDataUrlToText(url: string): string {
  const comma = url.indexOf(',');
  return decodeURIComponent(url.slice(comma + 1));
}

async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

/** The diagram on screen as a 1920×1080 PNG or SVG. Throws when no diagram is shown. */
export async function diagramImage(format: ImageFormat): Promise<Blob> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('no diagram on screen');
  const { width, height } = DIAGRAM_SIZE;
  const vp = getViewportForBounds(diagramBounds(viewport), width, height, 0.2, 4, 0.06);
  const options = {
    backgroundColor: BACKGROUND,
    width,
    height,
    pixelRatio: 1,
    skipFonts: true,
    filter: content,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
  };
  if (format === 'png') return dataUrlToBlob(await toPng(viewport, options));
  return new Blob([svgDataUrlToText(await toSvg(viewport, options))], { type: 'image/svg+xml' });
}

/** The sequence chart as shown (lane headers, the window on screen, the cursor line), PNG at 2× or SVG. */
export async function sequenceImage(chart: HTMLElement, format: ImageFormat): Promise<Blob> {
  const options = {
    backgroundColor: BACKGROUND,
    pixelRatio: SEQUENCE_PIXEL_RATIO,
    skipFonts: true,
    filter: content,
    width: chart.clientWidth,
    height: chart.clientHeight,
  };
  if (format === 'png') return dataUrlToBlob(await toPng(chart, options));
  return new Blob([svgDataUrlToText(await toSvg(chart, options))], { type: 'image/svg+xml' });
}
