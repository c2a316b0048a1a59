import { describe, expect, it } from 'vitest';
import { didiPay } from './index';
import { mismatches, runNamed } from './testkit';

describe('didi-pay named scenarios meet their expectations', () => {
  for (const s of didiPay.scenarios) {
    it(s.id, () => {
      const r = runNamed(s.id, {}, true);
      expect(mismatches(r, s.expect)).toEqual([]);
      expect(r.referenceMismatches).toEqual([]);
    });
  }
  it('same scenario twice → same trace hash', () => {
    for (const s of didiPay.scenarios) expect(runNamed(s.id).hash).toBe(runNamed(s.id).hash);
  });
});
