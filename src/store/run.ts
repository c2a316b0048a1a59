/**
 * The run store: the scenario being shown (plain data), the trace computed from it, the playback cursor and the
 * linked-view selection. Every user action is an edit of the scenario (after which the trace is recomputed and the
 * cursor keeps its virtual time) or a cursor move. Views never keep their own copy of simulated state: they read
 * (index, cursor) and derive.
 */
import { create } from 'zustand';
import {
  baseScenario,
  namedScenario,
  posAtTime,
  type Cursor,
  type Fault,
  type PatternDef,
  type Scenario,
  type SimResult,
  type TraceIndex,
} from '../engine';
import { defaultPattern, isKnownPattern, loadedPattern, loadPattern } from '../patterns/catalog';
import {
  defaultYield,
  LoadJob,
  runInSlices,
  runToEnd,
  wallClock,
  type Clock,
  type LoadProgress,
  type SlicedHandle,
  type YieldFn,
} from './loader';
import { autoSpeed } from './ui';
import { takeFirstRun } from './first-run';

/** What is selected or hovered, shared by every view (diagram, sequence chart, event log, tables). */
export type Selection =
  | { kind: 'node'; node: string }
  | { kind: 'event'; seq: number }
  | { kind: 'message'; sendSeq: number }
  | { kind: 'fault'; id: string }
  /** A row of a node's table (the table view): messages of that transaction / message id are highlighted. */
  | { kind: 'row'; node: string; table: string; key: string }
  /** Several nodes and messages at once (what a guided tour step points at): messages by their send's seq. */
  | { kind: 'group'; nodes: string[]; sends: number[] };

/** A dismissible message shown in the UI (bad file, bad link, absurd parameter…). Text is an i18n key. */
export interface UiError {
  id: number;
  key: string;
  params?: Record<string, string | number>;
}

/** A scenario being simulated in slices; the previous run stays on screen meanwhile. */
export interface Loading {
  pattern: PatternDef;
  scenario: Scenario;
  progress: LoadProgress;
}

export interface RunState {
  pattern: PatternDef;
  scenario: Scenario;
  result: SimResult;
  index: TraceIndex;
  cursor: Cursor;
  playing: boolean;
  /** Virtual ms per wall-clock ms. */
  speed: number;
  selection: Selection | null;
  hover: Selection | null;
  errors: UiError[];
  /** A long scenario being computed (progress bar, Cancel); null when none. */
  loading: Loading | null;
  /**
   * A pattern picked whose code is still being fetched (null when none): until it arrives the pattern on screen is
   * the previous one, so what acts on "the pattern" (the Tour button) waits, and the picker already shows the pick.
   */
  pendingPattern: string | null;
  /** How many times loadScenario replaced the scenario (not edits): the URL sync adds a history entry for each. */
  loads: number;
  /** The last load came from the address bar (a link or Back/Forward): it must not add a history entry. */
  loadedFromLink: boolean;

  /**
   * Replace the whole scenario (import, deep link, named scenario). Invalid → error, nothing else changes. Returns
   * false when it was rejected at once; true when it is shown, or being computed (then `loading` is set).
   */
  loadScenario(s: Scenario, opts?: LoadOptions): boolean;
  /** Edit the scenario; the trace is recomputed and the cursor keeps its virtual time. */
  editScenario(edit: (s: Scenario) => Scenario): boolean;
  /** Stop the scenario being computed; the run on screen stays. */
  cancelLoad(): void;
  setPattern(id: string): void;
  setNamedScenario(id: string): void;
  addFault(f: Omit<Fault, 'id'>): void;
  removeFault(id: string): void;

  seekPos(pos: number): void;
  seekTime(t: number): void;
  /** Set pos and t together (scrubbing between two events): t is clamped into [events[pos-1].t, events[pos].t]. */
  seekCursor(pos: number, t: number): void;
  stepBy(delta: number): void;
  setPlaying(p: boolean): void;
  setSpeed(v: number): void;

  select(sel: Selection | null): void;
  setHover(sel: Selection | null): void;
  pushError(key: string, params?: Record<string, string | number>): void;
  dismissError(id: number): void;
}

/** Applied when a load finishes (it may finish in a later slice): where the cursor goes, where the load came from. */
export interface LoadOptions {
  /** Virtual time to put the cursor at (a link's `&t=`). */
  at?: number;
  /** Cursor position (events applied; a link's `&p=`): with `at`, exact among events at the same time. */
  pos?: number;
  fromLink?: boolean;
  /** Called once the scenario is on screen (a link's tour step is applied then). */
  then?: () => void;
}

let errorIds = 0;

function initial(): Pick<RunState, 'pattern' | 'scenario' | 'result' | 'index' | 'cursor' | 'speed'> {
  const pattern = defaultPattern;
  const scenario = baseScenario(pattern);
  // In the page the first run was computed in slices before this module loaded (first-run.ts).
  let loaded = takeFirstRun(pattern, scenario);
  if (!loaded) {
    const job = new LoadJob(pattern, scenario);
    runToEnd(job);
    loaded = job.loaded as NonNullable<LoadJob['loaded']>;
  }
  const { result, index } = loaded;
  return { pattern, scenario, result, index, cursor: { pos: 0, t: 0 }, speed: autoSpeed(index.sends) };
}

/** How slices are timed and scheduled (tests replace it with a fake clock and a manual queue). */
export const loadTiming: { clock: Clock; yieldTo: YieldFn | null; sliceMs?: number } = {
  clock: wallClock,
  yieldTo: null,
};

let current: SlicedHandle | null = null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useRun = create<RunState>()((set, get) => {
  /**
   * Go on with a pattern's definition: at once when its code is here, else when it has loaded (the first screen
   * downloads only the first pattern: patterns/catalog.ts). The last pick wins: a pattern that arrives after a
   * newer pick is not shown. An id no pattern has is an error (false).
   */
  let picks = 0;
  function withPattern(id: string, then: (p: PatternDef) => boolean): boolean {
    const mine = ++picks;
    const have = loadedPattern(id);
    if (get().pendingPattern !== null) set({ pendingPattern: null });
    if (have) return then(have);
    if (!isKnownPattern(id)) {
      get().pushError('error.unknownPattern', { pattern: id });
      return false;
    }
    set({ pendingPattern: id });
    loadPattern(id).then(
      (p) => {
        if (mine !== picks) return;
        set({ pendingPattern: null });
        if (p) then(p);
      },
      (e: unknown) => {
        if (mine === picks) set({ pendingPattern: null });
        get().pushError('error.runFailed', { message: message(e) });
      },
    );
    return true;
  }

  /**
   * Compute a scenario in slices. The first slice runs now: a small scenario is shown at once (`apply`), a long one
   * sets `loading` (progress) and goes on between frames. A newer load, or Cancel, drops an unfinished one.
   */
  function load(pattern: PatternDef, scenario: Scenario, apply: (r: { result: SimResult; index: TraceIndex }) => void) {
    current?.cancel();
    current = null;
    let job: LoadJob;
    try {
      job = new LoadJob(pattern, scenario);
    } catch (e) {
      get().pushError('error.runFailed', { message: message(e) });
      return false;
    }
    const yieldTo = (loadTiming.yieldTo ??= defaultYield());
    const finish = () => {
      current = null;
      set({ loading: null });
      apply(job.loaded as NonNullable<LoadJob['loaded']>);
    };
    const fail = (e: unknown) => {
      current = null;
      set({ loading: null });
      get().pushError('error.runFailed', { message: message(e) });
    };
    try {
      const handle = runInSlices(
        job,
        {
          clock: loadTiming.clock,
          yieldTo,
          sliceMs: loadTiming.sliceMs,
          onSlice: () => {
            if (current === handle) set({ loading: { pattern, scenario, progress: job.progress() } });
          },
        },
        finish,
        fail,
      );
      current = handle;
      if (handle) set({ loading: { pattern, scenario, progress: job.progress() } });
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  return {
    ...initial(),
    playing: false,
    selection: null,
    hover: null,
    errors: [],
    loading: null,
    pendingPattern: null,
    loads: 0,
    loadedFromLink: false,

    loadScenario(s, opts = {}) {
      return withPattern(s.pattern, (pattern) =>
        load(pattern, s, ({ result, index }) => {
          let t = opts.at === undefined ? 0 : Math.max(0, Math.min(result.endTime, opts.at));
          let pos = t > 0 ? posAtTime(index, t) : 0;
          if (opts.pos !== undefined) {
            const n = index.events.length;
            pos = Math.max(0, Math.min(n, Math.round(opts.pos)));
            const lo = pos === 0 ? 0 : index.events[pos - 1].t;
            const hi = pos >= n ? index.endTime : index.events[pos].t;
            t = opts.at === undefined ? lo : Math.max(lo, Math.min(hi, t));
          }
          set({
            pattern,
            scenario: s,
            result,
            index,
            cursor: { pos, t },
            playing: false,
            selection: null,
            hover: null,
            speed: autoSpeed(index.sends),
            loads: get().loads + 1,
            loadedFromLink: !!opts.fromLink,
          });
          opts.then?.();
        }),
      );
    },

    editScenario(edit) {
      // An edit applies to the scenario being computed if there is one (the user edits what they asked for last).
      const { pattern, scenario } = get().loading ?? get();
      const next = edit(scenario);
      return load(pattern, next, ({ result, index }) => {
        const { cursor, pattern: shown } = get();
        const t = Math.min(cursor.t, result.endTime);
        const samePattern = shown.id === pattern.id;
        set({
          pattern,
          scenario: next,
          result,
          index,
          cursor: samePattern ? { pos: posAtTime(index, t), t } : { pos: 0, t: 0 },
          ...(samePattern ? {} : { selection: null, hover: null, playing: false }),
        });
      });
    },

    cancelLoad() {
      current?.cancel();
      current = null;
      set({ loading: null });
    },

    setPattern(id) {
      withPattern(id, (p) => get().loadScenario(baseScenario(p)));
    },

    setNamedScenario(id) {
      const p = get().pattern;
      const ns = p.scenarios.find((s) => s.id === id);
      if (!ns) return get().pushError('error.unknownScenario', { scenario: id });
      get().loadScenario(namedScenario(p, ns));
    },

    addFault(f) {
      get().editScenario((s) => {
        let n = s.faults.length + 1;
        while (s.faults.some((x) => x.id === 'f' + n)) n++;
        return { ...s, faults: [...s.faults, { ...f, id: 'f' + n } as Fault] };
      });
    },

    removeFault(id) {
      get().editScenario((s) => ({ ...s, faults: s.faults.filter((f) => f.id !== id) }));
    },

    seekPos(pos) {
      const { index } = get();
      const p = Math.max(0, Math.min(index.events.length, Math.round(pos)));
      const t = p === 0 ? 0 : index.events[p - 1].t;
      set({ cursor: { pos: p, t } });
    },

    seekTime(t) {
      const { index } = get();
      const tt = Math.max(0, Math.min(index.endTime, t));
      set({ cursor: { pos: posAtTime(index, tt), t: tt } });
    },

    seekCursor(pos, t) {
      const { index } = get();
      const n = index.events.length;
      const p = Math.max(0, Math.min(n, Math.round(pos)));
      const lo = p === 0 ? 0 : index.events[p - 1].t;
      const hi = p >= n ? index.endTime : index.events[p].t;
      const tt = Number.isFinite(t) ? Math.max(lo, Math.min(hi, t)) : lo;
      set({ cursor: { pos: p, t: tt } });
    },

    stepBy(delta) {
      set({ playing: false });
      get().seekPos(get().cursor.pos + delta);
    },

    setPlaying(p) {
      const { cursor, index } = get();
      if (p && cursor.pos >= index.events.length) set({ cursor: { pos: 0, t: 0 } });
      set({ playing: p });
    },

    setSpeed(v) {
      set({ speed: Math.max(0.01, Math.min(100_000, v)) });
    },

    select(sel) {
      set({ selection: sel });
    },
    setHover(sel) {
      set({ hover: sel });
    },
    pushError(key, params) {
      set((st) => ({ errors: [...st.errors, { id: ++errorIds, key, params }] }));
    },
    dismissError(id) {
      set((st) => ({ errors: st.errors.filter((e) => e.id !== id) }));
    },
  };
});
