/**
 * The fuzzers of issue 10, small enough for CI: mutated example files and mangled deep links are either rejected
 * with a known error code naming the field, or accepted and simulated within an event budget — never a throw.
 * `npm run fuzz` runs the same cases 10,000 of each and prints the counts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { initFuzz, judge, loadExamples, makeCase } from './fuzz-lib';

const examples = loadExamples();
beforeAll(initFuzz);

describe('fuzz: bad input never reaches the engine', () => {
  for (const kind of ['file', 'link'] as const) {
    it(`${kind}s: rejected with a field message, or accepted and simulated — never a throw`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const c = makeCase(examples, seed, kind);
          const v = judge(c.input, 20_000);
          expect(v.kind === 'rejected' || v.kind === 'accepted', `${c.describe}: ${JSON.stringify(v)}`).toBe(true);
        }),
        { numRuns: 150 },
      );
    }, 120_000);
  }
});
