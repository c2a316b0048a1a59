/**
 * The registry as the page loads it (issue 15, initial JS ≤ 200 kB): every registered pattern's id and family, in
 * registry order, with a loader for its code. The first screen downloads only the first pattern (the one it shows);
 * another pattern's code loads when it is picked or opened from a link, and all of them once the page is idle.
 * Node (the CLI, the lab, the tests) and the lazily loaded schema use registry.ts, which imports every pattern;
 * catalog.test.ts fails when the two lists differ, so a new pattern is its folder, one line in registry.ts and one
 * line here.
 */
import type { PatternDef } from '../engine/pattern';
import { twoPC } from './twopc';

export interface CatalogEntry {
  id: string;
  /** Family, for grouping in the picker (PatternDef.family). */
  family: string;
  load: () => Promise<PatternDef>;
}

export const catalog: readonly CatalogEntry[] = [
  { id: '2pc', family: 'atomic-commit', load: () => Promise.resolve(twoPC) },
  { id: 'tcc', family: 'compensation', load: () => import('./tcc').then((m) => m.tcc) },
  { id: 'saga', family: 'compensation', load: () => import('./saga').then((m) => m.saga) },
  { id: 'notify', family: 'messaging', load: () => import('./notify').then((m) => m.notify) },
  { id: 'outbox', family: 'messaging', load: () => import('./outbox').then((m) => m.outbox) },
  { id: 'rocketmq', family: 'messaging', load: () => import('./rocketmq').then((m) => m.rocketmq) },
  { id: 'didi-coupon', family: 'messaging', load: () => import('./didi-coupon').then((m) => m.didiCoupon) },
  { id: 'didi-pay', family: 'messaging', load: () => import('./didi-pay').then((m) => m.didiPay) },
];

/** The pattern the app opens with (registry.ts's first). */
export const defaultPattern: PatternDef = twoPC;

const loaded = new Map<string, PatternDef>([[twoPC.id, twoPC]]);
const pending = new Map<string, Promise<PatternDef>>();

export const isKnownPattern = (id: string): boolean => catalog.some((e) => e.id === id);

/** The pattern's definition if its code is already here. */
export function loadedPattern(id: string): PatternDef | undefined {
  return loaded.get(id);
}

/** Load a pattern's code (once); undefined for an id no pattern has. */
export function loadPattern(id: string): Promise<PatternDef | undefined> {
  const have = loaded.get(id);
  if (have) return Promise.resolve(have);
  const entry = catalog.find((e) => e.id === id);
  if (!entry) return Promise.resolve(undefined);
  let p = pending.get(id);
  if (!p) {
    p = entry.load().then((def) => {
      loaded.set(id, def);
      return def;
    });
    p.catch(() => pending.delete(id)); // a failed fetch can be retried
    pending.set(id, p);
  }
  return p;
}

/** Every pattern's code, for when the page is idle (a pick is then instant, and works offline). */
export function preloadPatterns(): Promise<void> {
  return Promise.all(catalog.map((e) => loadPattern(e.id))).then(() => undefined);
}
