/**
 * Presentation mode and full screen (issue 13): P or F (or the header's button) toggles presentation mode and asks
 * the browser for full screen; Esc leaves it. Full screen goes through the Fullscreen API, which a browser may refuse
 * (no user gesture, headless, an iframe without allowfullscreen): then presentation mode simply stays in the window.
 * Leaving full screen by the browser's own means (its Esc, F11) leaves presentation mode too.
 */
import { useEffect } from 'react';
import { useUi } from '../../store/ui';
import { useTour } from '../../store/tour';

/** True while the page is full screen because presentation mode asked for it. */
let ownFullscreen = false;

function fullscreenElement(): Element | null {
  return typeof document !== 'undefined' ? document.fullscreenElement : null;
}

export function enterPresentation(): void {
  useUi.getState().setPresent(true);
  const el = document.documentElement;
  if (fullscreenElement() || typeof el.requestFullscreen !== 'function' || !document.fullscreenEnabled) return;
  try {
    el.requestFullscreen({ navigationUI: 'hide' }).then(
      () => {
        ownFullscreen = true;
      },
      () => {
        // Refused: presentation mode without full screen.
      },
    );
  } catch {
    // Old engines throw instead of rejecting.
  }
}

export function leavePresentation(): void {
  useUi.getState().setPresent(false);
  if (ownFullscreen && fullscreenElement() && typeof document.exitFullscreen === 'function') {
    ownFullscreen = false;
    document.exitFullscreen().catch(() => undefined);
  }
  ownFullscreen = false;
}

export function togglePresentation(): void {
  if (useUi.getState().present) leavePresentation();
  else enterPresentation();
}

/** Something that Esc closes first (a menu, a dialog, an open popover) is on screen. */
export function escTaken(): boolean {
  const open = document.querySelectorAll(
    '[role="menu"],dialog[open],[role="dialog"],[aria-expanded="true"][aria-controls],[aria-haspopup][aria-expanded="true"]',
  );
  return [...open].some((el) => el.checkVisibility?.() ?? true);
}

export function usePresentationKeys() {
  useEffect(() => {
    const onChange = () => {
      if (!fullscreenElement() && ownFullscreen) {
        ownFullscreen = false;
        useUi.getState().setPresent(false);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !useUi.getState().present || escTaken()) return;
      if (useTour.getState().tour !== null) return; // the first Esc ends the tour (src/ui/tour), the next one this
      leavePresentation();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Capture phase: before a popover's own Esc handler closes it (and React re-renders in a microtask).
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
