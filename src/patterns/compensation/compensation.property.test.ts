/**
 * The property harness with several transfers in flight at once (txCount 2–4, started together or 600 ms apart):
 * every invariant and outcome is judged per gid, so one transfer's faults must not leak into another's verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saga } from '../saga';
import { tcc } from '../tcc';
import { referenceMismatches, runSchedule, safeUnder, scheduleWithKnobs } from './testkit';

const several = { txCount: fc.integer({ min: 2, max: 4 }), txGap: fc.constantFrom(0, 600) };
const tccKnobs = fc.record({ ...several, tryFails: fc.constantFrom('none', 'smith') });
const sagaKnobs = fc.record({
  ...several,
  failStep: fc.constantFrom('none', 'smith'),
  coordination: fc.constantFrom('orchestration', 'choreography'),
});

/** Hundreds of runs with the reference check after every event: generous on a loaded machine. */
const SLOW = 120_000;

describe('several transfers under random fault schedules, barrier on', () => {
  it(
    'the harness runs the workload of its knobs (every transfer begins when nothing is lost)',
    () => {
      const calm = { faults: [], seed: 1, network: tcc.defaultNetwork };
      expect(runSchedule(tcc, calm, { txCount: 3, txGap: 0 }, true).outcomes.map((o) => o.outcome)).toEqual([
        'committed',
        'committed',
        'committed',
      ]);
    },
    SLOW,
  );
  it(
    'TCC: safe for every gid',
    () => {
      const rules = { never: ['conservation', 'no-negative', 'exactly-once'], finally: ['no-leak', 'atomicity'] };
      fc.assert(
        fc.property(scheduleWithKnobs(tcc, tccKnobs), ([s, k]) => safeUnder(tcc, s, k, true, rules)),
        { numRuns: 100, seed: 20260102 },
      );
    },
    SLOW,
  );
  it(
    'Saga: safe for every gid',
    () => {
      const rules = { never: ['conservation', 'no-negative', 'exactly-once'], finally: ['atomicity'] };
      fc.assert(
        fc.property(scheduleWithKnobs(saga, sagaKnobs), ([s, k]) => safeUnder(saga, s, k, true, rules)),
        { numRuns: 100, seed: 20260102 },
      );
    },
    SLOW,
  );
  it(
    'the incremental invariant checks agree with the whole-world reference after every event',
    () => {
      expect(referenceMismatches).toEqual([]);
    },
    SLOW,
  );
});
