/**
 * i18n: one i18next instance for the whole app. Each language is one dictionary (lang-en.ts / lang-zh.ts: the
 * app's own strings and every pattern's name, picked up by import.meta.glob) and one chunk,
 * loaded on demand: only the language shown is downloaded at start (`i18nReady`, awaited before the first render),
 * and a switch loads the other language before changing, so raw keys never appear. A pattern's own strings come
 * with its code, one chunk per language (src/patterns/catalog.ts adds them through sources.ts; a switch loads them
 * too). Keys are flat (keySeparator false).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadLangSources, type StringsSource } from './sources';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

type Dict = Record<string, string>;

const loaders: Record<Lang, () => Promise<{ default: Dict }>> = {
  en: () => import('./lang-en'),
  zh: () => import('./lang-zh'),
};

/** The Compare page's strings: not in the language chunk, they load with the page (App.tsx, through addStrings). */
export const compareStrings: StringsSource = (lang) =>
  (lang === 'zh' ? import('./compare.zh') : import('./compare.en')).then((m) => m.default);

/** The Export menu's strings: loaded with the menu (its button's names are in ui.*.ts). */
export const exportStrings: StringsSource = (lang) =>
  (lang === 'zh' ? import('./export.zh') : import('./export.en')).then((m) => m.default);

/**
 * The sequence chart's and the bottom panels' strings (their titles are in ui.*.ts): loaded with the panels, which
 * are drawn just after the first screen (App.tsx), and with the views that use them (Compare, Export).
 */
export const panelsStrings: StringsSource = (lang) =>
  (lang === 'zh' ? import('./panels.zh') : import('./panels.en')).then((m) => m.default);

/** The scenario file and link errors' strings: loaded before the first such error is shown (addStrings). */
export const scenarioStrings: StringsSource = (lang) =>
  (lang === 'zh' ? import('./scenario.zh') : import('./scenario.en')).then((m) => m.default);

const core = new Map<Lang, Promise<void>>();

/** Load a language's strings once (a no-op when they are already there), with every loaded pattern's. */
export async function loadLang(lang: Lang): Promise<void> {
  let p = core.get(lang);
  if (!p) {
    const mine = loaders[lang]().then(({ default: dict }) => {
      i18n.addResourceBundle(lang, 'translation', dict, true, true);
    });
    mine.catch(() => core.delete(lang)); // a failed fetch can be retried
    core.set(lang, (p = mine));
  }
  await Promise.all([p, loadLangSources(lang)]);
}

const STORAGE_KEY = 'dtx-lab.lang';

function safeStorage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

/** Stored choice first, then the browser's language (zh* → zh, else en). */
export function detectLang(): Lang {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh') return stored;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function applyHtmlLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const startLang = detectLang();

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: startLang,
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // A missing key shows the key itself (never a crash).
  parseMissingKeyHandler: (key: string) => key,
});
applyHtmlLang(startLang);

/** Resolves when the start language's strings are in (the app renders after it). */
export const i18nReady: Promise<void> = loadLang(startLang);

i18n.on('languageChanged', (lng) => applyHtmlLang(lng as Lang));

/** Switch language: its strings are loaded first, then the whole UI changes at once. */
export async function setLang(lang: Lang): Promise<void> {
  safeStorage()?.setItem(STORAGE_KEY, lang);
  await loadLang(lang);
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'zh' ? 'zh' : 'en';
}

export default i18n;
