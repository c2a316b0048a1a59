/**
 * Deep links: on load, a `#s=…` hash is decoded and loaded (an invalid one shows an error; the default scenario
 * stays). Afterwards every scenario edit rewrites the hash with history.replaceState, so the address bar always
 * reproduces what is on screen.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/lab';
import { decodeLink, encodeLink } from '../../scenario/link';

export function loadFromHash(hash: string): void {
  if (!hash || hash === '#') return;
  const r = decodeLink(hash);
  const lab = useLab.getState();
  if (!r.ok) {
    const { path, message } = r.error;
    if (!path || path === 'link') lab.pushError('error.linkBroken', { message });
    else lab.pushError('error.link', { path, message });
    return;
  }
  lab.loadScenario(r.scenario);
}

function writeHash(hash: string) {
  if (location.hash === hash) return;
  try {
    history.replaceState(history.state, '', hash);
  } catch {
    // Some embedders forbid history edits; the link button still works.
  }
}

export function useUrlSync() {
  useEffect(() => {
    loadFromHash(location.hash);
    const unsub = useLab.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario) {
        try {
          writeHash(encodeLink(s.scenario));
        } catch {
          // A scenario that cannot be encoded keeps the previous link.
        }
      }
    });
    const onHash = () => loadFromHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      unsub();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
}

/** The link that reproduces the current scenario. */
export function currentLink(): string {
  const s = useLab.getState().scenario;
  return location.href.replace(/#.*$/, '') + encodeLink(s);
}
