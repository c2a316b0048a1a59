/**
 * Global keyboard shortcuts (UI.md): Space play/pause, ←/→ step one event, Home/End, [ and ] speed,
 * PageUp/PageDown and "." for presenter clickers, ? for the shortcuts dialog. Ignored while typing in a field,
 * and Space/Enter are left to a focused button so it still works as a button.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/lab';
import { nextSpeed, useUi } from '../../store/ui';

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
  { keys: ['P'], action: 'shortcut.present' },
  { keys: ['?'], action: 'shortcut.help' },
  { keys: ['Esc'], action: 'shortcut.close' },
];

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'range', 'file'].includes(type);
  }
  return false;
}

function isActivatable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY') return true;
  const role = el.getAttribute('role');
  return role === 'switch' || role === 'menuitem' || role === 'tab' || role === 'checkbox' || role === 'option';
}

/** Handle one key; returns true when it was a shortcut. Exported for tests. */
export function handleShortcut(key: string): boolean {
  const lab = useLab.getState();
  const ui = useUi.getState();
  switch (key) {
    case ' ':
    case '.':
      lab.setPlaying(!lab.playing);
      return true;
    case 'ArrowRight':
    case 'PageDown':
      lab.stepBy(1);
      return true;
    case 'ArrowLeft':
    case 'PageUp':
      lab.stepBy(-1);
      return true;
    case 'Home':
      lab.setPlaying(false);
      lab.seekPos(0);
      return true;
    case 'End':
      lab.setPlaying(false);
      lab.seekTime(lab.index.endTime);
      return true;
    case ']':
      lab.setSpeed(nextSpeed(lab.speed, 1));
      return true;
    case '[':
      lab.setSpeed(nextSpeed(lab.speed, -1));
      return true;
    case '?':
      ui.setShortcutsOpen(!ui.shortcutsOpen);
      return true;
    case 'p':
    case 'P':
      ui.setPresent(!ui.present);
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
      if ((e.key === ' ' || e.key === 'Enter') && isActivatable(e.target)) return;
      if (handleShortcut(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
