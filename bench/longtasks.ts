/**
 * The page's main-thread tasks from a Chromium performance trace (Playwright's browser.startTracing with the
 * 'devtools.timeline' and 'toplevel' categories, as DevTools' Performance panel records): each task's wall time, its
 * CPU time (the thread's own time, so a task that waited for a core on a loaded machine shows it), what started it
 * (a worker's message, a timer, React's scheduler, an input event, a frame's rendering, the test driver) and where its
 * CPU went (script, style, layout, paint, GC). For bench/lab.bench.spec.ts: which long task is which.
 */

/** A Chromium trace event (the fields the benchmarks read). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string; message?: string } };
}

export interface Task {
  /** Start on the trace's clock (µs), to compare with the trace's marks. */
  ts: number;
  /** ms since the first main-thread task of the trace. */
  at: number;
  wall: number;
  cpu: number;
  /** What started it, e.g. "worker message → onmessage", "timer → step", "React render", "rendering". */
  what: string;
  /** CPU ms by kind: script, style, layout, paint, gc. */
  parts: Record<string, number>;
}

const PART: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  RunMicrotasks: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
};

/**
 * The renderer's main thread: the CrRendererMain with the most tasks (the page's, not a blank one). The trace as
 * Playwright's browser.stopTracing returns it, or as the events CDP's Tracing.dataCollected delivered.
 */
export function mainThreadTasks(trace: string | Uint8Array | readonly TraceEvent[]): Task[] {
  let ev: readonly TraceEvent[];
  if (Array.isArray(trace)) ev = trace;
  else {
    const text = typeof trace === 'string' ? trace : new TextDecoder().decode(trace as Uint8Array);
    const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
    ev = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  }
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(key));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of ev) {
    if (e.ph !== 'X' || !mains.has(key(e))) continue;
    const list = byThread.get(key(e));
    if (list) list.push(e);
    else byThread.set(key(e), [e]);
  }
  // A task: 'RunTask' (disabled-by-default-devtools.timeline) or the scheduler's own event ('toplevel').
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const count = (l: TraceEvent[]) => l.filter(isTask).length;
  const main = [...byThread.values()].sort((a, b) => count(b) - count(a))[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: Task[] = [];
  const t0 = main.find(isTask)?.ts ?? 0;
  let i = 0;
  while (i < main.length) {
    const t = main[i++];
    if (!isTask(t)) continue;
    const end = t.ts + (t.dur ?? 0);
    const kids: TraceEvent[] = [];
    while (i < main.length && main[i].ts < end) kids.push(main[i++]);
    const parts: Record<string, number> = {};
    // Count each kind at its outermost event (a Layout inside a FunctionCall is layout, not script too).
    const open: { end: number; part: string }[] = [];
    for (const k of kids) {
      while (open.length && open[open.length - 1].end <= k.ts) open.pop();
      const part = PART[k.name];
      if (!part) continue;
      const cpu = (k.tdur ?? k.dur ?? 0) / 1000;
      const outer = open.find((o) => o.part === part);
      if (!outer) parts[part] = (parts[part] ?? 0) + cpu;
      if (part !== 'script' && open.length && open[open.length - 1].part === 'script') {
        // Forced style / layout inside script: move it out of the script figure.
        const s = open.find((o) => o.part === 'script');
        if (s) parts.script = Math.max(0, (parts.script ?? 0) - cpu);
      }
      open.push({ end: k.ts + (k.dur ?? 0), part });
    }
    const first = (n: string) => kids.find((k) => k.name === n);
    const fn = kids.find((k) => k.name === 'FunctionCall')?.args?.data?.functionName;
    const call = fn ? ` → ${fn}` : '';
    let what: string;
    if (first('HandlePostMessage')) what = 'worker message' + call;
    else if (first('TimerFire')) what = 'timer' + call;
    else if (first('FireAnimationFrame')) what = 'animation frame' + call;
    else if (first('EventDispatch')) what = `event ${first('EventDispatch')?.args?.data?.type ?? ''}${call}`;
    else if (first('EvaluateScript') || (first('Receive mojo message') && !fn)) what = 'test driver (Playwright)';
    else if (fn === 'performWorkUntilDeadline' || first('SimpleWatcher::OnHandleReady'))
      what = 'React render (scheduler task)' + (fn && fn !== 'performWorkUntilDeadline' ? call : '');
    else if (fn) what = 'script' + call;
    else if (parts.style || parts.layout || parts.paint) what = 'rendering (style, layout, paint)';
    else what = 'other';
    tasks.push({
      ts: t.ts,
      at: (t.ts - t0) / 1000,
      wall: (t.dur ?? 0) / 1000,
      cpu: (t.tdur ?? t.dur ?? 0) / 1000,
      what,
      parts,
    });
  }
  return tasks;
}

export function describeTask(t: Task): string {
  const parts = Object.entries(t.parts)
    .filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
  return `${t.wall.toFixed(0)} ms wall / ${t.cpu.toFixed(0)} ms CPU at ${(t.at / 1000).toFixed(2)} s: ${t.what}${parts ? ` (CPU ms: ${parts})` : ''}`;
}
