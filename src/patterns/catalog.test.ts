import { describe, expect, it } from 'vitest';
import { patterns } from './registry';
import { catalog, defaultPattern, loadedPattern, loadPattern, preloadPatterns } from './catalog';

describe('the page catalog matches the registry', () => {
  it('same ids and families in the same order, the same first pattern', () => {
    expect(catalog.map((e) => [e.id, e.family])).toEqual(patterns.map((p) => [p.id, p.family]));
    expect(defaultPattern).toBe(patterns[0]);
  });

  it('each loader gives the registry’s definition; unknown ids give undefined', async () => {
    for (const e of catalog) expect(await e.load()).toBe(patterns.find((p) => p.id === e.id));
    expect(await loadPattern('nope')).toBeUndefined();
    await preloadPatterns();
    for (const p of patterns) expect(loadedPattern(p.id)).toBe(p);
  });
});
