/**
 * The sequence chart's layout model for the shown trace. A trace of up to SYNC_EVENTS events is laid out at once
 * (as before: a few ms); a longer one (a million events take seconds) is laid out in slices between frames, like the
 * page's sliced load, so it never blocks the tab in one long task. Meanwhile the chart shows its lanes empty and a
 * progress line.
 */
import { useEffect, useMemo, useState } from 'react';
import type { NodeId, TraceEvent } from '../../engine';
import { defaultYield, runInSlices, type SlicedHandle } from '../../store/loader';
import { loadTiming } from '../../store/run';
import { buildSeqModel, SeqModelBuilder, type AxisMode, type SeqModel } from './layout';

/** Up to this many events the model is built in one go. */
export const SYNC_EVENTS = 50_000;

interface Built {
  events: readonly TraceEvent[];
  lanes: NodeId[];
  mode: AxisMode;
  endTime: number;
  model: SeqModel;
}

let yieldFn: ReturnType<typeof defaultYield> | null = null;

/** `building`: null when `model` is the trace's; else 0 … 1 of the layout done (`model` is then an empty one). */
export function useSeqModel(
  events: readonly TraceEvent[],
  lanes: NodeId[],
  mode: AxisMode,
  endTime: number,
): { model: SeqModel; building: number | null } {
  const sync = events.length <= SYNC_EVENTS;
  const syncModel = useMemo(
    () => (sync ? buildSeqModel(events, lanes, mode, endTime) : null),
    [sync, events, lanes, mode, endTime],
  );
  const empty = useMemo(() => buildSeqModel([], lanes, mode, endTime), [lanes, mode, endTime]);
  const [built, setBuilt] = useState<Built | null>(null);
  const [progress, setProgress] = useState(0);

  useEffect(() => {
    if (sync) return;
    setProgress(0);
    // Even the first slice is a task of its own: the trace has just arrived, and the render that shows it is long
    // enough without 20 ms of layout in its effects.
    const yieldTo = loadTiming.yieldTo ?? (yieldFn ??= defaultYield());
    let stopped = false;
    let handle: SlicedHandle | null = null;
    yieldTo(() => {
      if (stopped) return;
      const b = new SeqModelBuilder(events, lanes, mode, endTime);
      handle = runInSlices(
        b,
        {
          clock: loadTiming.clock,
          yieldTo,
          sliceMs: loadTiming.sliceMs,
          onSlice: () => setProgress(b.progress),
        },
        () => setBuilt({ events, lanes, mode, endTime, model: b.finish() }),
        () => setBuilt(null),
      );
    });
    return () => {
      stopped = true;
      handle?.cancel();
    };
  }, [sync, events, lanes, mode, endTime]);

  if (syncModel) return { model: syncModel, building: null };
  if (built && built.events === events && built.lanes === lanes && built.mode === mode && built.endTime === endTime)
    return { model: built.model, building: null };
  return { model: empty, building: progress };
}
