/** Small React-side helpers shared by the panels (translation of node names and pattern words). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../../store/lab';
import { nodeName, type TFn } from './describe';

export function usePanelText() {
  const { t, i18n } = useTranslation();
  const tf = t as unknown as TFn;
  const topology = useLab((s) => s.result.topology);
  const name = useCallback((id: string) => nodeName(tf, topology, id), [tf, topology]);
  const exists = useCallback((k: string) => i18n.exists(k), [i18n]);
  return { t: tf, name, exists, lang: i18n.language };
}
