import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * One media query list for the page, made on first use. The snapshot is read on every render of every component
 * that asks (each message token), so it must be a property read, not a new `matchMedia` per call.
 */
let mq: MediaQueryList | null | undefined;
function list(): MediaQueryList | null {
  if (mq === undefined) mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null;
  return mq;
}

function subscribe(cb: () => void) {
  const l = list();
  if (!l) return () => {};
  l.addEventListener('change', cb);
  return () => l.removeEventListener('change', cb);
}

function snapshot() {
  return list()?.matches ?? false;
}

/** True when the user asked for reduced motion: message tokens jump instead of gliding. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
