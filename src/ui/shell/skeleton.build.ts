/**
 * The skeleton pages for index.html (vite.config.ts writes them in at build time; see skeleton.ts): one per
 * language, with and without the first pattern's texts, from the same string files the app loads.
 */
import { twoPC as first } from '../../patterns/twopc'; // the pattern the app opens with (catalog.ts's first)
import twopcEn from '../../patterns/twopc/strings.en';
import twopcZh from '../../patterns/twopc/strings.zh';
import uiEn from '../../i18n/ui.en';
import uiZh from '../../i18n/ui.zh';
import tourEn from '../../i18n/tour.en';
import tourZh from '../../i18n/tour.zh';
import { skeletonHtml, type SkeletonFacts, type Translate } from './skeleton';

export const skeletonPattern = first.id;

const dicts = {
  en: { ...uiEn, ...tourEn, ...twopcEn },
  zh: { ...uiZh, ...tourZh, ...twopcZh },
};

/** i18next's `{{name}}` interpolation; a missing key shows the key, as in the app. */
const translator =
  (dict: Record<string, string>): Translate =>
  (key, params = {}) =>
    (dict[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

export function skeletonPages(): Record<'en' | 'zh' | 'en-frame' | 'zh-frame', string> {
  const facts: SkeletonFacts = {
    pattern: first.id,
    guardsOn: first.guards.filter((g) => g.default).length,
    guardsTotal: first.guards.length,
  };
  const en = translator(dicts.en);
  const zh = translator(dicts.zh);
  return {
    en: skeletonHtml(en, 'en', facts, true),
    zh: skeletonHtml(zh, 'zh', facts, true),
    'en-frame': skeletonHtml(en, 'en', facts, false),
    'zh-frame': skeletonHtml(zh, 'zh', facts, false),
  };
}
