import { describe, expect, it } from 'vitest';
import { notify } from './index';
import { mismatches, runNamed } from './testkit';

describe('best-effort notification: named scenarios meet their expectations', () => {
  for (const s of notify.scenarios) {
    it(s.id, () => {
      expect(mismatches(runNamed(s.id), s.expect)).toEqual([]);
    });
  }
  it('same scenario twice → same trace hash', () => {
    for (const s of notify.scenarios) expect(runNamed(s.id).hash).toBe(runNamed(s.id).hash);
  });
});
