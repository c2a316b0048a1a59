/**
 * Every string exists in both languages, and every key a registered pattern can make the UI show exists:
 * names, descriptions, scenarios, parameters, guards, invariants, node labels, and — by running every named
 * scenario — every narration key, status word and row label its trace produces through pattern.view, and every
 * table title, column label and pattern word (valueKey) the table view draws.
 */
import { describe, expect, it } from 'vitest';
import { mergedResources, resourceFiles } from './resources';
import { runKeys } from './runKeys';
import { patterns } from '../patterns/registry';

describe('i18n resources', () => {
  it('every resource file has the same keys in en and zh', () => {
    for (const [name, file] of Object.entries(resourceFiles)) {
      const en = Object.keys(file.en).sort();
      const zh = Object.keys(file.zh).sort();
      const onlyEn = en.filter((k) => !(k in file.zh));
      const onlyZh = zh.filter((k) => !(k in file.en));
      expect({ file: name, onlyEn, onlyZh }).toEqual({ file: name, onlyEn: [], onlyZh: [] });
    }
  });

  it('no string is empty', () => {
    for (const [name, file] of Object.entries(resourceFiles)) {
      for (const lang of ['en', 'zh'] as const) {
        const empty = Object.entries(file[lang])
          .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
          .map(([k]) => k);
        expect({ file: name, lang, empty }).toEqual({ file: name, lang, empty: [] });
      }
    }
  });

  it('no key is defined twice with different text (a pattern words a shared invariant as inv.<pattern>.<id>)', () => {
    const clashes: string[] = [];
    for (const lang of ['en', 'zh'] as const) {
      const seen = new Map<string, { file: string; text: string }>();
      for (const [file, dicts] of Object.entries(resourceFiles)) {
        for (const [k, text] of Object.entries(dicts[lang])) {
          const first = seen.get(k);
          if (!first) seen.set(k, { file, text });
          else if (first.text !== text) clashes.push(`${lang} ${k}: ${first.file} vs ${file}`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the registry is not empty', () => {
    expect(patterns.length).toBeGreaterThan(0);
  });

  for (const p of patterns) {
    it(`every key pattern ${p.id} references exists in en and zh`, () => {
      const res = mergedResources();
      const keys = [...runKeys(p, (k) => k in res.en)].sort();
      const missingEn = keys.filter((k) => !(k in res.en));
      const missingZh = keys.filter((k) => !(k in res.zh));
      expect({ pattern: p.id, missingEn, missingZh }).toEqual({ pattern: p.id, missingEn: [], missingZh: [] });
    }, 60_000); // runs the pattern's base and every named scenario: seconds on a busy machine
  }
});
