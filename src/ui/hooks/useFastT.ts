/**
 * fastT for components: re-renders on a language change and returns a translate function whose identity changes
 * with the language, so memoized text (useMemo/useCallback on it) is recomputed then. The language is read through
 * useSyncExternalStore on i18next's 'languageChanged' (what react-i18next's useTranslation re-renders on), without
 * the wrapper objects useTranslation builds on every render of every node, edge and row.
 */
import { useMemo, useSyncExternalStore } from 'react';
import i18n from '../../i18n';
import { fastT } from '../../i18n/fast';
import type { TFn } from '../panels/describe';

function subscribe(cb: () => void): () => void {
  i18n.on('languageChanged', cb);
  return () => i18n.off('languageChanged', cb);
}
const language = () => i18n.language;

export function useFastT(): { t: TFn; lang: string } {
  const lang = useSyncExternalStore(subscribe, language, language);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function per language on purpose
  const t = useMemo<TFn>(() => (key, params) => fastT(key, params), [lang]);
  return { t, lang };
}
