/**
 * Every resource file in both languages, paired by name (ui, panels, and each pattern folder's strings): for the key-parity test and
 * tools. The app itself never imports this (it loads one language at a time through lang-en.ts / lang-zh.ts).
 */
import type { Lang } from './index';

type Dict = Record<string, string>;
export interface ResourceFile {
  en: Dict;
  zh: Dict;
}

const en = import.meta.glob<Dict>(['./*.en.ts', '../patterns/*/strings.en.ts'], { eager: true, import: 'default' });
const zh = import.meta.glob<Dict>(['./*.zh.ts', '../patterns/*/strings.zh.ts'], { eager: true, import: 'default' });

const stem = (path: string) => path.replace(/\.(en|zh)\.ts$/, '');

/** Every resource file, by name; a file present in one language only gets an empty dictionary for the other. */
export const resourceFiles: Record<string, ResourceFile> = {};
for (const [path, dict] of Object.entries(en)) resourceFiles[stem(path)] = { en: dict, zh: {} };
for (const [path, dict] of Object.entries(zh)) {
  const f = (resourceFiles[stem(path)] ??= { en: {}, zh: {} });
  f.zh = dict;
}

export function mergedResources(): Record<Lang, Dict> {
  const out: Record<Lang, Dict> = { en: {}, zh: {} };
  for (const file of Object.values(resourceFiles)) {
    Object.assign(out.en, file.en);
    Object.assign(out.zh, file.zh);
  }
  return out;
}
