/**
 * fastT for components: re-renders on a language change (through useTranslation) and returns a translate function
 * whose identity changes with the language, so memoized text (useMemo/useCallback on it) is recomputed then.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fastT } from '../../i18n/fast';
import type { TFn } from '../panels/describe';

export function useFastT(): { t: TFn; lang: string } {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function per language on purpose
  const t = useMemo<TFn>(() => (key, params) => fastT(key, params), [lang]);
  return { t, lang };
}
