/**
 * The playback loop: while `playing`, each animation frame advances the cursor's virtual time by
 * wall-time × speed and derives pos through store.seekTime. With "compress idle gaps", a long quiet stretch
 * between two events (one that would take more than a second of wall time) is crossed in about half a second,
 * so a 24-hour retry ladder plays in seconds. The idle tail after the last event (a run that stopped at its
 * horizon, or whose end the engine extended to a bounded-blocking break) is a gap like any other: crossed in
 * about half a second, then playback stops at the end of the trace.
 */
import { useEffect } from 'react';
import { inFlightAt } from '../../engine';
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';

/** A gap with no message in flight is "idle" when crossing it at the chosen speed would take longer than this. */
const IDLE_GAP_WALL_MS = 1000;
/** Any gap (even with a message in flight, e.g. one delayed by 40 s) longer than this on screen is compressed. */
const LONG_GAP_WALL_MS = 4000;
/** How long a compressed gap takes on screen (wall ms). */
const COMPRESSED_GAP_WALL_MS = 450;
/** Cap one frame's wall time so a background tab does not jump the run forward. */
const MAX_FRAME_MS = 100;

/** Virtual time reached after `dtWall` ms of playback from `cursor` (pure, for tests). */
export function advance(
  events: readonly { t: number }[],
  endTime: number,
  cursor: { pos: number; t: number },
  dtWall: number,
  speed: number,
  compressIdle: boolean,
  /** Messages are in flight now: only very long gaps are compressed, so tokens still glide at the chosen speed. */
  busy = false,
): number {
  const { pos, t } = cursor;
  let rate = speed;
  let cap = Infinity;
  if (compressIdle) {
    const prev = pos === 0 ? 0 : events[pos - 1].t;
    // After the last event the end of the run is the next landing point.
    const next = pos < events.length ? events[pos].t : endTime;
    const gap = next - prev;
    if (gap / speed > (busy ? LONG_GAP_WALL_MS : IDLE_GAP_WALL_MS)) {
      rate = Math.max(speed, gap / COMPRESSED_GAP_WALL_MS);
      cap = next; // land on the next event, then continue at normal speed
    }
  }
  return Math.min(endTime, cap, t + dtWall * rate);
}

export function usePlayback() {
  const playing = useRun((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    const frame = (now: number) => {
      const dt = Math.min(MAX_FRAME_MS, Math.max(0, now - last));
      last = now;
      const st = useRun.getState();
      if (!st.playing) return;
      const { index, cursor, speed } = st;
      const compress = useUi.getState().compressIdle;
      const busy = compress && inFlightAt(index, cursor).length > 0;
      const t = advance(index.events, index.endTime, cursor, dt, speed, compress, busy);
      if (t >= index.endTime) {
        st.seekTime(index.endTime);
        st.setPlaying(false);
        return;
      }
      // At a landing point on an event time, make sure every event at that time is applied.
      st.seekTime(t);
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing]);
}
