/** Small React-side helpers shared by the panels (translation of node names and pattern words). */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/run';
import { useFastT } from '../hooks/useFastT';
import { nodeName } from './describe';

export function usePanelText() {
  const { i18n } = useTranslation();
  const { t, lang } = useFastT();
  const topology = useRun((s) => s.result.topology);
  // Node names are asked for many times per render: once per node and language.
  const names = useMemo(() => new Map(topology.nodes.map((n) => [n.id, nodeName(t, topology, n.id)])), [t, topology]);
  const name = useCallback((id: string) => names.get(id) ?? nodeName(t, topology, id), [names, t, topology]);
  const exists = useCallback((k: string) => i18n.exists(k), [i18n]);
  return { t, name, exists, lang };
}
