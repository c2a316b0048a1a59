/**
 * Global keyboard shortcuts (UI.md): Space play/pause, ←/→ step one event, Home/End, [ and ] speed,
 * PageUp/PageDown and "." for presenter clickers, ? for the shortcuts dialog. Ignored while typing in a field.
 * While a guided tour is open, →/PageDown/"." go to its next step and ←/PageUp to the previous one.
 *
 * A presenter's clicker sends Space, ←/→, PageUp/PageDown and ".", and the focus is wherever the last click or
 * selection left it. So (UI.md "after a selection in a picker or a click on a button, these keys drive playback"):
 * - a dropdown (select) never takes ←/→, PageUp/PageDown or "." (↑/↓, Home/End and type-ahead still choose an
 *   option), and takes Space (to open) only until a selection was made in it, or again after it is re-focused;
 * - a button, tab or checkbox focused by a pointer click leaves Space to playback; one reached with the keyboard
 *   (:focus-visible) keeps Space and Enter, so keyboard users still press buttons as usual.
 */
import { useEffect } from 'react';
import { useRun } from '../../store/run';
import { nextSpeed, useUi } from '../../store/ui';
import { togglePresentation } from './usePresentation';
import { useTour } from '../../store/tour';

export interface Shortcut {
  keys: string[];
  /** i18n key of what it does. */
  action: string;
}

/** The one list: the handler below and the shortcuts dialog both read it. */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Space', '.'], action: 'shortcut.playPause' },
  { keys: ['→', 'PageDown'], action: 'shortcut.stepForward' },
  { keys: ['←', 'PageUp'], action: 'shortcut.stepBack' },
  { keys: ['Home'], action: 'shortcut.start' },
  { keys: ['End'], action: 'shortcut.end' },
  { keys: [']'], action: 'shortcut.faster' },
  { keys: ['['], action: 'shortcut.slower' },
  { keys: ['P', 'F'], action: 'shortcut.present' },
  { keys: ['→', 'PageDown', '.'], action: 'shortcut.tourNext' },
  { keys: ['←', 'PageUp'], action: 'shortcut.tourPrev' },
  { keys: ['Esc'], action: 'shortcut.tourExit' },
  { keys: ['?'], action: 'shortcut.help' },
  { keys: ['Esc'], action: 'shortcut.close' },
];

/** The keys a presenter's clicker sends. */
const CLICKER_KEYS = new Set([' ', '.', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown']);

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'range', 'file'].includes(type);
  }
  return false;
}

function isActivatable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY') return true;
  if (el instanceof HTMLInputElement && ['checkbox', 'radio', 'button'].includes(el.type)) return true;
  const role = el.getAttribute('role');
  return role === 'switch' || role === 'menuitem' || role === 'tab' || role === 'checkbox' || role === 'option';
}

/** Selects in which a selection was made since they were last focused: their Space goes to playback. */
const settled = new WeakSet<EventTarget>();
/**
 * Elements last focused by a pointer (not :focus-visible when they got focus). Read at focus time: once a key is
 * pressed, Chromium makes the focused element :focus-visible whatever focused it.
 */
const pointerFocused = new WeakSet<EventTarget>();

/** Whether the focused element keeps this key for itself (otherwise it is a playback shortcut). */
export function elementKeepsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (isTyping(el)) return true;
  if (el.tagName === 'SELECT') return !CLICKER_KEYS.has(key) || (key === ' ' && !settled.has(el));
  if (key === 'Enter' && isActivatable(el)) return true;
  // Space presses a button reached with the keyboard; after a pointer click it is the clicker's play/pause.
  if (key === ' ' && isActivatable(el)) return !pointerFocused.has(el);
  return false;
}

/** Handle one key; returns true when it was a shortcut. Exported for tests. */
export function handleShortcut(key: string): boolean {
  const run = useRun.getState();
  const ui = useUi.getState();
  // While a guided tour is open, the clicker's keys move the tour (Space still plays / pauses the run).
  const tour = useTour.getState();
  if (tour.tour !== null) {
    const dir =
      key === 'ArrowRight' || key === 'PageDown' || key === '.' ? 1 : key === 'ArrowLeft' || key === 'PageUp' ? -1 : 0;
    if (dir) {
      tour.go(tour.step + dir);
      return true;
    }
  }
  switch (key) {
    case ' ':
    case '.':
      run.setPlaying(!run.playing);
      return true;
    case 'ArrowRight':
    case 'PageDown':
      run.stepBy(1);
      return true;
    case 'ArrowLeft':
    case 'PageUp':
      run.stepBy(-1);
      return true;
    case 'Home':
      run.setPlaying(false);
      run.seekPos(0);
      return true;
    case 'End':
      run.setPlaying(false);
      run.seekTime(run.index.endTime);
      return true;
    case ']':
      run.setSpeed(nextSpeed(run.speed, 1));
      return true;
    case '[':
      run.setSpeed(nextSpeed(run.speed, -1));
      return true;
    case '?':
      ui.setShortcutsOpen(!ui.shortcutsOpen);
      return true;
    case 'p':
    case 'P':
    case 'f':
    case 'F':
      togglePresentation();
      return true;
    default:
      return false;
  }
}

export function useKeyboard() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) return;
      // Inside an open menu or dialog the arrows/Space belong to it.
      if (e.target instanceof HTMLElement && e.target.closest('[role="menu"],[role="dialog"],[role="tablist"]')) {
        if (e.key !== '?') return;
      }
      if (elementKeepsKey(e.target, e.key)) return;
      // preventDefault also keeps a select from changing its value.
      if (handleShortcut(e.key)) {
        e.preventDefault();
        if (e.key === ' ') spaceTarget = e.target;
      }
    };
    // A button is pressed by Space on key up: when Space was play/pause, that press must not happen too.
    let spaceTarget: EventTarget | null = null;
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== ' ' || spaceTarget === null) return;
      if (e.target === spaceTarget) e.preventDefault();
      spaceTarget = null;
    };
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLSelectElement) settled.add(e.target);
    };
    const onFocus = (e: Event) => {
      const el = e.target;
      if (!(el instanceof HTMLElement)) return;
      if (el instanceof HTMLSelectElement) settled.delete(el);
      if (e.type === 'focusin') {
        if (el.matches(':focus-visible')) pointerFocused.delete(el);
        else pointerFocused.add(el);
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('change', onChange, true);
    window.addEventListener('focusin', onFocus, true);
    window.addEventListener('pointerdown', onFocus, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('change', onChange, true);
      window.removeEventListener('focusin', onFocus, true);
      window.removeEventListener('pointerdown', onFocus, true);
    };
  }, []);
}
