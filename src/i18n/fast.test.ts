/**
 * fastT / fastExists give what i18next's t / exists give, for every string of the app in both languages (the views
 * on the seek path use them instead of i18next for speed, so they must never show other text).
 */
import { describe, expect, it } from 'vitest';
import i18n from './index';
import { fastExists, fastT } from './fast';
import { mergedResources } from './resources';

const all = mergedResources();

/** Parameters for every placeholder of a template, plus one the template does not name. */
function paramsFor(tpl: string): Record<string, string | number | undefined> {
  const p: Record<string, string | number | undefined> = { unused: 'x' };
  for (const m of tpl.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) p[m[1]] = `<${m[1]}>`;
  return p;
}

describe('fastT and fastExists agree with i18next', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`every key in ${lang}: same text with and without parameters, and exists`, async () => {
      i18n.addResourceBundle(lang, 'translation', all[lang], true, true);
      await i18n.changeLanguage(lang);
      const diffs: string[] = [];
      for (const [key, tpl] of Object.entries(all[lang])) {
        if (fastT(key) !== i18n.t(key)) diffs.push(`${key} (no params)`);
        const params = paramsFor(tpl);
        if (!('count' in params) && fastT(key, params) !== i18n.t(key, params)) diffs.push(key);
        if (fastExists(key) !== i18n.exists(key)) diffs.push(`${key} (exists)`);
      }
      expect(diffs).toEqual([]);
    });
  }

  it('a missing key: shown as itself, and does not exist; a placeholder without its parameter stays', async () => {
    await i18n.changeLanguage('en');
    expect(fastT('no.such.key')).toBe(i18n.t('no.such.key'));
    expect(fastExists('no.such.key')).toBe(false);
    expect(i18n.exists('no.such.key')).toBe(false);
    i18n.addResource('en', 'translation', 'test.fast.tpl', 'a {{x}} b {{y}}');
    expect(fastT('test.fast.tpl', { x: 1 })).toBe(i18n.t('test.fast.tpl', { x: 1 }));
    expect(fastT('test.fast.tpl', { x: 1, y: undefined })).toBe('a 1 b ');
  });

  it('strings added later (a pattern loaded after the first screen) are seen, in the language asked', async () => {
    await i18n.changeLanguage('en');
    expect(fastExists('test.fast.late')).toBe(false);
    i18n.addResourceBundle('en', 'translation', { 'test.fast.late': 'late' }, true, true);
    i18n.addResourceBundle('zh', 'translation', { 'test.fast.late': '迟到' }, true, true);
    expect(fastExists('test.fast.late')).toBe(true);
    expect(fastT('test.fast.late')).toBe('late');
    await i18n.changeLanguage('zh');
    expect(fastT('test.fast.late')).toBe('迟到');
  });
});
