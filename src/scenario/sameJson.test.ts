import { describe, expect, it } from 'vitest';
import { sameJson } from '../engine/equal';
import { namedScenario } from '../engine/scenario';
import { patterns } from '../patterns/registry';
import { decodeLink, encodeLink } from './link';

describe('sameJson', () => {
  it('ignores key order and undefined keys, not array order or values', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
  it('a named scenario that went through a link is still that scenario (the header shows no "edited")', () => {
    for (const p of patterns) {
      for (const ns of p.scenarios) {
        const sc = namedScenario(p, ns);
        const back = decodeLink(encodeLink(sc));
        expect(back.ok, `${p.id}/${ns.id}`).toBe(true);
        if (back.ok) {
          expect(sameJson(back.scenario, sc), `${p.id}/${ns.id}`).toBe(true);
          expect(sameJson(back.scenario, { ...sc, seed: sc.seed + 1 })).toBe(false);
        }
      }
    }
  });
});
