import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceMismatches, safeUnder, scheduleWithKnobs } from '../compensation/testkit';
import { tcc } from './index';

const knobs = fc.record({
  tryFails: fc.constantFrom('none', 'bob', 'smith'),
  transientBranch: fc.constantFrom('bob', 'smith'),
  confirmFailures: fc.integer({ min: 0, max: 2 }),
  cancelFailures: fc.integer({ min: 0, max: 2 }),
});

/** Money conserved at every instant, nothing applied twice, no freeze leaked, both sides agree, the TM finished. */
const rules = { never: ['conservation', 'no-negative', 'exactly-once'], finally: ['no-leak', 'atomicity'] };
const arb = scheduleWithKnobs(tcc, knobs);

/** Hundreds of runs with the reference check after every event: generous on a loaded machine. */
const SLOW = 120_000;

describe('TCC under random fault schedules (drops, duplicates, delays, reordering, crash + recovery)', () => {
  it(
    'with the barrier: money conserved, nothing applied twice, no freeze leaks, all-or-nothing',
    () => {
      fc.assert(
        fc.property(arb, ([s, k]) => safeUnder(tcc, s, k, true, rules)),
        { numRuns: 300, seed: 20260101 },
      );
    },
    SLOW,
  );
  it(
    'without the barrier: some schedule breaks it',
    () => {
      const res = fc.check(
        fc.property(arb, ([s, k]) => safeUnder(tcc, s, k, false, rules)),
        { numRuns: 300, seed: 20260101 },
      );
      expect(res.failed).toBe(true);
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
