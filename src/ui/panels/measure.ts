/**
 * Text width without layout: a cached canvas measurement in the page's own font stack (read once from <body>); the
 * one measurer of the app (lane headers, the event log, the charts' axis labels). Used to choose between a name and
 * a shorter form (a node id), or where to wrap, before drawing, so nothing is cut with "…". Without a canvas (unit
 * tests) an estimate: a Chinese character 1 em, any other 0.55 em.
 */
const cache = new Map<string, number>();
let ctx: CanvasRenderingContext2D | null | undefined;
let family: string | undefined;

export function textWidth(text: string, px: number, weight = 400): number {
  const k = `${weight} ${px}\u0000${text}`;
  let w = cache.get(k);
  if (w !== undefined) return w;
  if (ctx === undefined)
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (family === undefined)
    family = (typeof document !== 'undefined' && getComputedStyle(document.body).fontFamily) || 'sans-serif';
  if (ctx) {
    ctx.font = `${weight} ${px}px ${family}`;
    w = ctx.measureText(text).width;
  } else w = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? px : px * 0.55), 0);
  if (cache.size > 4000) cache.clear();
  cache.set(k, w);
  return w;
}
