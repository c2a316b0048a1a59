/**
 * The side-by-side store (Compare view): one fault plan, every registered pattern's trace of it, and one shared
 * virtual clock. Each trace has a small diagram store of its own (src/ui/diagram/source.ts) whose cursor is
 * cursorAt(its index, the shared time), so the same diagram components draw every pattern at the same instant.
 * Traces are simulated one pattern per macrotask, so the page never blocks while they come in.
 */
import { create } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { indexTrace, simulate, type NodeId, type PatternDef, type Scenario, type TraceIndex } from '../engine';
import { cursorAt, DEFAULT_PLAN, sharedEnd, sideScenario, type SidePlan } from '../lab/side';
import type { RunState } from './run';

/** What a diagram reads (the same shape as the page's run store; src/ui/diagram/source.ts). */
export type DiagramState = Pick<RunState, 'pattern' | 'result' | 'index' | 'cursor' | 'selection' | 'hover'> &
  Pick<RunState, 'select' | 'setHover'>;

/** Each side-by-side run stops here (a plan is one or a few transactions: far more than they need). */
export const SIDE_MAX_EVENTS = 200_000;

export interface SideTrace {
  pattern: PatternDef;
  scenario: Scenario;
  /** The node the plan crashed (null: none). */
  target: NodeId | null;
  index: TraceIndex;
  /** The mini diagram's store: this trace at the shared time. */
  view: StoreApi<DiagramState>;
}

export interface SideState {
  plan: SidePlan;
  /** Patterns the traces are for (registry order), set by compute(). */
  patterns: PatternDef[];
  traces: SideTrace[];
  computing: boolean;
  error: string | null;
  /** The shared clock (virtual ms) and its range (the end of the longest trace). */
  t: number;
  end: number;
  playing: boolean;
  /** Virtual ms per wall-clock ms. */
  speed: number;
  setPlan(p: SidePlan): void;
  /** (Re)simulate the plan under every pattern given; resolves when every trace is in. */
  compute(patterns: readonly PatternDef[]): Promise<void>;
  seek(t: number): void;
  setPlaying(p: boolean): void;
  setSpeed(v: number): void;
}

const noop = () => undefined;

function viewStore(pattern: PatternDef, index: TraceIndex, t: number): StoreApi<DiagramState> {
  return createStore<DiagramState>()(() => ({
    pattern,
    result: index.result,
    index,
    cursor: cursorAt(index, t),
    selection: null,
    hover: null,
    select: noop,
    setHover: noop,
  }));
}

/** Move every mini diagram to the shared time (only those whose cursor changes are notified). */
function moveAll(traces: readonly SideTrace[], t: number) {
  for (const tr of traces) {
    const next = cursorAt(tr.index, t);
    const cur = tr.view.getState().cursor;
    if (cur.pos !== next.pos || cur.t !== next.t) tr.view.setState({ cursor: next });
  }
}

/** A speed that plays the whole range in about 20 s of wall time. */
export function autoSideSpeed(end: number): number {
  return Math.max(0.05, Math.min(100_000, end / 20_000));
}

let generation = 0;

export const useSide = create<SideState>()((set, get) => ({
  plan: DEFAULT_PLAN,
  patterns: [],
  traces: [],
  computing: false,
  error: null,
  t: 0,
  end: 0,
  playing: false,
  speed: 1,

  setPlan(plan) {
    set({ plan });
  },

  compute(patterns) {
    const gen = ++generation;
    const plan = get().plan;
    set({ patterns: [...patterns], traces: [], computing: true, error: null, playing: false, t: 0, end: 0 });
    return new Promise<void>((resolve) => {
      const traces: SideTrace[] = [];
      const step = (i: number) => {
        if (gen !== generation) return resolve();
        if (i >= patterns.length) {
          set({ computing: false });
          return resolve();
        }
        const p = patterns[i];
        try {
          const { scenario, target } = sideScenario(p, plan);
          const index = indexTrace(simulate(p, scenario, { record: true, maxEvents: SIDE_MAX_EVENTS }));
          traces.push({ pattern: p, scenario, target, index, view: viewStore(p, index, get().t) });
          const end = sharedEnd(traces.map((x) => x.index.endTime));
          set({ traces: [...traces], end, speed: autoSideSpeed(end) });
        } catch (e) {
          set({ error: `${p.id}: ${e instanceof Error ? e.message : String(e)}` });
        }
        setTimeout(() => step(i + 1), 0);
      };
      step(0);
    });
  },

  seek(t) {
    const { end, traces } = get();
    const tt = Math.max(0, Math.min(end, Number.isFinite(t) ? t : 0));
    moveAll(traces, tt);
    set({ t: tt });
  },

  setPlaying(p) {
    const { t, end } = get();
    if (p && t >= end) get().seek(0);
    set({ playing: p });
  },

  setSpeed(v) {
    set({ speed: Math.max(0.01, Math.min(100_000, v)) });
  },
}));
