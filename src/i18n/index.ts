/**
 * i18n: one i18next instance for the whole app. Resources are merged from the app's own strings (ui.ts), the
 * panels' strings (panels.ts) and every pattern file under ./patterns (picked up by import.meta.glob, so a new
 * pattern's strings plug in without touching this file). Keys are flat (keySeparator false).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ui from './ui';
import panels from './panels';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

type Dict = Record<string, string>;
export interface ResourceFile {
  en: Dict;
  zh: Dict;
}

const patternFiles = import.meta.glob<{ default: ResourceFile }>('./patterns/*.ts', { eager: true });

/** Every resource file, by name (for the key-parity test). */
export const resourceFiles: Record<string, ResourceFile> = {
  ui,
  panels,
  ...Object.fromEntries(
    Object.entries(patternFiles)
      .filter(([path]) => !path.endsWith('.test.ts'))
      .map(([path, mod]) => [path, mod.default]),
  ),
};

export function mergedResources(): Record<Lang, Dict> {
  const out: Record<Lang, Dict> = { en: {}, zh: {} };
  for (const file of Object.values(resourceFiles)) {
    if (!file) continue;
    Object.assign(out.en, file.en);
    Object.assign(out.zh, file.zh);
  }
  return out;
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

const res = mergedResources();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: res.en }, zh: { translation: res.zh } },
  lng: detectLang(),
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // A missing key shows the key itself (never a crash); English is the fallback for a missing zh string.
  parseMissingKeyHandler: (key: string) => key,
});
applyHtmlLang(i18n.language as Lang);

i18n.on('languageChanged', (lng) => applyHtmlLang(lng as Lang));

export function setLang(lang: Lang) {
  safeStorage()?.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'zh' ? 'zh' : 'en';
}

export default i18n;
