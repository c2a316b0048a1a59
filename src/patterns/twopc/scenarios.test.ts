import { describe, expect, it } from 'vitest';
import { twoPC } from './index';
import { mismatches, runNamed } from './testkit';

describe('2PC named scenarios meet their expectations', () => {
  for (const s of twoPC.scenarios) {
    it(s.id, () => {
      expect(mismatches(runNamed(s.id), s.expect)).toEqual([]);
    });
  }
  it('same scenario twice → same trace hash', () => {
    for (const s of twoPC.scenarios) expect(runNamed(s.id).hash).toBe(runNamed(s.id).hash);
  });
});
