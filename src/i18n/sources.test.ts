/** Strings that arrive with lazily loaded code: every started language gets them, whichever comes first. */
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStrings, loadLangSources, type StringsSource } from './sources';

const dicts = { en: { 'src.test.a': 'A' }, zh: { 'src.test.a': '甲' } };

describe('string sources', () => {
  beforeAll(async () => {
    await i18n.init({ lng: 'en', resources: {}, partialBundledLanguages: true, keySeparator: false });
  });

  it('a source added after a language started loads for it; a language started later loads every source', async () => {
    let calls = 0;
    const src: StringsSource = (lang) => {
      calls++;
      return Promise.resolve(dicts[lang]);
    };
    await loadLangSources('en');
    await addStrings(src);
    expect(i18n.getResource('en', 'translation', 'src.test.a')).toBe('A');
    expect(i18n.getResource('zh', 'translation', 'src.test.a')).toBeUndefined();
    await loadLangSources('zh');
    expect(i18n.getResource('zh', 'translation', 'src.test.a')).toBe('甲');
    await addStrings(src); // once per language
    expect(calls).toBe(2);
  });

  it('a failed load is retried next time', async () => {
    let fail = true;
    const src: StringsSource = (lang) => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(dicts[lang]));
    await expect(addStrings(src)).rejects.toThrow('offline');
    fail = false;
    await addStrings(src);
    expect(i18n.getResource('en', 'translation', 'src.test.a')).toBe('A');
  });
});
