/**
 * The first screen's run (the first pattern's default scenario), computed in short slices before the run store is
 * created, so that no single task simulates, hashes and indexes the whole trace while the page is starting (on a
 * slow phone that was one task of a quarter second). main.tsx awaits `prepareFirstRun()` before it imports the
 * app; run.ts then takes the result instead of computing it again. Where nobody prepared it (tests, Node), run.ts
 * computes it at once as before. [issue 15: Lighthouse, total blocking time]
 */
import { baseScenario, sameJson, type PatternDef, type Scenario } from '../engine';
import { defaultPattern } from '../patterns/catalog';
import { defaultYield, LoadJob, runInSlices, wallClock, type Loaded } from './loader';

/**
 * Work per slice (ms): shorter than a load's, because nothing is on screen to keep responsive yet except the
 * skeleton, and a slow phone takes several times longer for each.
 */
export const FIRST_SLICE_MS = 6;

interface FirstRun {
  pattern: PatternDef;
  scenario: Scenario;
  loaded: Loaded;
}

let prepared: FirstRun | null = null;
let pending: Promise<void> | null = null;

/**
 * Simulate the first pattern's default scenario in slices (once). The default scenario is short (tens of events);
 * what costs is running the engine's and the pattern's code for the first time, so the steps start at a few events
 * and grow only while they stay cheap.
 */
export function prepareFirstRun(): Promise<void> {
  pending ??= new Promise<void>((resolve, reject) => {
    const pattern = defaultPattern;
    const scenario = baseScenario(pattern);
    const fail = (e: unknown) => reject(e instanceof Error ? e : new Error(String(e)));
    try {
      const job = new LoadJob(pattern, scenario); // a task of its own (setting up the run's checkers and network)
      runInSlices(
        job,
        { clock: wallClock, yieldTo: defaultYield(), sliceMs: FIRST_SLICE_MS, firstStep: 2, deferFirst: true },
        () => {
          prepared = { pattern, scenario, loaded: job.loaded as Loaded };
          resolve();
        },
        fail,
      );
    } catch (e) {
      fail(e);
    }
  });
  return pending;
}

/** The prepared run (taken once), if it is the scenario asked for. */
export function takeFirstRun(pattern: PatternDef, scenario: Scenario): Loaded | null {
  const run = prepared;
  prepared = null;
  if (!run || run.pattern !== pattern || !sameJson(run.scenario, scenario)) return null;
  return run.loaded;
}
