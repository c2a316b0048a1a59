/**
 * How a mini card's title is set (the side by side's compact diagrams), provided to ServiceNode through
 * CompactTitleFit (src/ui/diagram/source.ts) by the page that draws mini diagrams: the text measurer stays out of
 * the first screen's scripts, where full-size cards need none.
 */
import { fitsTwoLines, HAS_CJK, textWidth } from '../panels/measure';
import { COMPACT_NODE } from './geometry';
import type { TitleFit } from './source';

/**
 * A mini card's title, in at most two lines: at 20 px, else 17 px (Transaction manager (TM), Bob's account service were
 * cut to "Transaction manager…", "Bob's account…" at 20 px); its words kept whole where that fits (Smith / 的账户服务,
 * not Smith 的账户服 / 务), else a Chinese name broken between characters; cut only if nothing fits.
 */
export function compactTitle(label: string): TitleFit {
  const room = COMPACT_NODE.w - 2 * 3 - 2 * 6 - 2; // borders, padding, a rounding margin
  for (const px of [20, 17]) {
    const style = { fontSize: px, lineHeight: `${px + 3}px` };
    const m = (s: string) => textWidth(s, px, 700);
    if (fitsTwoLines(label, room, m)) return { className: 'break-keep', style };
    if (HAS_CJK.test(label) && fitsTwoLines(label, room, m, true)) return { className: '', style };
  }
  return { className: '', style: { fontSize: 17, lineHeight: '20px' } };
}
