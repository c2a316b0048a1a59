import { createContext } from 'react';

/** What the fault menu is open on, and where (viewport px). */
export type MenuTarget =
  | { kind: 'node'; node: string; x: number; y: number; opener?: HTMLElement | null }
  | { kind: 'edge'; a: string; b: string; x: number; y: number; opener?: HTMLElement | null };

export const MenuContext = createContext<(m: MenuTarget) => void>(() => {});
