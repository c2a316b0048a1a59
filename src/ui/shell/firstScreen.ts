/**
 * "After the first screen" (issue 15: initial JS ≤ 200 kB, Lighthouse): what the first screen does not need to
 * respond — the sequence chart, the inspector and fault list, the link code when there is no link, the other
 * patterns' code — loads once the first screen is up: the page has loaded, the diagram has placed its nodes, two
 * more frames have been painted, and the browser has a moment of idle time. It is not a
 * wall-clock delay: on an idle machine it resolves a few frames after the first paint.
 */
import { startTransition, useEffect, useState } from 'react';

let resolveReady: () => void = () => undefined;
/** Resolves once the first screen is up (see above). */
export const firstScreen: Promise<void> = new Promise((r) => (resolveReady = r));

let started = false;
let drawn: () => void = () => undefined;
/** Resolves when the diagram has drawn its first nodes (or a page without one has waited long enough). */
const diagramDrawn: Promise<void> = new Promise((r) => (drawn = r));
/** Called by the diagram when its cards and links are in the page (useDiagramStages' last step). */
export function markFirstScreenDrawn(): void {
  drawn();
}

/** Called by main.tsx right after the first render. Without a DOM (tests) it resolves at once. */
export function startFirstScreen(): void {
  if (started) return;
  started = true;
  if (typeof window === 'undefined' || typeof requestAnimationFrame !== 'function') return resolveReady();
  const idle = (cb: () => void) => void onIdle(cb, 1500);
  const frames = (n: number, cb: () => void): void => {
    if (n === 0) return cb();
    requestAnimationFrame(() => frames(n - 1, cb));
  };
  // The page's load event can come before React has drawn the first screen (it renders in a transition, and React
  // Flow places its nodes a frame later): wait for the diagram too, so nothing fetched "after the first screen"
  // competes with it. A page opened without a diagram (the Compare view) goes on after 3 s.
  const afterLoad = () => {
    setTimeout(drawn, 3000);
    void diagramDrawn.then(() => frames(2, () => idle(resolveReady)));
  };
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

/**
 * A moment when the browser is idle (at most `timeout` ms away): work that can wait — prefetching, the address
 * bar's link — runs in such moments one piece at a time, so no long task blocks a click. [issue 15: Lighthouse TBT]
 */
export function whenIdle(timeout = 2000): Promise<void> {
  return new Promise((resolve) => void onIdle(resolve, timeout));
}

/**
 * `f` in an idle moment (at most `timeout` ms away; without one, only when the page is idle; 50 ms without
 * requestIdleCallback). Returns its cancel.
 */
export function onIdle(f: () => void, timeout?: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(() => f(), timeout === undefined ? undefined : { timeout });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(f, 50);
  return () => clearTimeout(h);
}

/** The panes drawn after the first screen take turns: each in an idle moment after the previous one. */
let turn: Promise<void> = firstScreen;
let waiting = 0;
let up = false;
void firstScreen.then(() => (up = true));

/**
 * Whether the first screen is up and it is this component's turn (a component shows its content from then on).
 * The panes that wait for it come one per idle moment, in the order they mounted, each drawn in a transition (React
 * renders it in slices that yield to input): several panes at once were one long commit, style and layout. Once
 * they are all drawn, a pane mounted later (a tab opened again) shows its content at once.
 * [issue 15: Lighthouse, total blocking time]
 */
export function useAfterFirstScreen(enabled = true): boolean {
  const [ready, setReady] = useState(() => up && waiting === 0);
  useEffect(() => {
    if (ready || !enabled) return;
    // Enabled once the first screen's panes are all drawn (a phone's pane scrolled to): at once, not in an idle
    // moment, which the browser holds back while a scroll goes on (the pane came two seconds after the scroll).
    if (up && waiting === 0) {
      startTransition(() => setReady(true));
      return;
    }
    let alive = true;
    waiting++;
    const mine = (turn = turn.then(() => whenIdle()));
    void mine.then(() => {
      waiting--;
      if (alive) startTransition(() => setReady(true));
    });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once `enabled`: `ready` only turns true
  }, [enabled]);
  return ready;
}

/** Whether the page's first diagram has been drawn (a later one — another pattern, the view opened again — at once). */
let diagramMounted = false;

/**
 * The page's first diagram (React Flow) comes in three steps, each a frame after the previous one has been committed
 * and painted, each in a transition of its own: `flow`, React Flow's frame without nodes or links, then `cards`,
 * then `links` (the links and the message tokens). Mounted in the same commit as the rest of the first screen,
 * React Flow's first effects (it reads the pane's size at mount) forced the style and layout of the whole new page
 * inside that task: at 4x CPU one task of several hundred ms. Mounted with its cards, that read still forced the
 * style and layout of every card and link inside the script, and Lighthouse's trace records a script stack for each
 * element added to the layout: one 80-160 ms task (about 300 elements), against 20 ms when the same elements are
 * laid out in the browser's own frame. Filled a frame later, the cards are laid out in that frame; the mount's read
 * sees React Flow's frame alone. Cards and links come apart because React Flow renders what its store gets
 * synchronously (not in slices): both in one step were one 70 ms render and commit. `defer` false (a mini diagram):
 * all at once. [issue 15: Lighthouse, TBT]
 */
export function useDiagramStages(defer: boolean): { flow: boolean; cards: boolean; links: boolean } {
  const [stage, setStage] = useState(() =>
    !defer || diagramMounted || typeof requestAnimationFrame !== 'function' ? 3 : 0,
  );
  useEffect(() => {
    if (stage === 3) {
      diagramMounted = true;
      return;
    }
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      startTransition(() => setStage(stage + 1));
    };
    // After the next frame (its style, layout and paint), or 100 ms where there are no frames (a background tab).
    // A visible page waits for its frame (1 s at most): on a busy CPU the frame can come later than 100 ms, and the
    // diagram mounted before it made React Flow's first measurement compute the whole page's style (a 100+ ms task).
    const raf = requestAnimationFrame(() => setTimeout(go, 0));
    const timer = setTimeout(go, document.visibilityState === 'hidden' ? 100 : 1000);
    return () => {
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
    };
  }, [stage]);
  return { flow: stage >= 1, cards: stage >= 2, links: stage === 3 };
}

let drawnIdle = false;
const drawnListeners = new Set<() => void>();
void diagramDrawn
  .then(() => whenIdle())
  .then(() => {
    drawnIdle = true;
    startTransition(() => drawnListeners.forEach((f) => f()));
  });

/**
 * Whether the page's first diagram has been drawn and the browser has had an idle moment since (from then on at
 * once). For what a diagram shows only on hover or focus — the links' ⋯ buttons: mounted with the diagram, React
 * Flow placed them in its second commit (the one its store's first update makes, inside its mount effects), which
 * made that one task longer. They come in a transition of their own. [issue 15: Lighthouse, total blocking time]
 */
export function useAfterDiagramDrawn(): boolean {
  const [up, setUp] = useState(drawnIdle);
  useEffect(() => {
    if (up) return;
    if (drawnIdle) return setUp(true);
    const f = () => setUp(true);
    drawnListeners.add(f);
    return () => void drawnListeners.delete(f);
  }, [up]);
  return up;
}
