/** Small React-side helpers shared by the panels (translation of node names and pattern words). */
import { useCallback, useMemo } from 'react';
import { fastExists } from '../../i18n/fast';
import { useRun } from '../../store/run';
import { useFastT } from '../hooks/useFastT';
import { nodeName } from './describe';

export function usePanelText() {
  const { t, lang } = useFastT();
  const topology = useRun((s) => s.result.topology);
  // Node names are asked for many times per render: once per node and language.
  const names = useMemo(() => new Map(topology.nodes.map((n) => [n.id, nodeName(t, topology, n.id)])), [t, topology]);
  const name = useCallback((id: string) => names.get(id) ?? nodeName(t, topology, id), [names, t, topology]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function per language, as t
  const exists = useCallback((k: string) => fastExists(k), [lang]);
  return { t, name, exists, lang };
}
