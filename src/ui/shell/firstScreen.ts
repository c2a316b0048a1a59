/**
 * "After the first screen" (issue 15: initial JS ≤ 200 kB, Lighthouse): what the first screen does not need to
 * respond — the sequence chart, the inspector and fault list, the link code when there is no link, the other
 * patterns' code — loads once the first screen is up: the page has loaded, React has painted it twice over (React
 * Flow measures its nodes in the frame after the first), and the browser has a moment of idle time. It is not a
 * wall-clock delay: on an idle machine it resolves a few frames after the first paint.
 */
import { startTransition, useEffect, useState } from 'react';

let resolveReady: () => void = () => undefined;
/** Resolves once the first screen is up (see above). */
export const firstScreen: Promise<void> = new Promise((r) => (resolveReady = r));

let started = false;
/** Called by main.tsx right after the first render. Without a DOM (tests) it resolves at once. */
export function startFirstScreen(): void {
  if (started) return;
  started = true;
  if (typeof window === 'undefined' || typeof requestAnimationFrame !== 'function') return resolveReady();
  const idle = (cb: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 1500 }) : setTimeout(cb, 50);
  const frames = (n: number, cb: () => void): void => {
    if (n === 0) return cb();
    requestAnimationFrame(() => frames(n - 1, cb));
  };
  const afterLoad = () => frames(3, () => idle(resolveReady));
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

/**
 * A moment when the browser is idle (at most `timeout` ms away): work that can wait — prefetching, the address
 * bar's link — runs in such moments one piece at a time, so no long task blocks a click. [issue 15: Lighthouse TBT]
 */
export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 50);
  });
}

/**
 * Whether the first screen is up (a component shows its content from then on). The content is drawn in a
 * transition: React renders it in slices that yield to input instead of one long task.
 */
export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    void firstScreen.then(() => alive && startTransition(() => setReady(true)));
    return () => {
      alive = false;
    };
  }, []);
  return ready;
}
