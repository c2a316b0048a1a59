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

/** Text with a Chinese (CJK) character in it. */
export const HAS_CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Does `text` fit `width` in at most two lines? Broken at its spaces only (CSS `word-break: keep-all`), or with `cjk`,
 * also between Chinese characters (CSS's default: 支付 / 服务).
 */
export function fitsTwoLines(text: string, width: number, measure: (s: string) => number, cjk = false): boolean {
  let lines = 1;
  let line = '';
  for (const word of text.split(/\s+/)) {
    // A word's pieces: the word itself, or with `cjk` each Chinese character and each run of other characters.
    const pieces =
      cjk && HAS_CJK.test(word)
        ? (word.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g) ?? [
            word,
          ])
        : [word];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (measure(piece) > width) return false;
      const next = line ? line + (i === 0 ? ' ' : '') + piece : piece;
      if (measure(next) <= width) line = next;
      else {
        lines++;
        line = piece;
      }
    }
  }
  return lines <= 2;
}
