import { describe, expect, it } from 'vitest';
import { didiCoupon } from './index';
import { mismatches, runNamed } from './testkit';

describe('didi-coupon named scenarios meet their expectations', () => {
  for (const s of didiCoupon.scenarios) {
    it(s.id, () => {
      const r = runNamed(s.id, {}, true);
      expect(mismatches(r, s.expect)).toEqual([]);
      expect(r.referenceMismatches).toEqual([]);
    });
  }
  it('same scenario twice → same trace hash', () => {
    for (const s of didiCoupon.scenarios) expect(runNamed(s.id).hash).toBe(runNamed(s.id).hash);
  });
});
