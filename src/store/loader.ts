/**
 * Loading a scenario without freezing the tab: the simulation (`Run.advance`), the trace hash and the trace index are
 * done in slices of about SLICE_MS of work, yielding to the event loop between slices (input, paint). A small
 * scenario — the common case — finishes inside the first slice, synchronously, so nothing flickers.
 *
 * Pure logic apart from the default clock and yield: tests drive it with a fake clock.
 */
import {
  IndexBuilder,
  Run,
  TraceHasher,
  type PatternDef,
  type Scenario,
  type SimResult,
  type Time,
  type TraceIndex,
} from '../engine';

/** Work per slice (ms): short enough for input to stay responsive, long enough that slicing costs little. */
export const SLICE_MS = 20;
/** Default event budget of a run (the engine's default; Scenario.maxEvents overrides it). */
export const DEFAULT_MAX_EVENTS = 2_000_000;

export interface Clock {
  now(): number;
}

/** Schedules a callback as a new task (after pending input and paint). */
export type YieldFn = (cb: () => void) => void;

/** A piece of work that can be done in steps of about `n` units (events). */
export interface SlicedJob {
  /** Do about `n` units of work; true when the whole job is finished. */
  step(n: number): boolean;
}

export const MIN_STEP = 64;
export const MAX_STEP = 1 << 20;

/** The step size, adapted between steps so that one step costs a small part of a slice. */
export interface StepSize {
  n: number;
}

/**
 * Run `job` for about `sliceMs` of `clock` time. Returns true when it finished. Steps grow (×2) while one costs
 * less than an eighth of a slice and shrink (÷2) when one costs more than half, so a slice overshoots by little.
 */
export function runSlice(job: SlicedJob, clock: Clock, sliceMs: number, size: StepSize): boolean {
  const start = clock.now();
  for (;;) {
    const t0 = clock.now();
    if (job.step(size.n)) return true;
    const t1 = clock.now();
    const dt = t1 - t0;
    if (dt < sliceMs / 8) size.n = Math.min(MAX_STEP, size.n * 2);
    else if (dt > sliceMs / 2) size.n = Math.max(MIN_STEP, Math.floor(size.n / 2));
    if (t1 - start >= sliceMs) return false;
  }
}

export interface LoadProgress {
  phase: 'simulate' | 'index';
  /** Events simulated so far. */
  events: number;
  /** Virtual time reached (ms). */
  t: Time;
  horizon: Time;
  maxEvents: number;
  /** Events indexed so far (index phase) of `total`. */
  indexed: number;
  total: number;
}

/** Share of the bar the simulation takes; indexing (and hashing) the trace takes the rest. */
const SIM_SHARE = 0.85;

/** 0 … 1: how far a load is. Simulation counts by virtual time or by the event budget, whichever is further. */
export function progressFraction(p: LoadProgress): number {
  const clamp = (x: number) => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);
  if (p.phase === 'simulate') {
    const f = Math.max(p.horizon > 0 ? p.t / p.horizon : 0, p.maxEvents > 0 ? p.events / p.maxEvents : 0);
    return SIM_SHARE * clamp(f);
  }
  return SIM_SHARE + (1 - SIM_SHARE) * (p.total > 0 ? clamp(p.indexed / p.total) : 1);
}

export interface Loaded {
  result: SimResult;
  index: TraceIndex;
}

/** Simulate, then hash and index the trace, in steps. */
export class LoadJob implements SlicedJob {
  private readonly run: Run;
  private result: SimResult | null = null;
  private builder: IndexBuilder | null = null;
  private hasher: TraceHasher | null = null;
  private output: Loaded | null = null;

  /** Throws what the engine throws for a scenario it cannot run (unknown node, unknown role). */
  constructor(pattern: PatternDef, scenario: Scenario) {
    this.run = new Run(pattern, scenario, { hash: false });
  }

  step(n: number): boolean {
    if (this.output) return true;
    if (!this.result) {
      if (!this.run.advance(n)) return false;
      this.result = this.run.result();
      this.builder = new IndexBuilder(this.result);
      this.hasher = new TraceHasher();
    }
    const r = this.result;
    const b = this.builder as IndexBuilder;
    const h = this.hasher as TraceHasher;
    const from = b.done;
    const to = Math.min(r.events.length, from + Math.max(1, Math.floor(n / 2)));
    b.add(r.events, from, to);
    h.add(r.events, from, to);
    if (to < r.events.length) return false;
    r.hash = h.digest();
    this.output = { result: r, index: b.finish() };
    return true;
  }

  progress(): LoadProgress {
    const run = this.run;
    const total = this.result?.events.length ?? 0;
    return {
      phase: this.result ? 'index' : 'simulate',
      events: run.eventCount,
      t: run.now,
      horizon: run.horizon,
      maxEvents: run.maxEvents,
      indexed: this.builder?.done ?? 0,
      total,
    };
  }

  /** The loaded run, once step() returned true. */
  get loaded(): Loaded | null {
    return this.output;
  }
}

/** Run a job to its end at once (tests, the first screen's default scenario). */
export function runToEnd(job: SlicedJob): void {
  while (!job.step(MAX_STEP)) {
    /* keep going */
  }
}

export interface SlicedOptions {
  clock: Clock;
  yieldTo: YieldFn;
  sliceMs?: number;
  /** Events in the first step (default 256); the step then adapts to the slice. */
  firstStep?: number;
  /** Yield before the first slice too (nothing runs in the caller's task; the result is always delivered later). */
  deferFirst?: boolean;
  /** After each later slice that did not finish the job (not after the first: the caller has the handle then). */
  onSlice?(): void;
}

export interface SlicedHandle {
  /** Stop before the next slice (the job's partial work is dropped). */
  cancel(): void;
  readonly cancelled: boolean;
}

/**
 * Run `job` in slices. The first slice runs now (synchronously); returns null when that finished it (`onDone` has
 * been called), else a handle while later slices run as separate tasks. `onError` gets what a step threw.
 */
export function runInSlices(
  job: SlicedJob,
  opts: SlicedOptions,
  onDone: () => void,
  onError: (e: unknown) => void,
): SlicedHandle | null {
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const size: StepSize = { n: opts.firstStep ?? 256 };
  let cancelled = false;
  const handle: SlicedHandle = {
    cancel: () => {
      cancelled = true;
    },
    get cancelled() {
      return cancelled;
    },
  };
  // The first slice: errors reach the caller directly (nothing has been shown yet).
  if (!opts.deferFirst && runSlice(job, opts.clock, sliceMs, size)) {
    onDone();
    return null;
  }
  const next = () => {
    if (cancelled) return;
    let done: boolean;
    try {
      done = runSlice(job, opts.clock, sliceMs, size);
    } catch (e) {
      cancelled = true;
      onError(e);
      return;
    }
    if (cancelled) return;
    if (done) {
      cancelled = true;
      onDone();
      return;
    }
    opts.onSlice?.();
    opts.yieldTo(next);
  };
  opts.yieldTo(next);
  return handle;
}

/** A new task via MessageChannel (no 4 ms clamp of nested setTimeout), setTimeout 0 where there is none. */
export function defaultYield(): YieldFn {
  if (typeof MessageChannel === 'undefined') return (cb) => void setTimeout(cb, 0);
  const ch = new MessageChannel();
  const queue: (() => void)[] = [];
  ch.port1.onmessage = () => queue.shift()?.();
  return (cb) => {
    queue.push(cb);
    ch.port2.postMessage(null);
  };
}

export const wallClock: Clock = { now: () => performance.now() };
