/**
 * Strings that arrive with lazily loaded code (a pattern's, from src/patterns/catalog.ts): a source is one loader
 * per language. A language the page has started loading (index.ts's loadLang: the shown one, and the other once
 * prefetched or chosen) gets every source, whenever either comes first: `addStrings` resolves when the source's
 * strings are in for the shown language (the caller shows its code after that, so raw keys never appear), and
 * `loadLangSources` (awaited by a language switch) when every source known by then is in for that language.
 * Imports only i18next's instance (no React), so the pattern catalog can use it.
 */
import i18n from 'i18next';

type Dict = Record<string, string>;
type Lang = 'en' | 'zh';

/** One loader per language (a dynamic import of the language's file). */
export type StringsSource = (lang: Lang) => Promise<Dict>;

const sources: StringsSource[] = [];
const started = new Set<Lang>();
const loaded = new Map<StringsSource, Map<Lang, Promise<void>>>();

function load(src: StringsSource, lang: Lang): Promise<void> {
  let byLang = loaded.get(src);
  if (!byLang) loaded.set(src, (byLang = new Map()));
  let p = byLang.get(lang);
  if (!p) {
    const mine = src(lang).then((dict) => void i18n.addResourceBundle(lang, 'translation', dict, true, true));
    mine.catch(() => byLang.delete(lang)); // a failed fetch can be retried
    byLang.set(lang, (p = mine));
  }
  return p;
}

const shown = (): Lang => (i18n.language === 'zh' ? 'zh' : 'en');

/**
 * Add a source: its strings load now for every language already started. Resolves when the shown language has
 * them (another language's failure, e.g. offline before the worker cached it, is retried when it is chosen).
 */
export function addStrings(src: StringsSource): Promise<void> {
  if (!sources.includes(src)) sources.push(src);
  const lang = shown();
  const all = [...started].map((l) => (l === lang ? load(src, l) : load(src, l).catch(() => undefined)));
  return Promise.all(all).then(() => undefined);
}

/** Every source's strings in a language (called by loadLang); sources added meanwhile are waited for too. */
export async function loadLangSources(lang: Lang): Promise<void> {
  started.add(lang);
  let n: number;
  do {
    n = sources.length;
    await Promise.all(sources.map((s) => load(s, lang)));
  } while (sources.length !== n);
}
