/**
 * Which screen is shown: the Compare view while the hash is `#lab` / `#lab=…`, else the animated view. Tiny and
 * dependency-free, so the header and App can import it without pulling the Compare page (or lz-string) into the
 * first screen's bundle.
 */
import { useSyncExternalStore } from 'react';

const ROUTE_EVENT = 'dtx:route';
/**
 * Fired just before navigate() moves the address, while it still shows the entry being left: a write still pending
 * for that entry (the scenario link is written 300 ms after the last edit) lands there now, not over the new one.
 */
export const LEAVE_EVENT = 'dtx:leave';

export const isCompareHash = (hash: string) => /^#?lab(=|$)/.test(hash);

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  window.addEventListener('popstate', cb);
  window.addEventListener(ROUTE_EVENT, cb);
  return () => {
    window.removeEventListener('hashchange', cb);
    window.removeEventListener('popstate', cb);
    window.removeEventListener(ROUTE_EVENT, cb);
  };
}

export function useCompareRoute(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isCompareHash(location.hash),
    () => false,
  );
}

/** Go to a hash without a hashchange (so the scenario link loader does not re-run), then re-render the route. */
export function navigate(hash: string, mode: 'push' | 'replace' = 'push') {
  window.dispatchEvent(new Event(LEAVE_EVENT));
  try {
    if (mode === 'push') history.pushState(history.state, '', hash);
    else history.replaceState(history.state, '', hash);
  } catch {
    location.hash = hash;
  }
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

export const openCompare = () => navigate('#lab');

/** The side-by-side view of the Compare screen: `#lab=side`, `#lab=side.…` (src/store/compare-link.ts). */
export const isSideRoute = (hash: string) => /^#?lab=side(\.|$)/.test(hash);

export function useSideRoute(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isSideRoute(location.hash),
    () => false,
  );
}
