/**
 * Deep links: on load, a `#s=…` hash is decoded and loaded (an invalid one shows an error; the default scenario
 * stays). Afterwards every scenario edit rewrites the hash with history.replaceState, so the address bar always
 * reproduces what is on screen.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/lab';
import type { Scenario } from '../../engine/types';

/** The link module (lz-string + the valibot schema) is loaded on first use, off the first screen's critical path. */
const linkModule = () => import('../../scenario/link');

export async function loadFromHash(hash: string): Promise<void> {
  if (!hash || hash === '#') return;
  if (/^#?lab(=|$)/.test(hash)) return; // [issue 14 hook-up] the Compare view's own link (#lab=1.…)
  const { decodeLink } = await linkModule();
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
    void loadFromHash(location.hash);
    let latest: Scenario | null = null;
    const unsub = useLab.subscribe((s, prev) => {
      if (s.scenario === prev.scenario) return;
      latest = s.scenario;
      void linkModule().then(({ encodeLink }) => {
        if (latest !== s.scenario) return; // a newer edit will write its own link
        try {
          writeHash(encodeLink(s.scenario));
        } catch {
          // A scenario that cannot be encoded keeps the previous link.
        }
      });
    });
    const onHash = () => void loadFromHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      unsub();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
}

/** The link that reproduces the current scenario. */
export async function currentLink(): Promise<string> {
  const { encodeLink } = await linkModule();
  const s = useLab.getState().scenario;
  return location.href.replace(/#.*$/, '') + encodeLink(s);
}
