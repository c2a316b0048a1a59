/**
 * UI-only settings that are not part of the scenario (so they never go into a file or a deep link): dialogs,
 * playback preferences, the timeline axis. Kept apart from the run store so scenario edits and UI toggles
 * never re-render each other's subscribers.
 */
import { create } from 'zustand';

export type TimelineAxis = 'events' | 'time';

export interface UiState {
  shortcutsOpen: boolean;
  /** Playback skips quickly over long idle gaps (a 24-hour retry ladder plays in seconds). */
  compressIdle: boolean;
  /** Scrubber axis: evenly spaced events (default) or linear virtual time. */
  axis: TimelineAxis;
  /** Presentation mode: the diagram and the sequence chart get the whole height (bottom panels hidden). */
  present: boolean;
  setPresent(on: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setCompressIdle(on: boolean): void;
  setAxis(axis: TimelineAxis): void;
}

export const useUi = create<UiState>()((set) => ({
  shortcutsOpen: false,
  compressIdle: true,
  axis: 'events',
  present: false,
  setPresent: (present) => set({ present }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setCompressIdle: (compressIdle) => set({ compressIdle }),
  setAxis: (axis) => set({ axis }),
}));

/** Playback speeds offered by the speed control and by [ and ] (virtual ms per wall-clock ms). */
export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 1000] as const;

export function nextSpeed(current: number, dir: 1 | -1): number {
  if (dir > 0) return SPEEDS.find((s) => s > current + 1e-9) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < current - 1e-9) ?? SPEEDS[0];
}

/** A playback speed at which a typical (median) message takes about 0.6 s on screen (snapped to SPEEDS). */
export function autoSpeed(sends: readonly { t: number; copies: readonly { deliverAt: number }[] }[]): number {
  const flights: number[] = [];
  for (const s of sends) {
    for (const c of s.copies) flights.push(c.deliverAt - s.t);
    if (flights.length > 2000) break;
  }
  if (!flights.length) return 1;
  flights.sort((a, b) => a - b);
  const median = flights[flights.length >> 1];
  if (!(median > 0)) return 1;
  const raw = median / 600;
  return [...SPEEDS].reverse().find((v) => v <= raw) ?? SPEEDS[0];
}
