/**
 * The guided-tour player's state (issue 15): which pattern's tour is open and at which step. A step is shown by
 * loading its named scenario (only when something else is on screen), putting the cursor just after the step's event
 * (src/engine/tour.ts resolves the event predicate against the trace) and selecting what the caption names as a
 * `group` selection, so every linked view (diagram, sequence chart, event log) highlights it. Not part of the
 * scenario: the deep link carries it as `&tour=<pattern>&step=<n>` (useUrlSync).
 */
import { create } from 'zustand';
import { namedScenario, resolveTourStep, tourSteps, type FlatStep, type PatternDef } from '../engine';
import { loadedPattern as getPattern } from '../patterns/catalog'; // the pattern on screen is loaded
import { useRun } from './run';

export interface TourState {
  /** Id of the pattern whose tour is open; null when no tour is running. */
  tour: string | null;
  /** 0-based index in the tour's flat step order (the link's `step` is this + 1). */
  step: number;
  /** Open the tour of a pattern at a step (default the first) and show that step. */
  start(pattern: string, step?: number): boolean;
  /** Show step `i` (clamped into the tour). */
  go(i: number): void;
  next(): void;
  prev(): void;
  /** Open the tour at a step without moving the cursor (a deep link that carries its own cursor). */
  attach(pattern: string, step: number, seek: boolean): boolean;
  exit(): void;
}

/** The steps of a pattern's tour ([] when it has none). */
export function stepsOf(p: PatternDef | undefined): FlatStep[] {
  return p?.tour ? tourSteps(p.tour) : [];
}

/** Highlight the step's nodes and messages in the trace on screen, and optionally move the cursor there. */
function apply(fs: FlatStep, seek: boolean): void {
  const run = useRun.getState();
  if (run.scenario.name !== fs.step.scenario) return; // another scenario is on screen: nothing to point at
  const r = resolveTourStep(fs.step, run.index);
  if (!r.ok) return;
  if (seek) {
    run.setPlaying(false);
    run.seekPos(r.pos);
  }
  run.select({ kind: 'group', nodes: r.nodes, sends: r.sends });
}

export const useTour = create<TourState>()((set, get) => ({
  tour: null,
  step: 0,

  start(pattern, step = 0) {
    const p = getPattern(pattern);
    if (!stepsOf(p).length) return false;
    set({ tour: pattern, step: 0 });
    get().go(step);
    return true;
  },

  go(i) {
    const { tour } = get();
    const p = tour ? getPattern(tour) : undefined;
    const steps = stepsOf(p);
    if (!p || !steps.length) return;
    const step = Math.max(0, Math.min(steps.length - 1, Math.round(i)));
    set({ step });
    const fs = steps[step];
    const ns = p.scenarios.find((s) => s.id === fs.step.scenario);
    if (!ns) return;
    const run = useRun.getState();
    const wanted = namedScenario(p, ns);
    // The step's scenario is on screen already (unedited): only the cursor moves.
    if (run.pattern.id === p.id && JSON.stringify(run.scenario) === JSON.stringify(wanted)) apply(fs, true);
    else run.loadScenario(wanted, { then: () => get().step === step && get().tour === tour && apply(fs, true) });
  },

  next() {
    get().go(get().step + 1);
  },
  prev() {
    get().go(get().step - 1);
  },

  attach(pattern, step, seek) {
    const steps = stepsOf(getPattern(pattern));
    if (step < 0 || step >= steps.length) return false;
    set({ tour: pattern, step });
    apply(steps[step], seek);
    return true;
  },

  exit() {
    if (get().tour === null) return;
    set({ tour: null, step: 0 });
    const run = useRun.getState();
    if (run.selection?.kind === 'group') run.select(null);
  },
}));
