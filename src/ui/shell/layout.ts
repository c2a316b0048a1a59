import { useEffect, useState } from 'react';

/**
 * The main view on a phone (below Tailwind's md, 768 px): the panes stack, each at a height of its own, and the page
 * scrolls, instead of the desktop grid squeezed to the width (which ran 150-200 px past a 412-px screen). The app
 * (App.tsx) and the first screen's skeleton (skeleton.ts) use the same classes, so nothing moves when the app arrives.
 */
export const NARROW = {
  /** The app's frame: as tall as its content (the page scrolls) instead of the screen's height. */
  root: 'max-md:h-auto',
  main: 'max-md:flex max-md:flex-col',
  top: 'max-md:grid-cols-1 max-md:grid-rows-[420px_420px]',
  panels: 'max-md:grid-cols-1 max-md:grid-rows-[repeat(3,400px)]',
  /** The timeline wraps: the scrubber takes a line of its own. */
  timeline: 'max-md:flex-wrap',
  scrubber: 'max-md:order-last max-md:basis-full',
  /**
   * The header's groups of buttons give up their boxes: each button wraps on its own, filling the room beside the
   * scenario picker, so the header takes four rows at 390 px instead of five (its height 211 → 169 px).
   */
  headerGroup: 'max-md:contents',
} as const;

/**
 * The "Watch:" line under the header (Header.tsx's Description, and the skeleton's): at most two lines, so a long
 * description (Didi pay's took four at 1280 px) does not take the diagram's height; "More" shows the rest.
 */
export const DESC = {
  box: 'relative border-b border-slate-300 bg-sky-50 px-4 py-1',
  /** No padding of its own: the fold cuts at the second line's foot, showing nothing of a third. */
  text: 'text-[15px] leading-snug text-slate-900',
  clamp: 'line-clamp-2',
  /** "Watch:" */
  label: 'font-semibold text-sky-900',
} as const;

/** The same breakpoint as a media query (NARROW's classes apply exactly when it matches). */
const PHONE = '(max-width: 767.98px)';

/**
 * Whether the element is on screen or about to be (less than half a screen below it), from then on. On a phone the
 * panes stack below the first screen: those nobody has scrolled to yet are not drawn (a long task each, at a
 * phone's CPU, while the page is still starting). Elsewhere, and without IntersectionObserver: at once.
 * [issue 15: Lighthouse mobile, total blocking time]
 */
export function useNearScreen(el: React.RefObject<Element | null>): boolean {
  const [near, setNear] = useState(
    () => typeof IntersectionObserver !== 'function' || typeof matchMedia !== 'function' || !matchMedia(PHONE).matches,
  );
  useEffect(() => {
    const target = el.current;
    if (near || !target) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          setNear(true);
        }
      },
      { rootMargin: '0px 0px 50% 0px' },
    );
    io.observe(target);
    return () => io.disconnect();
  }, [el, near]);
  return near;
}
