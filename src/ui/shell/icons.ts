/**
 * The header's icons as path data (20 × 20, stroked), one definition for the app's buttons (Header.tsx) and the
 * first screen's skeleton (skeleton.ts), which draws the same buttons before React arrives.
 */
export const ICONS = {
  /** A screen on a stand: presentation mode. */
  present: ['M3 3h14a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z', 'M10 13v3M6 18l4-2 4 2'],
  /** An arrow down into a tray: export (save) files. */
  export: ['M10 3v9M6 8.5l4 4 4-4', 'M3 13v3a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3'],
  /** An arrow up out of a tray: import (open) a file. */
  import: ['M10 12.5V3.5M6 7l4-4 4 4', 'M3 13v3a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3'],
  /** Two chain links: copy a link. */
  link: [
    'M8.5 11.5a3.5 3.5 0 0 0 5 0l3-3a3.5 3.5 0 0 0-5-5l-1 1',
    'M11.5 8.5a3.5 3.5 0 0 0-5 0l-3 3a3.5 3.5 0 0 0 5 5l1-1',
  ],
} as const;

export type IconName = keyof typeof ICONS;

/** The svg element's attributes, shared by both renderings. */
export const ICON_ATTRS = {
  width: 20,
  height: 20,
  viewBox: '0 0 20 20',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** The icon as markup (the skeleton's HTML string). */
export function iconHtml(name: IconName): string {
  const a = ICON_ATTRS;
  return (
    `<svg aria-hidden="true" width="${a.width}" height="${a.height}" viewBox="${a.viewBox}" fill="${a.fill}" ` +
    `stroke="${a.stroke}" stroke-width="${a.strokeWidth}" stroke-linecap="${a.strokeLinecap}" ` +
    `stroke-linejoin="${a.strokeLinejoin}">` +
    ICONS[name].map((d) => `<path d="${d}"/>`).join('') +
    `</svg>`
  );
}

/**
 * Below this width a header button with an icon shows only its icon, its text kept for screen readers (and in its
 * name): the English header fits one row at 1280 px, a projector's usual width, instead of wrapping to two.
 */
export const ICON_ONLY_TEXT = 'max-[1440px]:sr-only';
