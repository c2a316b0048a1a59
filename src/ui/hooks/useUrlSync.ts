/**
 * Deep links and browser history. On load a `#s=…` hash is decoded and loaded, the cursor at the link's `&t=` / `&p=`,
 * its tour open at `&step=` and its `&lang=` shown (src/scenario/link.ts documents every parameter)
 * (an invalid link shows a translated error, and the address bar is replaced with the link of what is on screen,
 * the default scenario). Afterwards the address bar always reproduces what is on screen:
 * - a scenario switch or load (pattern, named scenario, import, link) pushes a history entry, so Back and Forward
 *   move between scenarios; popstate loads that entry's scenario (without pushing again);
 * - edits and cursor moves replace the current entry, written WRITE_DELAY_MS after the last one (a burst of edits
 *   or a scrub writes once; while playing, the cursor is written when playback stops);
 * - a scenario with more than MAX_SYNCED_ITEMS workload items and faults is not re-encoded on edits (200,000 items
 *   took 3 s on every edit), nor one whose link would be longer than a link may be: the address bar keeps the
 *   previous link and a notice says so (once per loaded scenario).
 */
import { useEffect } from 'react';
import i18n, { currentLang, scenarioStrings, setLang } from '../../i18n';
import { addStrings } from '../../i18n/sources';
import { useRun, type RunState } from '../../store/run';
import { useTour } from '../../store/tour';
import { baseScenario, posAtTime, type Scenario } from '../../engine';
import type { ScenarioError } from '../../scenario/errors';
import { defaultPattern } from '../../patterns/catalog';
import { firstScreen, whenIdle } from '../shell/firstScreen';
import { isCompareHash, LEAVE_EVENT } from '../compare/route';

/**
 * The link code is loaded on first use, off the first screen's critical path, in two parts: the writer (lz-string and
 * the JSON writer) for the address bar, which every start needs, and the reader (the valibot schema, which imports
 * every pattern's definition to check a link) only when there is a link to read. Before, the start's write loaded
 * the reader too: every pattern's code ran in the first seconds. [issue 15: Lighthouse, total blocking time]
 */
const writerModule = () => import('../../scenario/encode');
const readerModule = () => import('../../scenario/link');
type LinkModule = Awaited<ReturnType<typeof writerModule>>;
type ReaderModule = Awaited<ReturnType<typeof readerModule>>;

export const WRITE_DELAY_MS = 300;
/** 5,000 transfers encode in about 0.3 s into a ~50 KB link; 20,000 take 2 s and exceed MAX_LINK_CHARS anyway. */
export const MAX_SYNCED_ITEMS = 5_000;

const tooBigToSync = (s: Scenario) => s.workload.length + s.faults.length > MAX_SYNCED_ITEMS;

let mod: LinkModule | null = null;
let reader: ReaderModule | null = null;
/** The last scenario encoded and its link (without the cursor): a cursor move re-uses it. */
let encoded: { scenario: Scenario; base: string } | null = null;
/** The scenario a "link not updated" notice was shown for (once per scenario load). */
let noticeFor: number | null = null;
/** The hash last written or loaded: a popstate / hashchange to it is not news. */
let lastHash = '';
/** The start's link (no link in the address) is waiting for an idle moment to be written (loadFromHash). */
let startWritePending = false;

/**
 * Everything a link carries beside the scenario (src/scenario/link.ts): the exact position when several events share
 * the cursor's time, the open tour step, the language.
 */
function extras(s: Pick<RunState, 'index' | 'cursor'>) {
  const { tour, step } = useTour.getState();
  return {
    pos: s.cursor.pos !== posAtTime(s.index, s.cursor.t) ? s.cursor.pos : undefined,
    tour: tour ?? undefined,
    step: tour !== null ? step + 1 : undefined,
    lang: currentLang(),
  };
}

function link(m: LinkModule, s: Pick<RunState, 'scenario' | 'cursor' | 'index'>): string {
  if (encoded?.scenario !== s.scenario) encoded = { scenario: s.scenario, base: m.encodeLink(s.scenario) };
  return encoded.base + m.cursorSuffix(s.cursor.t) + m.extrasSuffix(extras(s));
}

/** Write the address bar for state `s` (push: a new history entry). */
function write(m: LinkModule, s: RunState, push: boolean): void {
  // Never over the Compare view's address: it carries that view's config (a write that was pending when the view
  // opened has gone into the entry it belonged to: LEAVE_EVENT).
  if (isCompareHash(location.hash)) return;
  const notice = () => {
    if (noticeFor === s.loads) return;
    noticeFor = s.loads;
    useRun.getState().pushError('notice.linkNotSynced', { max: MAX_SYNCED_ITEMS.toLocaleString('en-US') });
  };
  if (tooBigToSync(s.scenario) && encoded?.scenario !== s.scenario) return notice();
  let hash: string;
  try {
    hash = link(m, s);
  } catch {
    return; // a scenario that cannot be encoded keeps the previous link
  }
  if (hash.length > m.MAX_LINK_CHARS) return notice(); // a link no one could open
  lastHash = hash;
  if (location.hash === hash) return;
  try {
    if (push) history.pushState(null, '', hash);
    else history.replaceState(history.state, '', hash);
  } catch {
    // Some embedders forbid history edits; the link button still works.
  }
}

async function showError(m: ReaderModule, e: ScenarioError) {
  await addStrings(scenarioStrings).catch(() => undefined); // the error texts load when first needed
  const message = m.renderError(e, (key, params) => i18n.t(key, params));
  const run = useRun.getState();
  if (!e.path || e.path === 'link') run.pushError('error.linkBroken', { message });
  else run.pushError('error.link', { path: e.path, message });
}

/** Load the scenario of `hash` (the page's address at start, or a history entry the user went back to). */
export async function loadFromHash(hash: string, atStart = false): Promise<void> {
  if (/^#?lab(=|$)/.test(hash)) return; // the Compare view's own link (#lab=1.…)
  lastHash = hash;
  const m = (mod ??= await writerModule());
  // Elsewhere meanwhile (the Compare view opened while the link code loaded): that address wins.
  if ((location.hash || '#') !== (hash || '#')) return;
  const run = useRun.getState();
  if (!hash || hash === '#') {
    // The entry before any link (only when someone cleared the hash): the default scenario.
    if (!atStart) {
      useTour.getState().exit();
      run.loadScenario(baseScenario(defaultPattern), { fromLink: true });
    } else {
      // The start's link is encoded in an idle moment of its own, not in the task that ran the writer's code (one
      // 60-90 ms task in Lighthouse's trace). [issue 15: Lighthouse, total blocking time] A scenario switched to
      // meanwhile writes it first, into this entry, before pushing its own (useUrlSync).
      startWritePending = true;
      await whenIdle();
      if (!startWritePending) return;
      startWritePending = false;
      if ((location.hash || '#') !== (hash || '#')) return;
    }
    write(m, useRun.getState(), false);
    return;
  }
  // Awaited only the first time: once here, a navigation is read in the same task, as before the reader was split
  // off (a write still pending for the previous entry must not run between the navigation and its load).
  if (!reader) {
    reader = await readerModule();
    if ((location.hash || '#') !== (hash || '#')) return;
  }
  const r = reader.decodeLink(hash);
  if (!r.ok) {
    void showError(reader, r.error);
    // The tampered link must not stay in the address bar: it now shows what is on screen.
    write(m, useRun.getState(), false);
    return;
  }
  if (r.lang && r.lang !== currentLang()) void setLang(r.lang);
  const { tour, step, t, pos } = r;
  // The cursor, the tour step and "came from the address bar" are applied when the load finishes: a long one
  // finishes in slices. Without its own cursor, a tour link opens at the step's event.
  run.loadScenario(r.scenario, {
    at: t,
    pos,
    fromLink: true,
    then: () => {
      if (tour !== undefined && step !== undefined)
        useTour.getState().attach(tour, step - 1, t === undefined && pos === undefined);
      else useTour.getState().exit();
    },
  });
}

export function useUrlSync() {
  useEffect(() => {
    let timer: number | undefined;
    let alive = true;
    /** The scenarios switched to while the writer loads, after the one on screen before the first switch. */
    let switched: RunState[] | null = null;
    const flush = () => {
      timer = undefined;
      if (mod && alive) write(mod, useRun.getState(), false);
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, WRITE_DELAY_MS);
    };
    // Without a link the address bar gets the default scenario's link once the first screen is up: the link code
    // (lz-string, the schema) is not part of the first screen. [issue 15: initial JS]
    // (The start had no link: a scenario pushed meanwhile is not read back as one.)
    if (location.hash) void loadFromHash(location.hash, true);
    else void firstScreen.then(() => (alive ? loadFromHash('', true) : undefined));
    const unsub = useRun.subscribe((s, prev) => {
      if (s.loads !== prev.loads) {
        // A new scenario. A write still pending belongs to the previous entry: finish it there first — unless the
        // address bar already moved to another entry (Back / Forward / a link), where it would overwrite that one.
        if ((timer !== undefined || startWritePending) && mod && !s.loadedFromLink) {
          write(mod, prev, false);
          startWritePending = false;
        }
        window.clearTimeout(timer);
        timer = undefined;
        if (s.loadedFromLink) schedule();
        else if (mod) write(mod, s, true);
        else if (switched) switched.push(s);
        else {
          // Switched before the writer has loaded (it loads once the first screen is up): load it now, then write the
          // previous scenario into this entry and push each one switched to meanwhile, so Back returns to each.
          const from = location.hash;
          const queue = (switched = [prev, s]);
          void writerModule().then((m) => {
            mod ??= m;
            switched = null;
            if (!alive || location.hash !== from) return; // Back / Forward / a link meanwhile: that entry wins
            startWritePending = false;
            queue[queue.length - 1] = useRun.getState(); // with the edits made since
            queue.forEach((q, i) => write(m, q, i > 0));
          });
        }
        return;
      }
      if (s.scenario !== prev.scenario || s.cursor.t !== prev.cursor.t || s.playing !== prev.playing) {
        if (!s.playing) schedule();
      }
    });
    // The tour step and the language are in the link too.
    const unsubTour = useTour.subscribe((s, prev) => {
      if (s.tour !== prev.tour || s.step !== prev.step) schedule();
    });
    const onLang = () => schedule();
    i18n.on('languageChanged', onLang);
    // Leaving for the Compare view within WRITE_DELAY_MS of an edit or a language switch: write now, into the entry
    // being left (the late write used to replace the Compare view's #lab address with the scenario link, and the view
    // opened with no pattern to choose). Leaving the Compare view: its way back (closeCompare) names the scenario
    // only; the full link (cursor, tour, language) is written once the animated view's address is back.
    const onLeave = () => {
      if (!mod || !alive) return;
      if (isCompareHash(location.hash)) schedule();
      else if (timer !== undefined) {
        window.clearTimeout(timer);
        flush();
      }
    };
    window.addEventListener(LEAVE_EVENT, onLeave);
    const onNavigate = () => {
      // Only scenario links (or an emptied hash) are ours; an in-page anchor such as #main is not a scenario.
      const h = location.hash;
      if (h && h !== '#' && !h.startsWith('#s=')) return; // (#lab=… is the Compare view's)
      if (h === lastHash) return; // already on screen (popstate and hashchange both fire for one navigation)
      void loadFromHash(h);
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      alive = false;
      window.clearTimeout(timer);
      unsub();
      unsubTour();
      i18n.off('languageChanged', onLang);
      window.removeEventListener(LEAVE_EVENT, onLeave);
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);
}

/**
 * The link that reproduces the current scenario, with the cursor where it is, the tour step and the language. On the
 * Compare view, the address itself: it carries that view's whole config (`#lab=…`, kept in sync as it changes).
 */
export async function currentLink(): Promise<string> {
  if (isCompareHash(location.hash)) return location.href;
  const { encodeLink } = await writerModule();
  const s = useRun.getState();
  return location.href.replace(/#.*$/, '') + encodeLink(s.scenario, s.cursor.t, extras(s));
}
