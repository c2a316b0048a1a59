/**
 * The main view on a phone (below Tailwind's md, 768 px): the panes stack, each at a height of its own, and the page
 * scrolls, instead of the desktop grid squeezed to the width (which ran 150-200 px past a 412-px screen). The app
 * (App.tsx) and the first screen's skeleton (skeleton.ts) use the same classes, so nothing moves when the app arrives.
 */
export const NARROW = {
  main: 'max-md:flex max-md:flex-col',
  top: 'max-md:grid-cols-1 max-md:grid-rows-[420px_420px]',
  panels: 'max-md:grid-cols-1 max-md:grid-rows-[repeat(3,400px)]',
  /** The timeline wraps: the scrubber takes a line of its own. */
  timeline: 'max-md:flex-wrap',
  scrubber: 'max-md:order-last max-md:basis-full',
} as const;
