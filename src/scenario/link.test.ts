/**
 * Deep links carry the tour step, the exact cursor and the language beside the scenario (issue 15): what is encoded
 * is decoded; an old link (scenario + t) still opens; a present but wrong value is refused with an error naming it.
 */
import { describe, expect, it } from 'vitest';
import { namedScenario, tourSteps } from '../engine';
import { getPattern, patterns } from '../patterns/registry';
import { decodeLink, encodeLink, MAX_POS } from './link';
import { MAX_TIME } from './schema';

const p = getPattern('2pc')!;
const scenario = namedScenario(
  p,
  p.scenarios.find((s) => s.id === 's-2pc-2')!,
);
const steps = tourSteps(p.tour!).length;

describe('deep links with tour, step, cursor and language', () => {
  it('round-trips every field', () => {
    const link = encodeLink(scenario, 266.5, { pos: 47, tour: '2pc', step: 3, lang: 'zh' });
    expect(link).toMatch(/&t=266\.5&p=47&tour=2pc&step=3&lang=zh$/);
    const r = decodeLink(link);
    expect(r).toMatchObject({ ok: true, t: 266.5, pos: 47, tour: '2pc', step: 3, lang: 'zh' });
    expect(r.ok && r.scenario).toEqual(scenario);
  });

  it('still opens an old link (scenario and time only), in any parameter order, ignoring unknown ones', () => {
    const base = encodeLink(scenario);
    expect(decodeLink(base + '&t=35100')).toEqual({ ok: true, scenario, t: 35_100 });
    expect(decodeLink(base + '&lang=en&foo=1&step=2&tour=2pc')).toMatchObject({ ok: true, step: 2, lang: 'en' });
  });

  it('every registered tour step can be linked', () => {
    for (const q of patterns) {
      if (!q.tour) continue;
      const n = tourSteps(q.tour).length;
      const s = namedScenario(q, q.scenarios[0]);
      expect(decodeLink(encodeLink(s, undefined, { tour: q.id, step: n }))).toMatchObject({ ok: true, step: n });
    }
  });

  const base = encodeLink(scenario);
  const bad: [string, string, string][] = [
    ['&t=abc', 't', 'linkCursor'],
    ['&t=-5', 't', 'linkCursor'],
    ['&t=1e999', 't', 'linkCursor'],
    [`&t=${MAX_TIME + 1}`, 't', 'linkCursor'],
    ['&t=', 't', 'linkCursor'],
    ['&p=1.5', 'p', 'linkCursor'],
    [`&p=${MAX_POS + 1}`, 'p', 'linkCursor'],
    ['&tour=tcc&step=1', 'tour', 'linkTour'],
    ['&tour=nope&step=1', 'tour', 'linkTour'],
    ['&tour=2pc', 'step', 'linkStep'],
    ['&tour=2pc&step=0', 'step', 'linkStep'],
    [`&tour=2pc&step=${steps + 1}`, 'step', 'linkStep'],
    ['&tour=2pc&step=2.5', 'step', 'linkStep'],
    ['&step=2', 'step', 'linkStepAlone'],
    ['&lang=fr', 'lang', 'linkLang'],
    ['&lang=', 'lang', 'linkLang'],
    ['&lang=%E0%A4%A', 'lang', 'linkLang'],
  ];
  for (const [suffix, path, code] of bad) {
    it(`refuses ${suffix} naming "${path}"`, () => {
      const r = decodeLink(base + suffix);
      expect(r.ok).toBe(false);
      if (!r.ok) expect([r.error.path, r.error.code]).toEqual([path, code]);
    });
  }
});
