import { describe, expect, it } from 'vitest';
import { baseScenario } from '../engine';
import { patterns } from '../patterns/registry';
import * as writer from './encode';
import { decodeLink, encodeLink } from './link';

const sources = import.meta.glob<string>(['./encode.ts', './json.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the link writer (encode.ts)', () => {
  it('is what link.ts exports, and what it writes reads back', () => {
    expect(writer.encodeLink).toBe(encodeLink);
    for (const p of patterns) {
      const s = baseScenario(p);
      const r = decodeLink(writer.encodeLink(s, 12.5, { lang: 'zh' }), { patterns });
      expect(r.ok && r.scenario).toEqual(s);
      expect(r.ok && [r.t, r.lang]).toEqual([12.5, 'zh']);
    }
  });

  it('imports neither the schema nor any pattern (the address bar is written at every start)', () => {
    expect(Object.keys(sources).sort()).toEqual(['./encode.ts', './json.ts']);
    for (const src of Object.values(sources)) {
      const imports = [...src.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(imports.filter((i) => /schema|patterns|valibot|link/.test(i))).toEqual([]);
    }
  });
});
