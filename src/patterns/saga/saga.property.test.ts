import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceMismatches, safeUnder, scheduleWithKnobs } from '../compensation/testkit';
import { saga } from './index';

const knobs = fc.record({
  failStep: fc.constantFrom('none', 'bob', 'smith'),
  order: fc.constantFrom('debit-first', 'credit-first'),
  transientBranch: fc.constantFrom('bob', 'smith'),
  compensateFailures: fc.integer({ min: 0, max: 2 }),
});

/** Money conserved at every instant, nothing applied twice, all steps done or all compensated. */
const rules = { never: ['conservation', 'no-negative', 'exactly-once'], finally: ['atomicity'] };
const arb = scheduleWithKnobs(saga, knobs);
const choreo = scheduleWithKnobs(
  saga,
  knobs.map((k) => ({ ...k, coordination: 'choreography' })),
);

/** Hundreds of runs with the reference check after every event: generous on a loaded machine. */
const SLOW = 120_000;

describe('Saga under random fault schedules (drops, duplicates, delays, reordering, crash + recovery)', () => {
  it(
    'with the barrier: money conserved, nothing applied twice, all steps done or all compensated',
    () => {
      fc.assert(
        fc.property(arb, ([s, k]) => safeUnder(saga, s, k, true, rules)),
        { numRuns: 300, seed: 20260101 },
      );
    },
    SLOW,
  );
  it(
    'without the barrier: some schedule breaks it',
    () => {
      const res = fc.check(
        fc.property(arb, ([s, k]) => safeUnder(saga, s, k, false, rules)),
        { numRuns: 300, seed: 20260101 },
      );
      expect(res.failed).toBe(true);
    },
    SLOW,
  );
  it(
    'choreography (outbox + acks, service crashes): safe with the barrier, not without',
    () => {
      fc.assert(
        fc.property(choreo, ([s, k]) => safeUnder(saga, s, k, true, rules)),
        { numRuns: 300, seed: 20260101 },
      );
      expect(
        fc.check(
          fc.property(choreo, ([s, k]) => safeUnder(saga, s, k, false, rules)),
          { numRuns: 300, seed: 20260101 },
        ).failed,
      ).toBe(true);
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
