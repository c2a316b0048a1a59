/**
 * Every framework preset under random fault schedules (drops, duplicates, long delays on independent RPC links,
 * crash + recovery): with its own guard, and the business code doing what the framework leaves to it, money is
 * conserved, every account's books are right, nothing is applied twice, no reservation leaks and both sides agree.
 * dtm's barrier and Seata's fence do it alone; a preset without a hanging guard (Hmily) leaks a reservation for
 * some schedule when the business code does not refuse the late Try.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saga } from '../saga';
import { tcc } from '../tcc';
import { presetParams, SAGA_FRAMEWORKS, TCC_FRAMEWORKS, type FrameworkId } from './frameworks';
import type { Schedule } from './faultgen';
import { referenceMismatches, runSchedule, scheduleWithKnobs } from './testkit';
import type { PatternDef } from '../../engine/pattern';

type Knobs = Record<string, string | number>;

/** One run, the framework's guard on and the business guard as given; records reference-check disagreements. */
function correct(p: PatternDef, s: Schedule, k: Knobs, business: boolean, finallyToo: string[]): boolean {
  const r = runSchedule(p, s, k, true, { business });
  referenceMismatches.push(...r.referenceMismatches);
  const inv = (id: string) => r.invariants.find((i) => i.id === id);
  return (
    r.stoppedBy === 'quiescent' &&
    ['conservation', 'account-balance', 'no-negative', 'exactly-once'].every((id) => inv(id)?.broken.length === 0) &&
    finallyToo.every((id) => inv(id)?.final === 'holds') &&
    r.outcomes.every((o) => o.outcome === 'committed' || o.outcome === 'aborted')
  );
}

const tccKnobs = (fw: FrameworkId, extra: Knobs = {}) =>
  fc
    .record({
      tryFails: fc.constantFrom('none', 'bob', 'smith'),
      transientBranch: fc.constantFrom('bob', 'smith'),
      confirmFailures: fc.integer({ min: 0, max: 2 }),
      cancelFailures: fc.integer({ min: 0, max: 2 }),
    })
    .map((k) => ({ ...k, ...presetParams(fw), ...extra }) as Knobs);

const sagaKnobs = (fw: FrameworkId) =>
  fc
    .record({
      failStep: fc.constantFrom('none', 'bob', 'smith'),
      order: fc.constantFrom('debit-first', 'credit-first'),
      transientBranch: fc.constantFrom('bob', 'smith'),
      compensateFailures: fc.integer({ min: 0, max: 2 }),
    })
    .map((k) => ({ ...k, ...presetParams(fw, ['retryInterval', 'maxRetries']) }) as Knobs);

/** Hundreds of runs with the reference check after every event: generous on a loaded machine. */
const SLOW = 180_000;
const TCC_FINALLY = ['no-leak', 'atomicity'];

describe('TCC: every framework with its guards (and the business doing the rest) keeps every account right', () => {
  for (const fw of TCC_FRAMEWORKS)
    it(
      `${fw}: conservation, per-account books, exactly-once at every instant; no leak, all-or-nothing at the end`,
      () => {
        fc.assert(
          fc.property(scheduleWithKnobs(tcc, tccKnobs(fw)), ([s, k]) => correct(tcc, s, k, true, TCC_FINALLY)),
          { numRuns: 60, seed: 20261201 },
        );
      },
      SLOW,
    );
  it(
    'dtm’s barrier and Seata’s fence do it alone, the business code naive',
    () => {
      for (const fw of ['dtm', 'seata'] as const)
        fc.assert(
          fc.property(scheduleWithKnobs(tcc, tccKnobs(fw)), ([s, k]) => correct(tcc, s, k, false, TCC_FINALLY)),
          { numRuns: 100, seed: 20261202 },
        );
    },
    SLOW,
  );
  it(
    'Hmily (no hanging guard, naive business code): some schedule leaks a reservation',
    () => {
      // a try timeout well inside the generator's delays (≤ 60 s), so that a delayed Try can arrive after its Cancel
      const arb = scheduleWithKnobs(tcc, tccKnobs('hmily', { tryTimeout: 20_000, retryInterval: 20_000 }));
      const res = fc.check(
        fc.property(arb, ([s, k]) => {
          const r = runSchedule(tcc, s, k, true, { business: false });
          return r.invariants.find((i) => i.id === 'no-leak')?.final === 'holds';
        }),
        { numRuns: 300, seed: 20261203 },
      );
      expect(res.failed).toBe(true);
    },
    SLOW,
  );
});

describe('Saga: every framework with its guards (and the business doing the rest) keeps every account right', () => {
  for (const fw of SAGA_FRAMEWORKS)
    it(
      `${fw}: conservation, per-account books, exactly-once at every instant; all-or-nothing at the end`,
      () => {
        fc.assert(
          fc.property(scheduleWithKnobs(saga, sagaKnobs(fw)), ([s, k]) => correct(saga, s, k, true, ['atomicity'])),
          { numRuns: 60, seed: 20261201 },
        );
      },
      SLOW,
    );
});

describe('reference checks', () => {
  it(
    'the incremental invariant checks agree with the whole-world reference after every event',
    () => {
      expect(referenceMismatches).toEqual([]);
    },
    SLOW,
  );
});
