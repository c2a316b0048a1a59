/**
 * Where the diagram reads its trace and cursor from. By default the page's run store (useRun); inside a
 * <DiagramSource.Provider> (the Compare view's side-by-side row) a small store of its own, so several diagrams can
 * each show their own trace at a shared time with the same components. `compact`: a read-only mini diagram (no
 * menus, no selection; large type on small cards).
 */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useRun } from '../../store/run';
import type { DiagramState } from '../../store/compare-side';

export type { DiagramState };

export const DiagramSource = createContext<StoreApi<DiagramState> | null>(null);

/** The diagram's store: the provided one, else the page's run store. */
export function useDiagram<T>(selector: (s: DiagramState) => T): T {
  const api = useContext(DiagramSource);
  return useStore((api ?? useRun) as StoreApi<DiagramState>, selector);
}

/** Whether the diagram is a read-only compact one (a provided store). */
export function useCompactDiagram(): boolean {
  return useContext(DiagramSource) !== null;
}

/** A mini card title's size and line breaking (src/ui/diagram/compactTitle.ts). */
export interface TitleFit {
  className: string;
  style: { fontSize: number; lineHeight: string };
}

/** Provided beside DiagramSource by the page that draws mini diagrams: how their cards' titles fit (null: 20 px). */
export const CompactTitleFit = createContext<((label: string) => TitleFit) | null>(null);
