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
  } else w = [...text].reduce((n, ch) => n + (HAS_CJK.test(ch) ? px : px * 0.55), 0);
  if (cache.size > 4000) cache.clear();
  cache.set(k, w);
  return w;
}

/** The Chinese (CJK) characters: ideographs, radicals, punctuation, full-width forms. */
const CJK_CHARS = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
/** Text with a Chinese (CJK) character in it. */
export const HAS_CJK = new RegExp(`[${CJK_CHARS}]`);
/** A word's pieces where Chinese text may break: each Chinese character, each run of other characters. */
const CJK_PIECES = new RegExp(`[${CJK_CHARS}]|[^${CJK_CHARS}]+`, 'g');

/**
 * Words of `text` in lines no wider than `width` (by `measure`), greedily; a word wider than a line stands alone.
 * Broken at spaces only (CSS `word-break: keep-all`), or with `cjk` also between Chinese characters (CSS's default).
 */
export function wrapText(text: string, width: number, measure: (s: string) => number, cjk = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = cjk && HAS_CJK.test(word) ? (word.match(CJK_PIECES) ?? [word]) : [word];
    for (let i = 0; i < pieces.length; i++) {
      const next = line ? line + (i === 0 ? ' ' : '') + pieces[i] : pieces[i];
      if (!line || measure(next) <= width) line = next;
      else {
        lines.push(line);
        line = pieces[i];
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Does `text` fit `width` in at most two lines, wrapped as wrapText does (支付 / 服务 with `cjk`)? */
export function fitsTwoLines(text: string, width: number, measure: (s: string) => number, cjk = false): boolean {
  const lines = wrapText(text, width, measure, cjk);
  return lines.length <= 2 && lines.every((l) => measure(l) <= width);
}
