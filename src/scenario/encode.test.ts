import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseScenario } from '../engine';
import { patterns } from '../patterns/registry';
import * as writer from './encode';
import { decodeLink, encodeLink } from './link';

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
    for (const f of ['encode.ts', 'json.ts']) {
      const src = readFileSync(new URL(f, import.meta.url), 'utf8');
      const imports = [...src.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(imports.filter((i) => /schema|patterns|valibot|link/.test(i))).toEqual([]);
    }
  });
});
