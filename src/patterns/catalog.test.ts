import { describe, expect, it } from 'vitest';
import { patterns } from './registry';
import { catalog, defaultPattern, loadedPattern, loadPattern, preloadPatterns } from './catalog';
import type { PatternMeta } from './meta';
import { resourceFiles } from '../i18n/resources';
import { runKeys } from '../i18n/runKeys';

// Every folder's meta.ts, as catalog.ts finds them (a folder without one is a shared module, e.g. broker/).
const metas = import.meta.glob<PatternMeta>('./*/meta.ts', { eager: true, import: 'meta' });

describe('the page catalog (every <folder>/meta.ts) matches the registry', () => {
  it('same ids and families in the same order, the same first pattern', () => {
    expect(catalog.map((e) => [e.id, e.family])).toEqual(patterns.map((p) => [p.id, p.family]));
    expect(defaultPattern).toBe(patterns[0]);
  });

  it('each folder’s meta is its definition’s id and family, orders are distinct, names are its strings’', () => {
    const orders = Object.values(metas).map((m) => m.order);
    expect(new Set(orders).size).toBe(orders.length);
    for (const [path, meta] of Object.entries(metas)) {
      const folder = path.split('/')[1];
      const entry = catalog.find((e) => e.id === meta.id);
      expect(entry?.folder).toBe(folder);
      const def = patterns.find((p) => p.id === meta.id);
      expect(def, `${folder}/meta.ts names a pattern registry.ts has`).toBeDefined();
      expect(def?.family).toBe(meta.family);
      // The picker's name (loaded at start from meta.ts) is the folder's strings' `pattern.<id>.name`.
      const strings = resourceFiles[`../patterns/${folder}/strings`];
      expect(strings.en[`pattern.${meta.id}.name`]).toBe(meta.name.en);
      expect(strings.zh[`pattern.${meta.id}.name`]).toBe(meta.name.zh);
    }
  });

  it('each loader gives the registry’s definition, each pattern has strings; unknown ids give undefined', async () => {
    for (const e of catalog) {
      expect(await e.load()).toBe(patterns.find((p) => p.id === e.id));
      for (const lang of ['en', 'zh'] as const) {
        expect((await e.strings(lang))[`pattern.${e.id}.desc`], `${e.folder} ${lang}`).toBeTruthy();
      }
    }
    expect(await loadPattern('nope')).toBeUndefined();
    await preloadPatterns();
    for (const p of patterns) expect(loadedPattern(p.id)).toBe(p);
  });

  it('the first pattern shows no key of a shared folder’s strings (the first screen does not load them)', () => {
    const folders = new Set(catalog.map((e) => e.folder));
    const shared = Object.entries(resourceFiles).filter(([name]) => {
      const m = /^\.\.\/patterns\/([^/]+)\/strings$/.exec(name);
      return m !== null && !folders.has(m[1]);
    });
    expect(shared.length).toBeGreaterThan(0);
    const keys = runKeys(defaultPattern, () => true);
    for (const [name, file] of shared)
      expect(
        [...keys].filter((k) => k in file.en),
        name,
      ).toEqual([]);
  }, 60_000);
});
